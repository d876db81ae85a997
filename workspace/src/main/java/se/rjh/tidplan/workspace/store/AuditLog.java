package se.rjh.tidplan.workspace.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;

/**
 * What an administrator reads back about who did what to the accounts and the common calendar: every login and
 * failed login, every account, role and token change, publication, feed rotation and deletion, with who (the
 * account, or none while the workspace has no accounts), when and from where. Kept in the database, so every
 * node of a shared server writes to the one log.
 */
public final class AuditLog {

    /** What was done. */
    public enum Action {
        LOGIN, LOGIN_FAILED, LOGIN_LOCKED, LOGOUT, USER_ADDED, USER_REMOVED, TOKEN_RENEWED, PUBLISHED, FEED_ROTATED,
        SCENARIO_DELETED
    }

    /** One entry: {@code by} the account (null: none), {@code address} where from, {@code subject} what it concerned. */
    public record Event(Instant at, String by, String address, Action action, String subject) {
    }

    /** Where a change made on this machine's command line comes from. */
    public static final String COMMAND_LINE = "command line";

    /** Text longer than its column is cut, so that an absurd user name cannot keep an event out of the log. */
    private static final int SUBJECT_LENGTH = 400;

    private final Jdbi jdbi;

    private AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The log in a database whose schema {@link ScenarioStore#open} has brought up to date. */
    public static AuditLog on(DataSource dataSource) {
        return new AuditLog(Jdbi.create(dataSource));
    }

    public void record(String by, String address, Action action, String subject) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_event (at, by_user, address, action, subject)"
                        + " VALUES (:at, :by, :address, :action, :subject)")
                .bind("at", Timestamp.from(Instant.now())).bind("by", cut(by, 200)).bind("address", cut(address, 100))
                .bind("action", action.name()).bind("subject", cut(subject, SUBJECT_LENGTH)).execute());
    }

    /** The latest {@code count} events, newest first. */
    public List<Event> latest(int count) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, by_user, address, action, subject FROM audit_event"
                        + " ORDER BY id DESC LIMIT :count")
                .bind("count", count)
                .map((rs, ctx) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("by_user"), rs.getString("address"),
                        Action.valueOf(rs.getString("action")), rs.getString("subject")))
                .list());
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}

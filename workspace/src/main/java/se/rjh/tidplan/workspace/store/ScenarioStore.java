package se.rjh.tidplan.workspace.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;

/**
 * The workspace's scenarios in a relational database (H2 in a file by default; PostgreSQL serves the same
 * schema): every change is one transaction that writes a new version, whole, so a crash leaves either the
 * old version or the new one, and a save based on an older version than the scenario's is refused.
 */
public final class ScenarioStore {

    /**
     * A scenario as listed: its latest version, and when and why that version was saved; {@code today}, before which
     * its calendar is frozen (null: nothing is); {@code publishedVersion}, the version its feed serves while it is
     * the published scenario (later versions are its draft).
     */
    public record Scenario(long id, String name, int version, boolean published, Instant savedAt, VersionEvent event,
            String score, String feedSecret, LocalDate today, Integer publishedVersion) {
    }

    /** What a version holds: the dataset's files, the calendar CSV, and that calendar's score. */
    public record State(Map<String, String> dataset, String calendar, String score) {
    }

    /** A publication: a version of a scenario made the common calendar, and the one it replaced (if any). */
    public record Publication(long scenario, int version, Long previousScenario, Integer previousVersion, Instant at,
            String by) {
    }

    /** One saved version, for the history: what made it, typed. */
    public record Version(int version, Instant savedAt, VersionEvent event, String score, String by) {
    }

    /** A save based on a version that is no longer the scenario's latest. */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int current;
        private final transient Phrase phrase;

        public Conflict(long id, int basedOn, int current) {
            super("scenario " + id + " is at version " + current + ", the change was based on version " + basedOn
                    + "; reload and try again");
            this.current = current;
            this.phrase = Phrase.of(Text.ERROR_CONFLICT, id, current, basedOn);
        }

        /** The conflict in the planners' words. */
        public Phrase phrase() {
            return phrase;
        }

        public int current() {
            return current;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final Jdbi jdbi;

    private ScenarioStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Opens the store on a database, bringing its schema up to date first (Flyway migrations). */
    public static ScenarioStore open(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new ScenarioStore(Jdbi.create(dataSource));
    }

    /** Whether the database answers now: what the health endpoint reports. */
    public boolean reachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    public List<Scenario> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_LATEST + " ORDER BY s.id").map((rs, ctx) -> scenario(rs)).list());
    }

    public Optional<Scenario> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_LATEST + " WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> scenario(rs)).findOne());
    }

    /** The state of a scenario at a version. */
    public Optional<State> state(long id, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT dataset, calendar, score FROM scenario_version"
                        + " WHERE scenario_id = :id AND version = :version").bind("id", id).bind("version", version)
                .map((rs, ctx) -> new State(files(rs.getString("dataset")), rs.getString("calendar"), rs.getString("score")))
                .findOne());
    }

    public List<Version> history(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version, saved_at, event, score, saved_by FROM scenario_version"
                        + " WHERE scenario_id = :id ORDER BY version DESC").bind("id", id)
                .map((rs, ctx) -> {
                    VersionEvent event = event(rs.getString("event"));
                    return new Version(rs.getInt("version"), rs.getTimestamp("saved_at").toInstant(), event,
                            rs.getString("score"), rs.getString("saved_by"));
                }).list());
    }

    /** A new scenario at version 1, made by {@code by} (a user's name, or null without accounts). */
    public long create(String name, State state, VersionEvent what, String by) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO scenario (name, version, published, created_at) VALUES (:name, 1, FALSE, :at)")
                    .bind("name", name).bind("at", now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertVersion(h, id, 1, state, what, by);
            return id;
        });
    }

    /**
     * Saves a new version of a scenario, based on {@code basedOn}; refused with {@link Conflict} when the
     * scenario has moved on since (another tab, another planner), so nothing is overwritten unseen.
     */
    public int save(long id, int basedOn, State state, VersionEvent what, String by) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE scenario SET version = version + 1 WHERE id = :id AND version = :basedOn")
                    .bind("id", id).bind("basedOn", basedOn).execute();
            if (updated == 0) {
                int current = h.createQuery("SELECT version FROM scenario WHERE id = :id").bind("id", id)
                        .mapTo(Integer.class).findOne().orElseThrow(() -> new IllegalArgumentException("no scenario " + id));
                throw new Conflict(id, basedOn, current);
            }
            insertVersion(h, id, basedOn + 1, state, what, by);
            return basedOn + 1;
        });
    }

    /**
     * Publishes {@code version} of one scenario as the common calendar, and no other scenario; its feed gets
     * {@code secret} if it has none. Refused with {@link Conflict} when the scenario has moved on from that version
     * (the planner would publish what they have not seen).
     */
    public void publish(long id, int version, String secret, String by) {
        jdbi.useTransaction(h -> {
            int current = h.createQuery("SELECT version FROM scenario WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(Integer.class).findOne().orElseThrow(() -> new IllegalArgumentException("no scenario " + id));
            if (current != version) {
                throw new Conflict(id, version, current);
            }
            var before = h.createQuery("SELECT id, published_version FROM scenario WHERE published FOR UPDATE")
                    .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getInt("published_version")}).findOne();
            h.createUpdate("INSERT INTO publication (scenario_id, version, previous_scenario, previous_version, published_at,"
                            + " published_by) VALUES (:id, :version, :previous, :previousVersion, :at, :by)")
                    .bind("id", id).bind("version", version).bind("previous", before.map(b -> b[0]).orElse(null))
                    .bind("previousVersion", before.map(b -> (int) b[1]).orElse(null)).bind("at", now()).bind("by", by)
                    .execute();
            h.createUpdate("UPDATE scenario SET published = FALSE, published_version = NULL WHERE published AND id <> :id")
                    .bind("id", id).execute();
            h.createUpdate("UPDATE scenario SET published = TRUE, published_version = :version,"
                            + " feed_secret = COALESCE(feed_secret, :secret) WHERE id = :id")
                    .bind("id", id).bind("version", version).bind("secret", secret).execute();
        });
    }

    /** Sets the day before which the scenario's calendar is frozen (null: nothing is). */
    public void setToday(long id, LocalDate today) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE scenario SET today = :today WHERE id = :id").bind("id", id)
                .bind("today", today).execute());
    }

    /** Deletes a scenario and all its versions, unless it is the published one; says whether it did. */
    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM scenario WHERE id = :id AND NOT published").bind("id", id)
                .execute()) == 1;
    }

    /** A new secret for the scenario's feed: the old address stops working. */
    public void rotateFeed(long id, String secret) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE scenario SET feed_secret = :secret WHERE id = :id")
                .bind("id", id).bind("secret", secret).execute());
    }

    public Optional<String> feedSecret(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT feed_secret FROM scenario WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne()).filter(java.util.Objects::nonNull);
    }

    /** The published scenario whose feed has this secret. */
    public Optional<Scenario> byFeed(String secret) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_LATEST + " WHERE s.feed_secret = :secret AND s.published")
                .bind("secret", secret).map((rs, ctx) -> scenario(rs)).findOne());
    }

    /** The latest publication, if any. */
    public Optional<Publication> latestPublication() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM publication ORDER BY id DESC LIMIT 1")
                .map((rs, ctx) -> new Publication(rs.getLong("scenario_id"), rs.getInt("version"),
                        rs.getObject("previous_scenario", Long.class), rs.getObject("previous_version", Integer.class),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by")))
                .findOne());
    }

    /** When a version was saved. */
    public Optional<Instant> savedAt(long id, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT saved_at FROM scenario_version WHERE scenario_id = :id"
                        + " AND version = :version").bind("id", id).bind("version", version)
                .map((rs, ctx) -> rs.getTimestamp("saved_at").toInstant()).findOne());
    }

    /** The calendar CSV of every version after {@code after} up to {@code last}, oldest first. */
    public List<String> calendars(long id, int after, int last) {
        return jdbi.withHandle(h -> h.createQuery("SELECT calendar FROM scenario_version WHERE scenario_id = :id"
                        + " AND version > :after AND version <= :last ORDER BY version")
                .bind("id", id).bind("after", after).bind("last", last).mapTo(String.class).list());
    }

    private static void insertVersion(org.jdbi.v3.core.Handle h, long id, int version, State state, VersionEvent what,
            String by) {
        h.createUpdate("INSERT INTO scenario_version (scenario_id, version, saved_at, event, score, dataset, calendar, saved_by)"
                        + " VALUES (:id, :version, :at, :event, :score, :dataset, :calendar, :by)").bind("by", by)
                .bind("id", id).bind("version", version).bind("at", now()).bind("event", json(what)).bind("score", state.score())
                .bind("dataset", json(state.dataset())).bind("calendar", state.calendar()).execute();
    }

    private static final String SELECT_LATEST = "SELECT s.id, s.name, s.version, s.published, s.feed_secret, s.today,"
            + " s.published_version, v.saved_at, v.event, v.score"
            + " FROM scenario s JOIN scenario_version v ON v.scenario_id = s.id AND v.version = s.version";

    private static Scenario scenario(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Scenario(rs.getLong("id"), rs.getString("name"), rs.getInt("version"), rs.getBoolean("published"),
                rs.getTimestamp("saved_at").toInstant(), event(rs.getString("event")), rs.getString("score"),
                rs.getString("feed_secret"), rs.getObject("today", LocalDate.class),
                rs.getObject("published_version", Integer.class));
    }

    /** Database time stamps to the millisecond, as both H2 and PostgreSQL keep them. */
    private static java.sql.Timestamp now() {
        return java.sql.Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A version's dataset files or its event, as the database keeps them (also written by the migrations). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VersionEvent event(String json) {
        try {
            return JSON.readValue(json, VersionEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored history event is not one: " + e.getMessage(), e);
        }
    }

    /** A version's dataset files from the JSON the database keeps (also read by the migrations). */
    public static Map<String, String> files(String json) {
        try {
            return JSON.readValue(json, new TypeReference<java.util.TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dataset is not JSON: " + e.getMessage(), e);
        }
    }
}

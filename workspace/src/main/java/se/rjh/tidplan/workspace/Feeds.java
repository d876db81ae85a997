package se.rjh.tidplan.workspace;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.write.IcsWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Meeting;

/**
 * The published calendar as feeds that Outlook and Google Calendar subscribe to, at an address no one can guess:
 * the whole calendar, or what concerns one body, one unit or one person. A feed serves the version that was
 * published, never the draft being edited after it.
 */
public final class Feeds {

    /**
     * The published calendar as a feed: what a client caches it by, and the iCalendar text, made only when asked
     * for (a client that has this version already is answered without it).
     */
    public record Feed(String etag, Instant lastModified, Supplier<String> ics) {
    }

    /** Whom a feed is for: everyone, or those a body, a unit or a person is concerned in. */
    public enum Audience {
        EVERYONE, BODY, UNIT, PERSON;

        Predicate<Activity> concerns(String who) {
            return switch (this) {
                case EVERYONE -> activity -> true;
                case BODY -> activity -> activity.getBodies().stream().map(Body::getCode).anyMatch(who::equals);
                case UNIT -> activity -> who.equals(activity.getUnit());
                case PERSON -> activity -> activity instanceof Meeting meeting && meeting.getParticipants().contains(who);
            };
        }
    }

    /** How many published versions' whole feeds are kept: a new publication makes a new feed. */
    private static final int VERSIONS_KEPT = 4;
    private static final SecureRandom SECRETS = new SecureRandom();

    private final Versions versions;
    private final CalendarViews calendars;
    private final VersionCache<String> feeds = new VersionCache<>(VERSIONS_KEPT);

    Feeds(Versions versions, CalendarViews calendars) {
        this.versions = versions;
        this.calendars = calendars;
    }

    /**
     * The published calendar behind a feed address, for {@code audience} ({@code who}: the body's code, the unit's
     * or the person's name): each event's SEQUENCE is how often it moved over the scenario's versions up to the
     * published one, so a calendar program applies every re-plan; its UID is the activity's, so events move instead
     * of multiplying.
     */
    public Optional<Feed> feed(String secret, Audience audience, String who) {
        return versions.store().byFeed(secret).filter(s -> s.publishedVersion() != null).map(s -> {
            long id = s.id();
            int version = s.publishedVersion();
            Instant published = versions.store().savedAt(id, version).orElse(s.savedAt());
            Supplier<String> ics = audience == Audience.EVERYONE ? () -> feeds.get(id, version, () -> render(id, version,
                    audience.concerns(who))) : () -> render(id, version, audience.concerns(who));
            String etag = "\"" + id + "-" + version + (audience == Audience.EVERYONE ? "" : "-" + audience + "-" + who) + "\"";
            return new Feed(etag, published, ics);
        });
    }

    private String render(long id, int version, Predicate<Activity> concerns) {
        return IcsWriter.render(calendars.scored(id, version).schedule(), moves(id, version), concerns);
    }

    /** How often each activity's date or time changed over the scenario's versions up to {@code version}. */
    private Map<String, Integer> moves(long id, int version) {
        Map<String, Integer> moves = new TreeMap<>();
        Map<String, String> when = new TreeMap<>();
        for (String csv : versions.store().calendars(id, version)) {
            for (CalendarRow row : Versions.calendar(id, csv).rows()) {
                String at = row.date() + " " + row.start() + " " + row.end();
                String before = when.put(row.id(), at);
                if (before != null && !before.equals(at)) {
                    moves.merge(row.id(), 1, Integer::sum);
                }
            }
        }
        return moves;
    }

    /** 32 random bytes, URL-safe: an address no one can guess or work out from a scenario's number. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        SECRETS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package se.rjh.tidplan.workspace;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    private final VersionCache<Map<String, Integer>> movesByVersion = new VersionCache<>(VERSIONS_KEPT);
    /** Each scenario's moves counted up to the latest version a feed has shown. */
    private final Map<Long, Moves> counted = new ConcurrentHashMap<>();

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

    /**
     * How often each activity's date or time changed over the scenario's versions up to {@code version}: carried on
     * from the latest version counted before, so that a new publication reads only the versions saved since the last
     * one, however long the history (after a restart, the first feed reads the history once).
     */
    private Map<String, Integer> moves(long id, int version) {
        return movesByVersion.get(id, version, () -> {
            Moves from = Optional.ofNullable(counted.get(id)).filter(m -> m.version() <= version).orElse(Moves.NONE);
            Moves upTo = from.then(version, versions.store().calendars(id, from.version(), version).stream()
                    .map(csv -> Versions.calendar(id, csv).rows()).toList());
            counted.merge(id, upTo, (a, b) -> a.version() >= b.version() ? a : b);
            return upTo.counts();
        });
    }

    /** Moves counted up to a version: each activity's day and time there, and how often it changed until then. */
    private record Moves(int version, Map<String, String> when, Map<String, Integer> counts) {
        static final Moves NONE = new Moves(0, Map.of(), Map.of());

        /** Counted on over the calendars of the versions after this one, up to {@code last}. */
        Moves then(int last, List<List<CalendarRow>> calendars) {
            Map<String, String> at = new TreeMap<>(when);
            Map<String, Integer> moved = new TreeMap<>(counts);
            for (List<CalendarRow> calendar : calendars) {
                for (CalendarRow row : calendar) {
                    String now = row.date() + " " + row.start() + " " + row.end();
                    String before = at.put(row.id(), now);
                    if (before != null && !before.equals(now)) {
                        moved.merge(row.id(), 1, Integer::sum);
                    }
                }
            }
            return new Moves(last, Collections.unmodifiableMap(at), Collections.unmodifiableMap(moved));
        }
    }

    /** 32 random bytes, URL-safe: an address no one can guess or work out from a scenario's number. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        SECRETS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package se.rjh.tidplan.workspace;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.write.IcsWriter;

/** The published calendar as a feed that Outlook and Google Calendar subscribe to, at an address no one can guess. */
public final class Feeds {

    /**
     * The published calendar as a feed: what a client caches it by, and the iCalendar text, made only when asked
     * for (a client that has this version already is answered without it).
     */
    public record Feed(String etag, Instant lastModified, Supplier<String> ics) {
    }

    private static final SecureRandom SECRETS = new SecureRandom();

    /** How many published versions' feeds are kept: a new version makes a new feed. */
    private static final int VERSIONS_KEPT = 4;

    private final Versions versions;
    private final CalendarViews calendars;
    private final VersionCache<String> feeds = new VersionCache<>(VERSIONS_KEPT);

    Feeds(Versions versions, CalendarViews calendars) {
        this.versions = versions;
        this.calendars = calendars;
    }

    /**
     * The published calendar behind a feed address: each event's SEQUENCE is how often it moved over the
     * scenario's versions, so a calendar program applies every re-plan; its UID is the activity's, so events move
     * instead of multiplying.
     */
    public Optional<Feed> feed(String secret) {
        return versions.store().byFeed(secret).map(s -> new Feed("\"" + s.id() + "-" + s.version() + "\"", s.savedAt(),
                () -> feeds.get(s.id(), s.version(),
                        () -> IcsWriter.render(calendars.scored(s.id(), s.version()).schedule(), moves(s.id())))));
    }

    /** How often each activity's date or time changed over the scenario's versions. */
    private Map<String, Integer> moves(long id) {
        Map<String, Integer> moves = new TreeMap<>();
        Map<String, String> when = new TreeMap<>();
        for (String csv : versions.store().calendars(id)) {
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

package se.rjh.tidplan.data.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;

/**
 * The calendar as iCalendar for Outlook and Google Calendar: a timed meeting with its start and end in
 * Europe/Stockholm, every other activity as an all-day event, each described with its bodies, processes and
 * År i fokus. The UID is the activity's Id, so importing a re-planned calendar updates the events it
 * already holds instead of adding them again. All-day events are transparent (a deadline does not block the
 * day in anyone's free/busy), lines are folded at 75 octets as RFC 5545 says (not 75 characters: å, ä and ö
 * take two), and the time zone is Sweden's own definition.
 *
 * <p>Written over an earlier version of the file, it carries each event's SEQUENCE on and raises it by one
 * where the event's time has changed: calendar programs apply an update only when its SEQUENCE is higher than
 * the one they hold, so a re-planned event moves in everyone's calendar instead of being ignored.
 */
public final class IcsWriter {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private IcsWriter() {
    }

    /** The longest line RFC 5545 allows, in octets, before it must be folded. */
    static final int FOLD_OCTETS = 75;

    /**
     * Europe/Stockholm as Swedish calendars define it: CET, and CEST from the last Sunday of March at 02:00 to
     * the last Sunday of October at 03:00 (EU rules since 1996). ical4j's own data has Stockholm only as a
     * link to Berlin.
     */
    private static final String STOCKHOLM_VTIMEZONE = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//tidplan//zone//SV", "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE", "END:VCALENDAR", "");

    /** An event as an earlier version of the file had it: when, and its SEQUENCE. */
    private record Published(String start, String end, int sequence) {
    }

    public static void write(Schedule schedule, Path target) {
        Map<String, Published> previous = previousVersion(target);
        String text = render(schedule, (uid, now) -> sequence(previous.get(uid), now), activity -> true);
        AtomicFile.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The calendar as iCalendar text, every event at SEQUENCE 0 (a first publication). */
    public static String render(Schedule schedule) {
        return render(schedule, Map.of());
    }

    /**
     * The calendar as iCalendar text, each event's SEQUENCE given by its activity's Id (0 where none is): a
     * published feed counts how often each event moved over the scenario's versions.
     */
    public static String render(Schedule schedule, Map<String, Integer> sequenceById) {
        return render(schedule, sequenceById, activity -> true);
    }

    /** The same for the activities that concern someone (a body's, a unit's, a person's): their own feed. */
    public static String render(Schedule schedule, Map<String, Integer> sequenceById, Predicate<Activity> included) {
        return render(schedule, (uid, now) -> sequenceById.getOrDefault(uid.substring(0, uid.length() - UID_SUFFIX.length()), 0),
                included);
    }

    private static final String UID_SUFFIX = "@tidplan";

    private static String render(Schedule schedule, BiFunction<String, Published, Integer> sequenceOf,
            Predicate<Activity> included) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//tidplan//" + schedule.getName() + "//SV"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(stockholm());
        for (Activity activity : CalendarCsvWriter.inCalendarOrder(schedule).stream().filter(included).toList()) {
            VEvent event = activity instanceof Meeting meeting && meeting.getStart() != null
                    ? new VEvent(ZonedDateTime.of(meeting.getDate(), meeting.getStart(), STOCKHOLM),
                            ZonedDateTime.of(meeting.getDate(), meeting.getEnd(), STOCKHOLM), activity.getName())
                    : new VEvent(activity.getDate(), activity.getDate().plusDays(1), activity.getName());
            String uid = activity.getId() + UID_SUFFIX;
            event.add(new Uid(uid));
            event.add(new Sequence(sequenceOf.apply(uid, published(event))));
            if (!(activity instanceof Meeting meeting && meeting.getStart() != null)) {
                event.add(ImmutableTransp.TRANSPARENT);
            }
            event.add(new Description(description(activity)));
            String processes = activity.getProcesses().stream().map(ProcessArea::name).collect(Collectors.joining(","));
            if (!processes.isEmpty()) {
                event.add(new Categories(processes));
            }
            calendar.add(event);
        }
        StringWriter unfolded = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, unfolded);
        } catch (ValidationException | IOException e) {
            throw new IllegalStateException("the calendar is not valid iCalendar: " + e.getMessage(), e);
        }
        return fold(unfolded.toString());
    }

    /** Refuses, before any work is done, a target that exists and is not an earlier calendar. */
    public static void requireReplaceable(Path target) {
        previousVersion(target);
    }

    /** The events of the file already at {@code target}, by UID; none when there is no file. */
    private static Map<String, Published> previousVersion(Path target) {
        if (!Files.exists(target)) {
            return Map.of();
        }
        Calendar earlier;
        try (InputStream in = Files.newInputStream(target)) {
            earlier = new CalendarBuilder().build(in);
        } catch (IOException | ParserException e) {
            throw new InputException(target.toString(), "exists and is not an iCalendar file; remove it or write to another name", e);
        }
        Map<String, Published> events = new HashMap<>();
        for (VEvent event : earlier.<VEvent>getComponents(Component.VEVENT)) {
            event.getProperty(Property.UID).ifPresent(uid -> events.put(uid.getValue(), published(event)));
        }
        return events;
    }

    private static Published published(VEvent event) {
        return new Published(value(event, Property.DTSTART), value(event, Property.DTEND),
                event.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue().trim())).orElse(0));
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse("");
    }

    /** The earlier SEQUENCE, one higher if the event has moved; 0 for a new event. */
    private static int sequence(Published earlier, Published now) {
        if (earlier == null) {
            return 0;
        }
        boolean moved = !earlier.start().equals(now.start()) || !earlier.end().equals(now.end());
        return earlier.sequence() + (moved ? 1 : 0);
    }

    private static VTimeZone stockholm() {
        try {
            Calendar zones = new CalendarBuilder().build(new StringReader(STOCKHOLM_VTIMEZONE));
            return (VTimeZone) zones.getComponent(Component.VTIMEZONE).orElseThrow();
        } catch (IOException | ParserException e) {
            throw new IllegalStateException("the Europe/Stockholm definition does not parse", e);
        }
    }

    /** Every line of at most {@link #FOLD_OCTETS} octets, continued on lines that start with a space. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder();
        // ical4j folds by characters whatever it is told; undo that first.
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        for (String line : unfolded.split("\r\n", -1)) {
            if (folded.length() > 0) {
                folded.append("\r\n");
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > FOLD_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1; // the space that continues the line counts too
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
        }
        return folded.toString();
    }

    private static String description(Activity activity) {
        StringBuilder text = new StringBuilder();
        String bodies = activity.getBodies().stream().map(Body::getName).collect(Collectors.joining(", "));
        if (!bodies.isEmpty()) {
            text.append("Organ: ").append(bodies).append('\n');
        }
        if (!activity.getProcesses().isEmpty()) {
            text.append("Process: ").append(activity.getProcesses().stream().map(ProcessArea::name)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!activity.getYearInFocus().isEmpty()) {
            text.append("År i fokus: ").append(activity.getYearInFocus()).append('\n');
        }
        if (!activity.getUnit().isEmpty()) {
            text.append("Ansvarig: ").append(activity.getUnit()).append('\n');
        }
        if (activity instanceof Meeting meeting && !meeting.getParticipants().isEmpty()) {
            text.append("Deltagare: ").append(String.join(", ", meeting.getParticipants())).append('\n');
        }
        if (activity.getBrief() != null && !activity.getBrief().purpose().isEmpty()) {
            text.append("Syfte: ").append(activity.getBrief().purpose()).append('\n');
        }
        text.append("tidplan: ").append(activity.getId());
        return text.toString();
    }
}

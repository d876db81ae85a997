package se.rjh.tidplan.data.write;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;

/**
 * The calendar as iCalendar for Outlook and Google Calendar: a timed meeting with its start and end in
 * Europe/Stockholm, every other activity as an all-day event, each described with its bodies, processes and
 * År i fokus. The UID is the activity's Id, so importing a re-planned calendar updates the events it
 * already holds instead of adding them again.
 */
public final class IcsWriter {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private IcsWriter() {
    }

    public static void write(Schedule schedule, Path target) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//tidplan//" + schedule.getName() + "//SV"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // ical4j's tz data keeps Europe/Stockholm as a link to Europe/Berlin (the same rules); the events
        // say Europe/Stockholm, so the definition must carry that name too.
        VTimeZone zone = (VTimeZone) registry.getTimeZone(STOCKHOLM.getId()).getVTimeZone().copy();
        zone.replace(new TzId(STOCKHOLM.getId()));
        calendar.add(zone);
        for (Activity activity : CalendarCsvWriter.inCalendarOrder(schedule)) {
            VEvent event = activity instanceof Meeting meeting && meeting.getStart() != null
                    ? new VEvent(ZonedDateTime.of(meeting.getDate(), meeting.getStart(), STOCKHOLM),
                            ZonedDateTime.of(meeting.getDate(), meeting.getEnd(), STOCKHOLM), activity.getName())
                    : new VEvent(activity.getDate(), activity.getDate().plusDays(1), activity.getName());
            event.add(new Uid(activity.getId() + "@tidplan"));
            event.add(new Description(description(activity)));
            String processes = activity.getProcesses().stream().map(ProcessArea::name).collect(Collectors.joining(","));
            if (!processes.isEmpty()) {
                event.add(new Categories(processes));
            }
            calendar.add(event);
        }
        AtomicFile.write(target, out -> {
            try {
                new CalendarOutputter().output(calendar, out);
            } catch (ValidationException e) {
                throw new IOException("the calendar is not valid iCalendar: " + e.getMessage(), e);
            }
        });
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

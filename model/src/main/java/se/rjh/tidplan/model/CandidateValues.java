package se.rjh.tidplan.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each activity the dates and start times the solver may try, so that the search never even tries
 * a day a body does not sit or a weekend: a matter handled at a sitting gets its bodies' sitting days
 * inside its window, other work the working days inside its window, and a fixed activity its own date.
 * <p>
 * When the rules leave no day at all (a body with no sitting in the window), the activity gets the wider
 * range so that the solver still returns a calendar and the hard constraints say what is wrong.
 */
public final class CandidateValues {

    private CandidateValues() {
    }

    public static void assign(Schedule schedule) {
        for (Activity activity : schedule.getActivities()) {
            activity.setCandidateDates(dates(schedule, activity));
            if (activity instanceof Meeting meeting) {
                meeting.setCandidateStarts(starts(schedule, meeting));
            }
        }
    }

    /** Starts the search from the hand-made calendar wherever its value is allowed; fixed activities stay. */
    public static void startFromBaseline(Schedule schedule) {
        for (Activity activity : schedule.getActivities()) {
            LocalDate baseline = activity.getBaselineDate();
            activity.setDate(baseline != null && activity.getCandidateDates().contains(baseline) ? baseline : null);
            if (activity instanceof Meeting meeting) {
                LocalTime start = meeting.getPreferredStart();
                meeting.setStart(meeting.getCandidateStarts().contains(start) ? start : null);
            }
        }
    }

    static List<LocalDate> dates(Schedule schedule, Activity activity) {
        if (activity.isFixed()) {
            return List.of(activity.getBaselineDate());
        }
        LocalDate from = later(schedule.getHorizonStart(), activity.getEarliest());
        LocalDate to = earlier(schedule.getHorizonEnd(), activity.getLatest());
        List<LocalDate> inWindow = allowedDays(schedule, activity, from, to);
        if (!inWindow.isEmpty()) {
            return inWindow;
        }
        List<LocalDate> inHorizon = allowedDays(schedule, activity, schedule.getHorizonStart(), schedule.getHorizonEnd());
        return inHorizon.isEmpty()
                ? schedule.getCalendar().workingDays(schedule.getHorizonStart(), schedule.getHorizonEnd())
                : inHorizon;
    }

    private static List<LocalDate> allowedDays(Schedule schedule, Activity activity, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day : schedule.getCalendar().workingDays(from, to)) {
            if (activity.getBodies().stream().allMatch(body -> body.sitsOn(day))) {
                days.add(day);
            }
        }
        return days;
    }

    static List<LocalTime> starts(Schedule schedule, Meeting meeting) {
        if (meeting.isFixed()) {
            return List.of(meeting.getPreferredStart());
        }
        OfficeHours hours = schedule.getOfficeHours();
        LocalTime lastStart = hours.end().minusMinutes(meeting.getDurationMinutes());
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime t = hours.start(); !t.isAfter(lastStart) && !t.isBefore(hours.start());
                t = t.plusMinutes(schedule.getTimeStepMinutes())) {
            starts.add(t);
        }
        return starts;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}

package se.rjh.tidplan.solver.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * Gives each activity the dates and start times the solver may try, so that the search never even tries
 * a day a body does not sit, a weekend, or a day its chain rules out:
 * <ul>
 * <li>a matter handled at a sitting gets its bodies' sitting days, other work the working days, a fixed
 * activity its own date;</li>
 * <li>inside its window, narrowed by a critical-path pass along the dependencies: an activity cannot
 * come before its predecessors' earliest dates plus their minimum lags, nor after its successors' latest
 * dates minus theirs. No feasible calendar is lost; the search space shrinks a lot.</li>
 * </ul>
 * When the rules leave no day at all (a body with no sitting in the window, a chain that cannot fit), the
 * activity gets the wider range so that the solver still returns a calendar and the hard constraints say
 * what is wrong.
 */
public final class CandidateValues {

    private CandidateValues() {
    }

    /** The earliest and latest date each activity can take, after the critical-path pass. */
    public record Bounds(LocalDate earliest, LocalDate latest) {
        public boolean isEmpty() {
            return latest.isBefore(earliest);
        }
    }

    public static void assign(Schedule schedule) {
        Map<Activity, Bounds> bounds = propagate(schedule);
        for (Activity activity : schedule.getActivities()) {
            activity.setCandidateDates(dates(schedule, activity, bounds.get(activity)));
            if (activity instanceof Meeting meeting) {
                meeting.setCandidateStarts(starts(schedule, meeting));
            }
        }
    }

    /**
     * Starts the search from the hand-made calendar: every activity on the allowed date nearest to its
     * hand-made date (the first allowed one when it has none), every meeting at the allowed start nearest
     * to its wanted time. The solver then only improves; there is nothing left to construct.
     */
    public static void startFromBaseline(Schedule schedule) {
        for (Activity activity : schedule.getActivities()) {
            LocalDate baseline = activity.getBaselineDate();
            List<LocalDate> dates = activity.getCandidateDates();
            activity.setDate(baseline == null ? dates.get(0) : nearest(dates, baseline, LocalDate::toEpochDay));
            if (activity instanceof Meeting meeting) {
                meeting.setStart(nearest(meeting.getCandidateStarts(), meeting.getPreferredStart(),
                        t -> t.toSecondOfDay()));
            }
        }
    }

    private static <T> T nearest(List<T> values, T target, ToLongFunction<T> position) {
        long goal = position.applyAsLong(target);
        T best = values.get(0);
        for (T value : values) {
            if (Math.abs(position.applyAsLong(value) - goal) < Math.abs(position.applyAsLong(best) - goal)) {
                best = value;
            }
        }
        return best;
    }

    /**
     * Earliest and latest dates along the dependency graph (forward pass for the earliest, backward pass
     * for the latest), each snapped to a day the activity may take.
     */
    public static Map<Activity, Bounds> propagate(Schedule schedule) {
        WorkingCalendar calendar = schedule.getCalendar();
        Chains chains = new Chains(schedule);
        List<Activity> order = chains.order();
        Map<Activity, LocalDate> earliest = new HashMap<>();
        Map<Activity, LocalDate> latest = new HashMap<>();
        for (Activity activity : order) {
            LocalDate lo = activity.isFixed() ? activity.getBaselineDate() : ownEarliest(schedule, activity);
            if (!activity.isFixed()) {
                for (Dependency d : chains.incoming(activity)) {
                    LocalDate bound = shift(calendar, earliest.get(d.getBefore()), d.getMinLag(), d.getUnit());
                    lo = bound.isAfter(lo) ? bound : lo;
                }
                lo = nextAllowed(schedule, activity, lo);
            }
            earliest.put(activity, lo);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Activity activity = order.get(i);
            LocalDate hi = activity.isFixed() ? activity.getBaselineDate() : ownLatest(schedule, activity);
            if (!activity.isFixed()) {
                for (Dependency d : chains.outgoing(activity)) {
                    LocalDate bound = shift(calendar, latest.get(d.getAfter()), -d.getMinLag(), d.getUnit());
                    hi = bound.isBefore(hi) ? bound : hi;
                }
                hi = previousAllowed(schedule, activity, hi);
            }
            latest.put(activity, hi);
        }
        Map<Activity, Bounds> bounds = new IdentityHashMap<>();
        for (Activity activity : order) {
            bounds.put(activity, new Bounds(earliest.get(activity), latest.get(activity)));
        }
        return bounds;
    }

    /**
     * The days each activity's chain leaves it, not snapped to the days it may take: from its predecessors'
     * earliest dates plus their lags to its successors' latest dates minus theirs, inside its own window.
     * Where a sitting would have to be added, it is in here. One pass over the dependencies for all.
     */
    public static Map<Activity, Bounds> chainWindows(Schedule schedule, Map<Activity, Bounds> bounds) {
        Map<Activity, LocalDate> lo = new IdentityHashMap<>();
        Map<Activity, LocalDate> hi = new IdentityHashMap<>();
        for (Activity activity : schedule.getActivities()) {
            lo.put(activity, ownEarliest(schedule, activity));
            hi.put(activity, ownLatest(schedule, activity));
        }
        WorkingCalendar calendar = schedule.getCalendar();
        for (Dependency d : schedule.getDependencies()) {
            LocalDate after = shift(calendar, bounds.get(d.getBefore()).earliest(), d.getMinLag(), d.getUnit());
            lo.merge(d.getAfter(), after, (a, b) -> a.isAfter(b) ? a : b);
            LocalDate before = shift(calendar, bounds.get(d.getAfter()).latest(), -d.getMinLag(), d.getUnit());
            hi.merge(d.getBefore(), before, (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<Activity, Bounds> windows = new IdentityHashMap<>();
        lo.forEach((activity, earliest) -> windows.put(activity, new Bounds(earliest, hi.get(activity))));
        return windows;
    }

    /** The date {@code lag} days after (or, negative, before) {@code date}, in the lag's unit. */
    public static LocalDate shift(WorkingCalendar calendar, LocalDate date, int lag, LagUnit unit) {
        if (unit == LagUnit.CALENDAR_DAYS || lag == 0) {
            return date.plusDays(lag);
        }
        if (lag > 0) {
            return calendar.plusWorkingDays(date, lag);
        }
        // Backward: the latest day from which the successor on {@code date} is still -lag working days on
        // (a day off counts as the working day after it).
        LocalDate day = date;
        for (int counted = 0; counted < -lag; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day.plusDays(1))) {
                counted++;
            }
        }
        return day;
    }

    private static LocalDate ownEarliest(Schedule schedule, Activity activity) {
        LocalDate earliest = activity.getEarliest();
        return earliest == null || earliest.isBefore(schedule.getHorizonStart()) ? schedule.getHorizonStart() : earliest;
    }

    private static LocalDate ownLatest(Schedule schedule, Activity activity) {
        LocalDate latest = activity.getLatest();
        return latest == null || latest.isAfter(schedule.getHorizonEnd()) ? schedule.getHorizonEnd() : latest;
    }

    private static boolean allowed(Schedule schedule, Activity activity, LocalDate day) {
        if (!schedule.getCalendar().isWorkingDay(day)) {
            return false;
        }
        return activity.bodiesAbsentOn(day).isEmpty() && activity.attendingBodiesSittingOn(schedule.getBodies(), day).isEmpty();
    }

    private static LocalDate nextAllowed(Schedule schedule, Activity activity, LocalDate from) {
        for (LocalDate day = from; !day.isAfter(schedule.getHorizonEnd()); day = day.plusDays(1)) {
            if (allowed(schedule, activity, day)) {
                return day;
            }
        }
        return from;
    }

    private static LocalDate previousAllowed(Schedule schedule, Activity activity, LocalDate from) {
        for (LocalDate day = from; !day.isBefore(schedule.getHorizonStart()); day = day.minusDays(1)) {
            if (allowed(schedule, activity, day)) {
                return day;
            }
        }
        return from;
    }

    static List<LocalDate> dates(Schedule schedule, Activity activity, Bounds bounds) {
        if (activity.isFixed()) {
            return List.of(activity.getBaselineDate());
        }
        List<LocalDate> inBounds = allowedDays(schedule, activity, bounds.earliest(), bounds.latest());
        if (!inBounds.isEmpty()) {
            return inBounds;
        }
        List<LocalDate> inWindow = allowedDays(schedule, activity, ownEarliest(schedule, activity), ownLatest(schedule, activity));
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
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (allowed(schedule, activity, day)) {
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
}

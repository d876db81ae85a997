package se.rjh.tidplan.solver.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/**
 * A list scheduler along the chains: every activity in dependency order, on an allowed date that keeps
 * the lag after the activities before it, and every meeting at a start at which none of its participants
 * is busy. Two uses:
 * <ul>
 * <li>{@link #earliest}: each activity on its earliest such date, as a hand-written tool would do. No
 * search, no balance: the greedy baseline the solver must beat, and the known feasible calendar of a
 * generated instance;</li>
 * <li>{@link #repair}: each activity stays where it is unless that breaks the order or a double booking:
 * first, from the end of each chain back, a step too close before the next is pulled earlier; then, along
 * the chains, what is still out of order is pushed later and a meeting that books a person twice goes to
 * the nearest free date and start. The solver's first phase.</li>
 * </ul>
 * Both leave the order feasible whenever the candidate dates are, since those end at each activity's latest
 * date by the critical path: whatever date a predecessor takes, its successors still have one.
 */
public final class ChainScheduler {

    /** Sets an activity's date and, for a meeting, its start; the solver's phase tells its score director. */
    public interface Placement {
        void place(Activity activity, LocalDate date, LocalTime start);
    }

    private final Schedule schedule;
    private final boolean keepCurrent;
    private final Placement placement;
    private final Map<String, List<int[]>> busy = new HashMap<>(); // person|date -> [start, end) minutes

    private ChainScheduler(Schedule schedule, boolean keepCurrent, Placement placement) {
        this.schedule = schedule;
        this.keepCurrent = keepCurrent;
        this.placement = placement;
    }

    /** Sets every activity's date (and meeting's start) in the schedule: the earliest allowed. */
    public static void earliest(Schedule schedule) {
        new ChainScheduler(schedule, false, (activity, date, start) -> {
            activity.setDate(date);
            if (activity instanceof Meeting meeting) {
                meeting.setStart(start);
            }
        }).run();
    }

    /** Moves only the activities (and meetings) whose place breaks the order or books a person twice. */
    public static void repair(Schedule schedule, Placement placement) {
        new ChainScheduler(schedule, true, placement).run();
    }

    private void run() {
        Chains chains = new Chains(schedule);
        if (keepCurrent) {
            pullEarlier(chains);
        }
        for (Activity activity : chains.order()) {
            if (activity.isFixed()) {
                if (!activity.isAtBaseline()) {
                    placement.place(activity, activity.getBaselineDate(),
                            activity instanceof Meeting meeting ? meeting.getPreferredStart() : null);
                }
            } else {
                LocalDate earliest = chains.earliestAfterPredecessors(activity);
                LocalDate first = activity.getCandidateDates().get(0);
                place(activity, earliest == null || earliest.isBefore(first) ? first : earliest);
            }
            if (activity instanceof Meeting meeting) {
                book(meeting);
            }
        }
    }

    /**
     * Repair's first pass, from the last steps back: a step that comes too close before the step after it
     * is pulled to its latest date that keeps the lag, if it has one. Decisions stay on their sittings and
     * the preparation before them moves a few days, where pushing forward would move decisions to a later
     * sitting, weeks away from where the region put them.
     */
    private void pullEarlier(Chains chains) {
        List<Activity> order = chains.order();
        for (int i = order.size() - 1; i >= 0; i--) {
            Activity activity = order.get(i);
            LocalDate latest = chains.latestBeforeSuccessors(activity);
            if (activity.isFixed() || latest == null || !activity.getDate().isAfter(latest)) {
                continue;
            }
            LocalDate pulled = activity.lastCandidateUntil(latest);
            if (pulled != null) {
                placement.place(activity, pulled, activity.getStart());
            }
        }
    }

    /** The first date, in order of preference, at which a start is free; the last candidate if there is none. */
    private void place(Activity activity, LocalDate earliest) {
        LocalDate wanted = keepCurrent && activity.getDate() != null && !activity.getDate().isBefore(earliest)
                ? activity.getDate() : earliest;
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date : activity.getCandidateDates()) {
            if (!date.isBefore(earliest)) {
                dates.add(date);
            }
        }
        dates.sort(Comparator.comparingLong((LocalDate date) -> Math.abs(date.toEpochDay() - wanted.toEpochDay()))
                .thenComparing(Comparator.naturalOrder()));
        for (LocalDate date : dates) {
            LocalTime start = activity instanceof Meeting meeting ? freeStart(meeting, date) : null;
            if (!(activity instanceof Meeting) || start != null) {
                placeIfMoved(activity, date, start);
                return;
            }
        }
        List<LocalDate> candidates = activity.getCandidateDates();
        placeIfMoved(activity, candidates.get(candidates.size() - 1),
                activity instanceof Meeting meeting ? wantedStart(meeting) : null);
    }

    private void placeIfMoved(Activity activity, LocalDate date, LocalTime start) {
        if (!date.equals(activity.getDate()) || (start != null && !start.equals(activity.getStart()))) {
            placement.place(activity, date, start);
        }
    }

    /** The current start when repairing, else the wanted one, if allowed. */
    private LocalTime wantedStart(Meeting meeting) {
        LocalTime wanted = keepCurrent && meeting.getStart() != null ? meeting.getStart() : meeting.getPreferredStart();
        return meeting.getCandidateStarts().contains(wanted) ? wanted : meeting.getCandidateStarts().get(0);
    }

    /** The free start nearest to the wanted one; null when none is free. */
    private LocalTime freeStart(Meeting meeting, LocalDate date) {
        int wanted = wantedStart(meeting).toSecondOfDay();
        List<LocalTime> starts = new ArrayList<>(meeting.getCandidateStarts());
        starts.sort(Comparator.comparingInt((LocalTime start) -> Math.abs(start.toSecondOfDay() - wanted))
                .thenComparing(Comparator.naturalOrder()));
        for (LocalTime start : starts) {
            int from = start.toSecondOfDay() / 60;
            int to = from + meeting.getDurationMinutes();
            boolean free = meeting.getParticipants().stream().allMatch(person ->
                    busy.getOrDefault(person + "|" + date, List.of()).stream().noneMatch(b -> b[0] < to && from < b[1]));
            if (free) {
                return start;
            }
        }
        return null;
    }

    private void book(Meeting meeting) {
        int from = meeting.getStartMinute();
        for (String person : meeting.getParticipants()) {
            busy.computeIfAbsent(person + "|" + meeting.getDate(), k -> new ArrayList<>())
                    .add(new int[] {from, from + meeting.getDurationMinutes()});
        }
    }
}

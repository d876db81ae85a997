package se.rjh.tidplan.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hand-written tool would do: every activity, in the order of its chain, on the earliest day its
 * predecessors, its window and its bodies allow, and every meeting at the first start at which none of
 * its participants is busy. No search, no balance: a greedy baseline for the solver to beat, and the
 * known feasible calendar of a generated instance.
 */
public final class EarliestFeasibleScheduler {

    private EarliestFeasibleScheduler() {
    }

    /** Sets every activity's date (and meeting's start) in the schedule: the earliest allowed. */
    public static void schedule(Schedule schedule) {
        WorkingCalendar calendar = schedule.getCalendar();
        Map<Activity, List<Dependency>> incoming = new IdentityHashMap<>();
        for (Dependency d : schedule.getDependencies()) {
            incoming.computeIfAbsent(d.getAfter(), a -> new ArrayList<>()).add(d);
        }
        Map<String, List<int[]>> busy = new HashMap<>(); // person|date -> [start, end) minutes
        for (Activity activity : CandidateValues.topologicalOrder(schedule)) {
            if (activity.isFixed()) {
                activity.setDate(activity.getBaselineDate());
                if (activity instanceof Meeting meeting) {
                    meeting.setStart(meeting.getPreferredStart());
                    book(busy, meeting);
                }
                continue;
            }
            LocalDate earliest = null;
            for (Dependency d : incoming.getOrDefault(activity, List.of())) {
                LocalDate bound = CandidateValues.shift(calendar, d.getBefore().getDate(), d.getMinLag(), d.getUnit());
                earliest = earliest == null || bound.isAfter(earliest) ? bound : earliest;
            }
            List<LocalDate> dates = activity.getCandidateDates();
            LocalDate chosen = null;
            for (LocalDate date : dates) {
                if ((earliest == null || !date.isBefore(earliest))
                        && (!(activity instanceof Meeting meeting) || freeStart(busy, meeting, date) != null)) {
                    chosen = date;
                    break;
                }
            }
            activity.setDate(chosen != null ? chosen : dates.get(dates.size() - 1));
            if (activity instanceof Meeting meeting) {
                LocalTime start = freeStart(busy, meeting, meeting.getDate());
                meeting.setStart(start != null ? start : meeting.getCandidateStarts().get(0));
                book(busy, meeting);
            }
        }
    }

    /** The wanted start if it is free, else the first free one; null when none is. */
    private static LocalTime freeStart(Map<String, List<int[]>> busy, Meeting meeting, LocalDate date) {
        List<LocalTime> starts = new ArrayList<>(meeting.getCandidateStarts());
        starts.remove(meeting.getPreferredStart());
        if (meeting.getCandidateStarts().contains(meeting.getPreferredStart())) {
            starts.add(0, meeting.getPreferredStart());
        }
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

    private static void book(Map<String, List<int[]>> busy, Meeting meeting) {
        int from = meeting.getStartMinute();
        for (String person : meeting.getParticipants()) {
            busy.computeIfAbsent(person + "|" + meeting.getDate(), k -> new ArrayList<>())
                    .add(new int[] {from, from + meeting.getDurationMinutes()});
        }
    }
}

package se.rjh.tidplan.solver.search;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * The dependencies of a calendar seen from each activity: the steps before it and after it in its matters'
 * chains, an order in which every step comes after those before it, and the dates the lags leave it given
 * where its neighbours are now.
 */
public final class Chains {

    private final WorkingCalendar calendar;
    private final Map<Activity, List<Dependency>> incoming = new IdentityHashMap<>();
    private final Map<Activity, List<Dependency>> outgoing = new IdentityHashMap<>();
    private final List<Activity> order;

    /** @throws IllegalArgumentException when the dependencies contain a cycle */
    public Chains(Schedule schedule) {
        calendar = schedule.getCalendar();
        for (Dependency d : schedule.getDependencies()) {
            incoming.computeIfAbsent(d.getAfter(), a -> new ArrayList<>()).add(d);
            outgoing.computeIfAbsent(d.getBefore(), a -> new ArrayList<>()).add(d);
        }
        order = topologicalOrder(schedule.getActivities());
    }

    /** The dependencies that end at the activity: the steps that must come before it. */
    public List<Dependency> incoming(Activity activity) {
        return incoming.getOrDefault(activity, List.of());
    }

    /** The dependencies that start at the activity: the steps that must come after it. */
    public List<Dependency> outgoing(Activity activity) {
        return outgoing.getOrDefault(activity, List.of());
    }

    /** Every activity, each after the ones it depends on. */
    public List<Activity> order() {
        return order;
    }

    /** The first date the lags after the steps before it allow, at their current dates; null when it has none. */
    public LocalDate earliestAfterPredecessors(Activity activity) {
        LocalDate earliest = null;
        for (Dependency d : incoming(activity)) {
            LocalDate bound = CandidateValues.shift(calendar, d.getBefore().getDate(), d.getMinLag(), d.getUnit());
            earliest = earliest == null || bound.isAfter(earliest) ? bound : earliest;
        }
        return earliest;
    }

    /** The last date that keeps the lags before the steps after it, at their current dates; null when it has none. */
    public LocalDate latestBeforeSuccessors(Activity activity) {
        LocalDate latest = null;
        for (Dependency d : outgoing(activity)) {
            LocalDate bound = CandidateValues.shift(calendar, d.getAfter().getDate(), -d.getMinLag(), d.getUnit());
            latest = latest == null || bound.isBefore(latest) ? bound : latest;
        }
        return latest;
    }

    private List<Activity> topologicalOrder(List<Activity> activities) {
        Map<Activity, Integer> waiting = new IdentityHashMap<>();
        Deque<Activity> ready = new ArrayDeque<>();
        for (Activity activity : activities) {
            int count = incoming(activity).size();
            waiting.put(activity, count);
            if (count == 0) {
                ready.add(activity);
            }
        }
        List<Activity> sorted = new ArrayList<>(activities.size());
        while (!ready.isEmpty()) {
            Activity activity = ready.poll();
            sorted.add(activity);
            for (Dependency d : outgoing(activity)) {
                if (waiting.merge(d.getAfter(), -1, Integer::sum) == 0) {
                    ready.add(d.getAfter());
                }
            }
        }
        if (sorted.size() != activities.size()) {
            throw new IllegalArgumentException("the dependencies contain a cycle");
        }
        return sorted;
    }
}

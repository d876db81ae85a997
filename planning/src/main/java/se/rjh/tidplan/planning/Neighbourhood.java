package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.SolveResult;

/**
 * The activities a change can reach in a minimal re-plan, where the only costs are moves: the ones the change
 * moves itself or puts off a date they may keep, and the steps next to them in their chains and the meetings of
 * the same people on the same days. A minimal re-plan searches these alone, the rest of the calendar pinned where
 * it is, and widens the neighbourhood by the next steps and meetings of every activity it moved or left breaking a
 * rule, until the damage stays inside it: outside, an activity gains nothing from moving (moving only costs), so
 * only an activity next to the damage can help.
 */
final class Neighbourhood {

    private final Schedule schedule;
    /** Every activity's steps before and after it, by Id. */
    private final Map<String, List<Activity>> chainNeighbours = new HashMap<>();
    /** Activities the search may move: by Id, since the solver hands back clones. */
    private final Set<String> members = new LinkedHashSet<>();

    private Neighbourhood(Schedule schedule) {
        this.schedule = schedule;
        for (Dependency d : schedule.getDependencies()) {
            chainNeighbours.computeIfAbsent(d.getBefore().getId(), id -> new ArrayList<>()).add(d.getAfter());
            chainNeighbours.computeIfAbsent(d.getAfter().getId(), id -> new ArrayList<>()).add(d.getBefore());
        }
    }

    /**
     * Around what the change did to the prepared {@code schedule}: {@code moved}, the activities it moved itself, and
     * every activity that had to leave its date before (a date its bodies, its window or its chain no longer allow),
     * with their neighbours.
     */
    static Neighbourhood around(Schedule schedule, Collection<String> moved) {
        Neighbourhood reach = new Neighbourhood(schedule);
        List<Activity> damaged = schedule.getActivities().stream()
                .filter(a -> moved.contains(a.getId()) || !a.isFixed() && !a.isAtBaseline()).toList();
        reach.addWithNeighbours(damaged);
        return reach;
    }

    /** How many activities the search may move. */
    int size() {
        return members.size();
    }

    /** Whether every activity the calendar may move is in it: a wider search would be the whole re-plan. */
    boolean isWhole() {
        return schedule.getActivities().stream().allMatch(a -> a.isFixed() || members.contains(a.getId()));
    }

    /**
     * Pins every movable activity outside the neighbourhood where it stands (its date before, at which its baseline
     * is), so that the search moves only the neighbourhood; returns the Ids pinned, for {@link #unpin}.
     */
    Set<String> pinTheRest() {
        Set<String> pinned = new HashSet<>();
        for (Activity activity : schedule.getActivities()) {
            if (!activity.isFixed() && !members.contains(activity.getId())) {
                activity.setPinned(true);
                pinned.add(activity.getId());
            }
        }
        return pinned;
    }

    /** Lets go what {@link #pinTheRest} pinned, in the schedule or a solved clone of it. */
    static void unpin(Schedule schedule, Set<String> pinned) {
        schedule.getActivities().stream().filter(a -> pinned.contains(a.getId())).forEach(a -> a.setPinned(false));
    }

    /**
     * Widens the neighbourhood by the neighbours of each activity the search moved from its date before ({@code
     * before}: Id to date) and of each in a broken hard rule; returns whether it grew, that is whether the damage
     * reached its edge and a wider search might do better.
     */
    boolean widenAround(SolveResult solved, Map<String, LocalDate> before) {
        Set<String> touched = new HashSet<>();
        for (Activity activity : solved.schedule().getActivities()) {
            if (!Objects.equals(activity.getDate(), before.get(activity.getId())) || !activity.isAtBaseline()) {
                touched.add(activity.getId());
            }
        }
        for (ConstraintAnalysis<HardSoftLongScore> constraint : solved.analysis().constraintAnalyses()) {
            if (constraint.score().hardScore() < 0) {
                for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                    touched.addAll(Rules.finding(match).activityIds());
                }
            }
        }
        int size = members.size();
        // The neighbours are looked up in the schedule being re-planned, where the dates are still those before.
        addWithNeighbours(schedule.getActivities().stream().filter(a -> touched.contains(a.getId())).toList(),
                solved.schedule());
        return members.size() > size;
    }

    private void addWithNeighbours(List<Activity> activities) {
        addWithNeighbours(activities, schedule);
    }

    /** Adds the activities, their chains' next steps and the meetings of their people on their days in {@code dated}. */
    private void addWithNeighbours(List<Activity> activities, Schedule dated) {
        Map<String, LocalDate> dates = new HashMap<>();
        dated.getActivities().forEach(a -> dates.put(a.getId(), a.getDate()));
        for (Activity activity : activities) {
            add(activity);
            chainNeighbours.getOrDefault(activity.getId(), List.of()).forEach(this::add);
            if (activity instanceof Meeting meeting) {
                Set<LocalDate> days = new HashSet<>();
                days.add(meeting.getBaselineDate());
                days.add(dates.get(meeting.getId()));
                for (Activity other : schedule.getActivities()) {
                    if (other instanceof Meeting o && o != meeting && o.getBaselineDate() != null
                            && days.contains(o.getBaselineDate())
                            && o.getParticipants().stream().anyMatch(meeting.getParticipants()::contains)) {
                        add(o);
                    }
                }
            }
        }
    }

    private void add(Activity activity) {
        if (!activity.isFixed()) {
            members.add(activity.getId());
        }
    }
}

package se.rjh.tidplan.solver.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.rjh.tidplan.data.read.Dataset;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Schedule;

/**
 * The one preparation every search starts from (solve, replan, generate, the benchmarks): each activity's
 * possible dates and starts (see {@link CandidateValues}), every activity on its allowed date nearest the
 * hand-made one, and what no calendar can meet.
 */
public final class Preparation {

    private Preparation() {
    }

    /** Prepares the dataset's schedule for the search; returns what no calendar can meet, one line each. */
    public static List<String> prepare(Dataset dataset) {
        Schedule schedule = dataset.schedule();
        prepare(schedule);
        return unmeetable(schedule, dataset.rows());
    }

    /** Gives every activity its possible dates and starts, and puts it on the allowed one nearest its hand-made date. */
    public static void prepare(Schedule schedule) {
        CandidateValues.assign(schedule);
        CandidateValues.startFromBaseline(schedule);
    }

    /**
     * What no calendar can meet, found by the critical-path pass: an activity whose chain leaves it no day
     * inside its window, or whose bodies do not sit at all inside the days its chain leaves it. Each line
     * starts with the activity's row ({@code file:line}).
     */
    public static List<String> unmeetable(Schedule schedule, Map<String, String> rows) {
        Map<Activity, CandidateValues.Bounds> windows =
                CandidateValues.chainWindows(schedule, CandidateValues.propagate(schedule));
        List<String> findings = new ArrayList<>();
        for (Activity activity : schedule.getActivities()) {
            if (activity.isFixed()) {
                continue;
            }
            CandidateValues.Bounds window = windows.get(activity);
            String where = rows.getOrDefault(activity.getId(), activity.getId());
            if (window.isEmpty()) {
                List<String> chain = new ArrayList<>();
                schedule.getDependencies().stream().filter(d -> d.getAfter() == activity)
                        .forEach(d -> chain.add(d.getBefore().getId() + " -> " + activity.getId()));
                schedule.getDependencies().stream().filter(d -> d.getBefore() == activity)
                        .forEach(d -> chain.add(activity.getId() + " -> " + d.getAfter().getId()));
                findings.add(where + ": Latest: " + activity.getId() + " cannot fit: its chain needs it on or after "
                        + window.earliest() + " and on or before " + window.latest()
                        + (chain.isEmpty() ? "" : " (" + String.join(", ", chain) + ")")
                        + "; widen a window or move a fixed date");
            } else if (!activity.getBodies().isEmpty() && activity.getCandidateDates().stream()
                    .noneMatch(day -> !day.isBefore(window.earliest()) && !day.isAfter(window.latest()))) {
                findings.add(where + ": Body: " + activity.getBodies().stream().map(Body::getCode).toList()
                        + " do not sit between " + window.earliest() + " and " + window.latest() + ", the days "
                        + activity.getId() + " can take; add a sitting there");
            }
        }
        return findings;
    }
}

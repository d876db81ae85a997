package se.rjh.tidplan.solver.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;

/**
 * Moves one activity to a new date and, with it, the steps of its matter's chain that the move would
 * otherwise put out of order: later steps pushed to their first date after the new lag, earlier ones pulled
 * to their last date before it (see {@link ChainShiftMoveFactory}). A single change cannot do this: each
 * step alone would break the order, so the search could never take it.
 */
public final class ChainShiftMove extends AbstractMove<Schedule> {

    /** The new dates, the moved activity first, then the chain steps in the order they were pushed. */
    private final Map<Activity, LocalDate> dates;

    ChainShiftMove(Map<Activity, LocalDate> dates) {
        this.dates = dates;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> scoreDirector) {
        return dates.entrySet().stream().anyMatch(e -> !e.getValue().equals(e.getKey().getDate()));
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> scoreDirector) {
        dates.forEach((activity, date) -> {
            scoreDirector.beforeVariableChanged(activity, Activity.DATE);
            activity.setDate(date);
            scoreDirector.afterVariableChanged(activity, Activity.DATE);
        });
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return dates.keySet();
    }

    @Override
    public Collection<?> getPlanningValues() {
        return new ArrayList<>(dates.values());
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "ChainShiftMove(Activity.date)";
    }

    @Override
    public String toString() {
        List<String> changes = new ArrayList<>();
        dates.forEach((activity, date) -> changes.add(activity.getId() + " -> " + date));
        return String.join(", ", changes);
    }
}

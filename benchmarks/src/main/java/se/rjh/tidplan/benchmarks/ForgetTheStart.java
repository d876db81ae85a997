package se.rjh.tidplan.benchmarks;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/**
 * Clears every date and start the solver may change, so that a construction heuristic builds the calendar
 * from nothing, as a model without the hand-made start would have to: the benchmark's "from scratch" runs.
 */
final class ForgetTheStart implements PhaseCommand<Schedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        for (Activity activity : scoreDirector.getWorkingSolution().getActivities()) {
            if (activity.isFixed()) {
                continue;
            }
            scoreDirector.beforeVariableChanged(activity, "date");
            activity.setDate(null);
            scoreDirector.afterVariableChanged(activity, "date");
            if (activity instanceof Meeting meeting) {
                scoreDirector.beforeVariableChanged(meeting, "start");
                meeting.setStart(null);
                scoreDirector.afterVariableChanged(meeting, "start");
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}

package se.rjh.tidplan.solver.search;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/**
 * The solver's first phase: one pass along the chains that moves only the activities whose date breaks the
 * order after their predecessors, or whose meeting books a person twice, to the nearest date and start that
 * do not (see {@link ChainScheduler#repair}). On a feasible calendar it changes nothing.
 */
public final class ChainRepairPhase implements PhaseCommand<Schedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        ChainScheduler.repair(scoreDirector.getWorkingSolution(), (activity, date, start) -> {
            scoreDirector.beforeVariableChanged(activity, Activity.DATE);
            activity.setDate(date);
            scoreDirector.afterVariableChanged(activity, Activity.DATE);
            if (activity instanceof Meeting meeting && start != null) {
                scoreDirector.beforeVariableChanged(meeting, Meeting.START);
                meeting.setStart(start);
                scoreDirector.afterVariableChanged(meeting, Meeting.START);
            }
        });
        scoreDirector.triggerVariableListeners();
    }
}

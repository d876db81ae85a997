package se.rjh.tidplan.model;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * What a solve found: the calendar and its score rule by rule, with the numbers the summary prints; {@code parts}
 * the independent parts it was solved in.
 */
public record SolveResult(Schedule schedule, ScoreAnalysis<HardSoftLongScore> analysis, long millisSpent,
        long millisToFeasible, long millisToBest, long moveEvaluationSpeed, long scoreCalculationSpeed,
        boolean stoppedByTime, int parts) {

    public boolean isFeasible() {
        return schedule.getScore().isFeasible();
    }
}

package se.rjh.tidplan.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import com.google.ortools.sat.CpSolverStatus;
import org.junit.jupiter.api.Test;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.ChainScheduler;

/** The CP-SAT model means the same as tidplan's constraints, so its optimum is a fair reference. */
class ReferenceOptimumTest {

    @Test
    void aFeasibleCalendarCostsTheSameInBothModels() {
        Schedule greedy = Planner.load(null).schedule();
        ChainScheduler.earliest(greedy);
        HardSoftLongScore score = TidplanSolver.analyze(greedy).score();
        assertTrue(score.isFeasible(), score.toString());

        ReferenceOptimum.Result evaluated = ReferenceOptimum.evaluate(greedy);

        assertEquals(CpSolverStatus.OPTIMAL, evaluated.status());
        assertEquals(-score.softScore(), evaluated.objective());
    }

    @Test
    void aCalendarThatBreaksAHardRuleIsInfeasibleThere() {
        Schedule handMade = Planner.load(null).schedule(); // nearest allowed dates, ignoring the order
        assertTrue(TidplanSolver.analyze(handMade).score().hardScore() < 0);

        assertEquals(CpSolverStatus.INFEASIBLE, ReferenceOptimum.evaluate(handMade).status());
    }

    @Test
    void theOptimumIsFeasibleForTidplanAndNoSolveBeatsIt() {
        ReferenceOptimum.Result optimum = ReferenceOptimum.solve(Planner.load(null).schedule(),
                Duration.ofSeconds(120), 2);
        assertEquals(CpSolverStatus.OPTIMAL, optimum.status(), optimum.summary());
        assertEquals(HardSoftLongScore.ofSoft(-optimum.objective()), optimum.tidplanScore());

        Schedule solved = TidplanSolver.solve(Planner.load(null).schedule(),
                TidplanSolver.Options.of(Duration.ofSeconds(30), 100_000, 0), best -> { }).schedule();
        assertTrue(solved.getScore().softScore() <= -optimum.objective(),
                "tidplan found " + solved.getScore() + ", better than the optimum " + optimum.summary());
    }
}

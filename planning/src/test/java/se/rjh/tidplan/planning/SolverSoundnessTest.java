package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.solver.TidplanSolver;

/** Score corruption and reproducibility on the real dataset. */
class SolverSoundnessTest {

    @Test
    void fullAssertFindsNoScoreCorruption() {
        // FULL_ASSERT recalculates the score from scratch after every move and compares it with the
        // incremental one; any difference fails the solve.
        TidplanSolver.Options options = new TidplanSolver.Options(Duration.ofSeconds(60), 3_000, 1,
                EnvironmentMode.FULL_ASSERT);
        SolveResult result = TidplanSolver.solve(Planner.load(null).schedule(), options, best -> { });
        assertTrue(result.isFeasible(), result.schedule().getScore().toString());
    }

    @Test
    void theSameSeedGivesTheSameCalendar() throws Exception {
        assertEquals(solveToCsv(42), solveToCsv(42));
    }

    @Test
    void theSearchEndsWhenItStopsImprovingLongBeforeItsBudget() {
        // The dataset's own budget (600,000 moves) and a time limit no solve here reaches: what ends the search is
        // its tabu search going ten steps without a better calendar, at the optimum CP-SAT proves.
        Planner.Search budget = Planner.Search.of(Planner.load(null), 1);
        SolveResult result = TidplanSolver.solve(Planner.load(null).schedule(),
                TidplanSolver.Options.of(Duration.ofMinutes(10), budget.moveLimit(), 0), best -> { });
        assertEquals(-5290, result.schedule().getScore().softScore());
        assertTrue(!result.stoppedByTime());
        long moves = result.moveEvaluationSpeed() * result.millisSpent() / 1000;
        assertTrue(moves < budget.moveLimit() / 2, moves + " moves of " + budget.moveLimit());
    }

    private static String solveToCsv(long seed) throws Exception {
        TidplanSolver.Options options = TidplanSolver.Options.of(Duration.ofSeconds(60), 30_000, seed);
        SolveResult result = TidplanSolver.solve(Planner.load(null).schedule(), options, best -> { });
        return CalendarCsvWriter.text(result.schedule());
    }
}

package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.read.Dataset;
import se.rjh.tidplan.solver.StopSignal;
import se.rjh.tidplan.solver.TidplanSolver;

/** The service layer as a second front end (the web workspace) will use it: typed values in and out. */
class PlannerTest {

    @Test
    void aBackgroundSolveReportsProgressAndStopsWhenAsked() throws Exception {
        Dataset dataset = Planner.load(null);
        List<TidplanSolver.BestScore> progress = new CopyOnWriteArrayList<>();
        // A budget no test would wait for: only the stop ends it.
        Planner.Solving solving = Planner.solveInBackground(dataset,
                new Planner.Search(Duration.ofMinutes(10), Long.MAX_VALUE, 0), progress::add, ForkJoinPool.commonPool());
        long waited = 0;
        while (progress.stream().noneMatch(best -> best.score().isFeasible()) && waited < 30_000) {
            Thread.sleep(50);
            waited += 50;
        }
        solving.requestStop();
        TidplanSolver.Result result = solving.result().get(60, TimeUnit.SECONDS);
        assertTrue(result.isFeasible(), result.schedule().getScore().toString());
        assertTrue(result.millisSpent() < 60_000, "the stop was not heard: " + result.millisSpent() + " ms");
        assertEquals(result.schedule().getScore(), progress.get(progress.size() - 1).score());
    }

    @Test
    void aStopBeforeTheSearchBeginsGivesTheCalendarItStartedFrom() {
        Dataset dataset = Planner.load(null);
        StopSignal stop = StopSignal.none();
        stop.request(); // as a planner pressing Stoppa the moment the solve left the queue
        TidplanSolver.Result result = Planner.solve(dataset, new Planner.Search(Duration.ofMinutes(10), Long.MAX_VALUE, 0),
                best -> { }, stop);
        assertEquals(TidplanSolver.analyze(result.schedule()).score(), result.schedule().getScore());
        assertEquals(dataset.schedule().getActivities().size(), result.schedule().getActivities().size());
        assertTrue(result.millisSpent() < 60_000, result.millisSpent() + " ms");
    }

    @Test
    void aReplanTakesChangesAsValuesAndAnImpossibleOneIsATypedError() {
        Dataset dataset = Planner.load(null);
        Replanner.Change past = new Replanner.CancelSitting("RS", LocalDate.of(2021, 4, 13));
        Replanner.InvalidChange error = assertThrows(Replanner.InvalidChange.class,
                () -> past.apply(dataset.schedule(), LocalDate.of(2021, 5, 1)));
        assertEquals(past, error.change());
        assertEquals("2021-04-13 is before today, 2021-05-01; the past is frozen", error.getMessage());
        Replanner.InvalidChange unknown = assertThrows(Replanner.InvalidChange.class,
                () -> new Replanner.AddSitting("KF", LocalDate.of(2021, 6, 8)).apply(dataset.schedule(), LocalDate.of(2021, 5, 1)));
        assertTrue(unknown.getMessage().startsWith("unknown body 'KF'"), unknown.getMessage());
    }

    @Test
    void validationSaysWhatToReview() {
        Planner.Validation validation = Planner.validate(Planner.load(null));
        assertTrue(validation.ready());
        assertEquals(List.of(), validation.warnings());
        assertEquals(1, validation.reviews().size());
    }
}

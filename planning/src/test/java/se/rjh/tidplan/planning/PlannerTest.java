package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.model.BestScore;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.solver.TidplanSolver;

/** The service layer as a second front end (the web workspace) will use it: typed values in and out. */
class PlannerTest {

    /** A solve that searches until stopped, stopped once it has a calendar that keeps every hard rule. */
    private record Stopped(SolveResult result, List<BestScore> progress) {
    }

    private static Stopped solveUntilStoppedOnceFeasible(Dataset dataset) throws Exception {
        List<BestScore> progress = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> feasible = new CompletableFuture<>();
        // A search that does not end by itself: only the stop ends it, however fast the machine.
        Planner.Search untilStopped = new Planner.Search(Duration.ofHours(1), Long.MAX_VALUE, 0).searchingUntilStopped();
        Planner.Solving solving = Planner.solveInBackground(dataset, untilStopped, best -> {
            progress.add(best);
            if (best.score().isFeasible()) {
                feasible.complete(null);
            }
        }, ForkJoinPool.commonPool());
        try {
            CompletableFuture.anyOf(feasible, solving.result()).get(5, TimeUnit.MINUTES); // a failed solve throws here
            assertFalse(solving.result().isDone(), "a search until stopped ended by itself");
        } finally {
            solving.requestStop();
        }
        return new Stopped(solving.result().get(5, TimeUnit.MINUTES), progress);
    }

    @Test
    void aBackgroundSolveReportsProgressAndStopsWhenAsked() throws Exception {
        Stopped stopped = solveUntilStoppedOnceFeasible(Planner.load(null));
        SolveResult result = stopped.result();
        assertTrue(result.isFeasible(), result.schedule().getScore().toString());
        assertFalse(result.stoppedByTime(), "the stop ended it, not the hour");
        assertEquals(result.schedule().getScore(), stopped.progress().get(stopped.progress().size() - 1).score());
    }

    @Test
    void independentPartsSearchedUntilStoppedAreSearchedWholeSoAStopLeavesNoneUnsearched() throws Exception {
        // Three organisations, three independent parts: solved part by part, a stop would leave the parts not
        // yet started as they came; searched whole, every part is repaired before the first feasible calendar.
        Stopped stopped = solveUntilStoppedOnceFeasible(Planner.generate(3, 1).dataset());
        assertTrue(stopped.result().isFeasible(), stopped.result().schedule().getScore().toString());
        assertEquals(1, stopped.result().parts());
    }

    @Test
    void theDatasetsSettingsSayWhenAFullSolveEnds() {
        Dataset dataset = Planner.load(null);
        assertFalse(Planner.Search.of(dataset, 1).untilStopped(), "the region's dataset ends when done");
        Settings settings = dataset.settings();
        Dataset endless = new Dataset(new Settings(settings.name(), settings.horizon(), settings.officeHours(),
                settings.timeStepMinutes(), settings.weakPeriods(), settings.weakWeekWeight(), settings.weights(),
                new Settings.SolverBudget(60, 1000, 0, Settings.Until.STOPPED), settings.namedBuffers(),
                settings.budgetProposalInNovember()), dataset.schedule(), dataset.warnings(),
                dataset.reviews(), dataset.rows(), dataset.settingsFile());
        assertTrue(Planner.Search.of(endless, 1).untilStopped());
        assertFalse(Planner.Search.of(endless, Planner.REPLAN_SHARE).untilStopped(), "a re-plan is awaited: it ends when done");
    }

    @Test
    void aStopBeforeTheSearchBeginsGivesTheCalendarItStartedFrom() {
        Dataset dataset = Planner.load(null);
        StopSignal stop = StopSignal.none();
        stop.request(); // as a planner pressing Stoppa the moment the solve left the queue
        SolveResult result = Planner.solve(dataset,
                new Planner.Search(Duration.ofHours(1), Long.MAX_VALUE, 0).searchingUntilStopped(), best -> { }, stop);
        assertEquals(TidplanSolver.analyze(result.schedule()).score(), result.schedule().getScore());
        assertEquals(dataset.schedule().getActivities().size(), result.schedule().getActivities().size());
        assertFalse(result.stoppedByTime(), "the stop ended it, not the hour");
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

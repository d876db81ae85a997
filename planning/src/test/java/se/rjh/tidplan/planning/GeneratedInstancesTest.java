package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.util.Set;
import java.util.stream.Collectors;
import se.rjh.tidplan.data.transform.GeneratedDataset;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.solver.CalendarRulesChecker;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.Parts;

/** The generated instances (the benchmark sizes): feasible by construction, and no score corruption. */
class GeneratedInstancesTest {

    private static void placeKnownCalendar(GeneratedDataset.Result generated) {
        for (Activity activity : generated.dataset().schedule().getActivities()) {
            activity.setDate(generated.knownDates().get(activity.getId()));
            if (activity instanceof Meeting meeting) {
                meeting.setStart(generated.knownStarts().get(activity.getId()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void everyInstanceComesWithAFeasibleCalendar(int scale, @TempDir Path dir) throws Exception {
        GeneratedDataset.Result generated = Planner.generate(scale, 42);
        Schedule schedule = generated.dataset().schedule();
        assertEquals(Planner.load(null).schedule().getActivities().size() * scale, schedule.getActivities().size());
        placeKnownCalendar(generated);
        assertEquals(0, TidplanSolver.analyze(schedule).score().hardScore(), "scale " + scale);
        if (scale <= 10) {
            // And by the independent checker, on the instance written as a dataset.
            Path data = dir.resolve("data");
            DatasetWriter.write(generated.dataset().settings(), schedule, data);
            Path calendar = dir.resolve("known.csv");
            CalendarCsvWriter.write(schedule, calendar);
            assertEquals(List.of(), new CalendarRulesChecker(data).violations(CalendarRulesChecker.calendar(calendar)));
            // Written out, it reads back without a warning (no sitting outside the horizon, none on a holiday).
            assertEquals(List.of(), Planner.load(data).warnings());
            assertEquals(List.of(), Planner.validate(Planner.load(data)).unmeetable(), "every hand-made date inside the horizon");
        }
    }

    private static List<String> shape(GeneratedDataset.Result generated) {
        Schedule schedule = generated.dataset().schedule();
        return java.util.stream.Stream.concat(
                schedule.getActivities().stream().map(a -> a.getId() + "@" + a.getBaselineDate()),
                schedule.getBodies().stream().map(b -> b.getCode() + b.getSittings())).toList();
    }

    @Test
    void theSameSeedGivesTheSameInstanceAndAnotherSeedAnother() {
        assertEquals(shape(Planner.generate(10, 7)), shape(Planner.generate(10, 7)));
        assertTrue(!shape(Planner.generate(10, 7)).equals(shape(Planner.generate(10, 8))));
    }

    @Test
    void fullAssertOnASplitSolveFindsNoScoreCorruption() {
        SolveResult result = TidplanSolver.solve(Planner.generate(10, 3).dataset().schedule(),
                new TidplanSolver.Options(Duration.ofSeconds(120), 4000, 3, EnvironmentMode.FULL_ASSERT), best -> { });
        assertEquals(10, result.parts(), "ten organisations, ten independent parts, each solved on its own");
        // FULL_ASSERT itself fails each part's solve on a corrupted score; the merged calendar must also score the
        // same when scored from scratch, and keep every hard rule (the instance is feasible by construction).
        assertEquals(TidplanSolver.analyze(result.schedule()).score(), result.schedule().getScore());
        assertTrue(result.isFeasible(), result.schedule().getScore().toString());
    }

    private static List<String> calendar(SolveResult result) {
        return result.schedule().getActivities().stream().map(a -> a.getId() + "@" + a.getDate()
                + (a instanceof Meeting meeting ? " " + meeting.getStart() : "")).toList();
    }

    @Test
    void aSplitSolveGivesTheSameCalendarHoweverManyThreadsSolveItsParts() {
        List<List<String>> calendars = new java.util.ArrayList<>();
        List<String> progress = new java.util.ArrayList<>();
        for (int threads : new int[] {2, 1, 2}) {
            SolveResult result = TidplanSolver.solve(Planner.generate(3, 5).dataset().schedule(),
                    new TidplanSolver.Options(Duration.ofSeconds(120), 60_000, 5, EnvironmentMode.PHASE_ASSERT, threads),
                    best -> progress.add(best.score().toString()));
            assertEquals(3, result.parts());
            assertTrue(result.isFeasible());
            assertEquals(TidplanSolver.analyze(result.schedule()).score(), result.schedule().getScore());
            calendars.add(calendar(result));
        }
        assertEquals(calendars.get(0), calendars.get(1), "one thread and two give the same calendar");
        assertEquals(calendars.get(0), calendars.get(2), "the same seed gives the same calendar again");
        assertTrue(!progress.isEmpty(), "the parts' progress is reported as the whole's score");
    }

    @Test
    void theRegionIsOnePartAndEachGeneratedOrganisationIsOneOfItsOwnUnlessCoupled() {
        assertEquals(1, Parts.of(Planner.load(null).schedule()).size(), "the region's PoU carries every process");
        Schedule generated = Planner.generate(3, 3).dataset().schedule();
        List<Parts.Part> parts = Parts.of(generated);
        assertEquals(3, parts.size());
        for (Parts.Part part : parts) {
            // One organisation's activities, all of them: the same suffix (none for the first), 117 activities.
            Set<String> suffixes = part.activities().stream().map(a -> a.getId().replaceAll("^[^#]*", ""))
                    .collect(Collectors.toSet());
            assertEquals(1, suffixes.size(), suffixes.toString());
            assertEquals(generated.getActivities().size() / 3, part.activities().size());
            assertTrue(part.dependencies().stream().allMatch(d -> part.activities().contains(d.getBefore())
                    && part.activities().contains(d.getAfter())));
        }
        assertEquals(generated.getDependencies().size(), parts.stream().mapToInt(p -> p.dependencies().size()).sum());
        assertEquals(1, Parts.of(Planner.generate(3, 3, true).dataset().schedule()).size(),
                "organisations sharing RF, PoU and the director are one part");
    }
}

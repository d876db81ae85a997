package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.transform.RollForward;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.solver.CalendarRulesChecker;
import se.rjh.tidplan.solver.TidplanSolver;

class CompareAndRollForwardTest {

    private static Path solve(Dataset dataset, Path out) {
        SolveResult result = TidplanSolver.solve(dataset.schedule(),
                TidplanSolver.Options.of(Duration.ofSeconds(60), 150_000, 0), best -> { });
        assertTrue(result.isFeasible(), result.schedule().getScore().toString());
        CalendarCsvWriter.write(result.schedule(), out);
        return out;
    }

    private static CalendarComparison.Comparison compare(Path a, Path b) {
        return CalendarComparison.compare(
                CalendarExplainer.score(Planner.load(null), CalendarFile.read(a)),
                CalendarExplainer.score(Planner.load(null), CalendarFile.read(b)));
    }

    @Test
    void aCalendarComparedWithItselfShowsNoDifference(@TempDir Path dir) {
        Path calendar = solve(Planner.load(null), dir.resolve("a.csv"));
        CalendarComparison.Comparison same = compare(calendar, calendar);
        assertTrue(same.identical());
        assertTrue(same.rules().stream().allMatch(r -> r.difference().equals(HardSoftLongScore.ZERO) && !r.worse()),
                same.rules().toString());
        assertTrue(same.workload().stream().allMatch(w -> w.activitiesA() == w.activitiesB()));
    }

    @Test
    void comparedWithAReplannedCalendarItShowsExactlyTheMoves(@TempDir Path dir) throws Exception {
        Path calendar = solve(Planner.load(null), dir.resolve("a.csv"));
        Replanner.Result replanned = Replanner.replan(() -> Planner.load(null), CalendarFile.read(calendar),
                java.time.LocalDate.of(2021, 5, 1), List.of(new Replanner.CancelSitting("RS", java.time.LocalDate.of(2021, 6, 7))),
                false, TidplanSolver.Options.of(Duration.ofSeconds(60), 50_000, 0), best -> { }, StopSignal.none());
        Path b = dir.resolve("b.csv");
        CalendarCsvWriter.write(replanned.solved().schedule(), b);
        CalendarComparison.Comparison comparison = compare(calendar, b);
        assertEquals(replanned.moves().stream().map(Replanner.Moved::id).sorted().toList(),
                comparison.moves().stream().map(CalendarComparison.Move::id).sorted().toList());
        assertTrue(comparison.moves().size() >= 2);
    }

    @Test
    void aReplansScoreIsTheOneCompareAndExplainGiveItsCalendarUnderItsDataset(@TempDir Path dir) {
        Path calendar = solve(Planner.load(null), dir.resolve("a.csv"));
        LocalDate today = LocalDate.of(2021, 5, 1);
        List<Replanner.Change> changes = List.of(new Replanner.CancelSitting("RS", LocalDate.of(2021, 6, 7)));
        Path changed = dir.resolve("changed");
        Planner.writeChangedDataset(null, changes, today, changed);
        for (boolean improve : List.of(false, true)) {
            Replanner.Result replanned = Replanner.replan(() -> Planner.load(null), CalendarFile.read(calendar), today,
                    changes, improve, TidplanSolver.Options.of(Duration.ofSeconds(60), 50_000, 0), best -> { },
                    StopSignal.none());
            Path b = dir.resolve("b-" + improve + ".csv");
            CalendarCsvWriter.write(replanned.solved().schedule(), b);
            // The original under its own dataset, where RS sits on 7 June; the re-plan under the dataset it was made for.
            CalendarComparison.Comparison comparison = Planner.compare(() -> Planner.load(null), CalendarFile.read(calendar),
                    () -> Planner.load(changed), CalendarFile.read(b));
            assertEquals(replanned.score(), comparison.scoreB(), "improve " + improve);
            assertEquals(replanned.score(), Planner.explain(Planner.load(changed), CalendarFile.read(b)).score());
            assertEquals(Planner.explain(Planner.load(null), CalendarFile.read(calendar)).score(), comparison.scoreA());
            assertTrue(comparison.scoreA().isFeasible() && comparison.scoreB().isFeasible(), comparison.toString());
            // The difference is told rule by rule: the rules' differences add up to it.
            assertEquals(comparison.scoreB().subtract(comparison.scoreA()), comparison.rules().stream()
                    .map(CalendarComparison.RuleDifference::difference).reduce(HardSoftLongScore.ZERO, HardSoftLongScore::add));
        }
    }

    @Test
    void the2024ProcessIsADatasetThatSolvesAndComparesWithThe2021One(@TempDir Path dir) {
        Path variant = Path.of("../data/variants/rjh-2021-process-2024");
        Path calendar2021 = solve(Planner.load(null), dir.resolve("2021.csv"));
        Path calendar2024 = solve(Planner.load(variant), dir.resolve("2024.csv"));
        CalendarComparison.Comparison comparison = CalendarComparison.compare(
                CalendarExplainer.score(Planner.load(variant), CalendarFile.read(calendar2021)),
                CalendarExplainer.score(Planner.load(variant), CalendarFile.read(calendar2024)));
        CalendarComparison.Move dialogues = comparison.moves().stream()
                .filter(m -> m.id().equals("RP22-STYRDIALOG")).findFirst().orElseThrow();
        assertEquals(java.time.LocalDate.of(2021, 10, 1), dialogues.dateB());
        assertTrue(comparison.scoreB().isFeasible(), comparison.scoreB().toString());
    }

    @Test
    void theRolledForwardDatasetSolvesFeasiblyForItsYear(@TempDir Path dir) throws Exception {
        RollForward.Result result = Planner.rollForward(Planner.load(null), 2022, null);
        Path out = dir.resolve("rjh-2022");
        DatasetWriter.write(result.settings(), result.schedule(), out);
        Dataset rolled = Planner.load(out);
        Path calendar = solve(rolled, dir.resolve("tidplan-2022.csv"));
        // Checked by the independent checker against the rolled dataset's own files (2022's holidays too).
        assertEquals(List.of(), new CalendarRulesChecker(out).violations(CalendarRulesChecker.calendar(calendar)));
        // 2022 is an election year: the new RF sets the budget, from 15 October to 30 November.
        LocalDate budget = CalendarRulesChecker.calendar(calendar).get("RP23-RF").date();
        assertTrue(!budget.isBefore(LocalDate.of(2022, 10, 15)) && !budget.isAfter(LocalDate.of(2022, 11, 30)), budget.toString());
    }
}

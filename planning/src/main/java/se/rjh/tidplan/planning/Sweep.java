package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * Many what-ifs against one calendar: each is a re-plan with its changes as {@code replan} makes it by default (past
 * frozen, only what the change forces moving, the same search with a fixed seed and move budget, so the same grid
 * gives the same table), run in parallel on the cores, its outcome one row: whether every rule holds, how many
 * activities move, the calendar's score under its rules, and the rule that costs most there. A grid
 * can be cut into shards by index, run anywhere, and joined again: the outcome of a what-if does not depend on
 * the others.
 */
public final class Sweep {

    /** One what-if: its place in the grid, its changes, and how a person reads it. */
    public record WhatIf(int index, List<Replanner.Change> changes, String label) {
    }

    /** What a what-if gives. {@code verdict} is "yes" (every rule holds from today), "no", or "invalid" (the change cannot be made). */
    public record Outcome(int index, String whatIf, String verdict, int moved, String score, String dominant) {
    }

    private Sweep() {
    }

    /** A sitting moved to each working day from {@code from} to {@code to} on which the body does not sit yet. */
    public static List<List<Replanner.Change>> sittingOver(Schedule schedule, String body, LocalDate sitting, LocalDate from,
            LocalDate to) {
        Body sits = schedule.getBodies().stream().filter(b -> b.getCode().equals(body)).findFirst()
                .orElseThrow(() -> new Replanner.InvalidChange(new Replanner.CancelSitting(body, sitting),
                        "unknown body '" + body + "'", Phrase.of(Text.INVALID_UNKNOWN_BODY, body,
                                schedule.getBodies().stream().map(Body::getCode).collect(Collectors.joining(", ")))));
        List<List<Replanner.Change>> grid = new ArrayList<>();
        for (LocalDate day : schedule.getCalendar().workingDays(from, to)) {
            if (!sits.sitsOn(day)) {
                grid.add(List.of(new Replanner.MoveSitting(body, sitting, day)));
            }
        }
        return grid;
    }

    /** An SKR date confirmed on each working day up to {@code reach} working days earlier or later. */
    public static List<List<Replanner.Change>> forecastWithin(Schedule schedule, LocalDate forecast, int reach) {
        WorkingCalendar calendar = schedule.getCalendar();
        return calendar.workingDays(calendar.plusWorkingDays(forecast, -reach), calendar.plusWorkingDays(forecast, reach))
                .stream().filter(d -> !d.equals(forecast))
                .map(d -> List.<Replanner.Change>of(new Replanner.MoveForecast(forecast, d))).toList();
    }

    /** Runs the what-ifs, {@code threads} at a time; the outcomes in the what-ifs' order. */
    public static List<Outcome> run(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<WhatIf> whatIfs, TidplanSolver.Options options, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, whatIfs.size())));
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (WhatIf whatIf : whatIfs) {
                running.add(pool.submit(() -> outcome(dataset, baseline, today, whatIf, options)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sweeping", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome outcome(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today, WhatIf whatIf,
            TidplanSolver.Options options) {
        try {
            Replanner.Result result = Replanner.replan(dataset, baseline, today, whatIf.changes(), false, options,
                    best -> { }, StopSignal.none());
            return new Outcome(whatIf.index(), whatIf.label(), result.futureKeepsTheRules() ? "yes" : "no",
                    result.moves().size(), result.score().toString(), dominant(result.analysis()));
        } catch (Replanner.InvalidChange invalid) {
            return new Outcome(whatIf.index(), whatIf.label(), "invalid", 0, "", invalid.getMessage());
        }
    }

    /** The rule that costs most: the hard one with the largest penalty, else the soft one. */
    private static String dominant(ScoreAnalysis<HardSoftLongScore> analysis) {
        return analysis.constraintAnalyses().stream()
                .filter(c -> c.score().hardScore() < 0 || c.score().softScore() < 0)
                .min(Comparator.comparing((ConstraintAnalysis<HardSoftLongScore> c) -> c.score()))
                .map(ConstraintAnalysis::constraintName).orElse("");
    }
}

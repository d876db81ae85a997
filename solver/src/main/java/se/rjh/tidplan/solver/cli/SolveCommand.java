package se.rjh.tidplan.solver.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.CalendarCsvWriter;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.solver.Justifications;
import se.rjh.tidplan.solver.TidplanConstraintProvider;
import se.rjh.tidplan.solver.TidplanSolver;

/** {@code tidplan solve}: plans a dataset and writes the calendar CSV. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Plan a dataset and write the calendar as CSV in the region's own columns.",
        footer = {"", "Example:", "  java -jar solver/target/tidplan.jar solve --data data/rjh-2021 --out tidplan.csv --seed 1",
                "", "Exit status: 0 calendar written and feasible; 1 written but it breaks a hard rule; 2 bad input."})
public final class SolveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOption data;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "tidplan.csv",
            description = "Calendar CSV to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--seconds", paramLabel = "N", description = "Upper bound on solver time (default: settings.json).")
    private Long seconds;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same input and seed give the same file (default: settings.json).")
    private Long seed;

    @Option(names = "--quiet", description = "Print only the result line and errors.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Dataset dataset = data.load(err);
        long limit = seconds != null ? seconds : dataset.settings().solver().seconds();
        if (limit <= 0) {
            throw new ParameterException(spec.commandLine(), "--seconds must be positive, not " + limit);
        }
        TidplanSolver.Options options = TidplanSolver.Options.of(Duration.ofSeconds(limit),
                dataset.settings().solver().moves(), seed != null ? seed : dataset.settings().solver().seed());
        if (!quiet) {
            outWriter.printf("Solving %s: %d activities, %d dependencies, %d bodies (at most %d s, seed %d)%n",
                    dataset.schedule().getName(), dataset.schedule().getActivities().size(),
                    dataset.schedule().getDependencies().size(), dataset.schedule().getBodies().size(),
                    limit, options.seed());
            outWriter.flush();
        }
        Progress progress = new Progress(outWriter, quiet);
        TidplanSolver.Result result = TidplanSolver.solve(dataset.schedule(), options, progress::report);
        progress.finish();
        CalendarCsvWriter.write(result.schedule(), out);
        if (!quiet) {
            printSummary(outWriter, result);
        }
        HardSoftLongScore score = result.schedule().getScore();
        outWriter.printf("Wrote %s: %d activities, score %s, %s%n", out, result.schedule().getActivities().size(),
                score, result.isFeasible() ? "no hard rule broken" : "INFEASIBLE: " + -score.hardScore() + " hard penalty");
        outWriter.flush();
        return result.isFeasible() ? 0 : TidplanCommand.EXIT_INFEASIBLE;
    }

    private static void printSummary(PrintWriter out, TidplanSolver.Result result) {
        out.println();
        out.printf("%-36s %8s %14s%n", "Constraint", "Matches", "Score");
        List<ConstraintAnalysis<HardSoftLongScore>> constraints = new ArrayList<>(result.analysis().constraintAnalyses());
        constraints.sort(Comparator.comparingInt(c -> TidplanConstraintProvider.ALL.indexOf(c.constraintName())));
        for (ConstraintAnalysis<HardSoftLongScore> constraint : constraints) {
            out.printf("%-36s %8d %14s%n", constraint.constraintName(), constraint.matchCount(), constraint.score());
        }
        if (!result.isFeasible()) {
            out.println();
            out.println("Hard rules broken:");
            for (ConstraintAnalysis<HardSoftLongScore> constraint : constraints) {
                if (constraint.score().hardScore() < 0 && constraint.matches() != null) {
                    for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                        out.println("  " + constraint.constraintName() + ": "
                                + ((Justifications.Finding) match.justification()).description());
                    }
                }
            }
        }
        out.printf("%nSolved in %.1f s (%s, best found at %.1f s): %,d moves/s evaluated, %,d score calculations/s%s%n",
                result.millisSpent() / 1000.0,
                result.millisToFeasible() < 0 ? "never feasible"
                        : String.format("feasible at %.1f s", result.millisToFeasible() / 1000.0),
                result.millisToBest() / 1000.0, result.moveEvaluationSpeed(), result.scoreCalculationSpeed(),
                result.stoppedByTime() ? " (stopped by the time limit: another run may differ)" : "");
    }

    /**
     * Prints a line per improvement, at most twice a second unless the hard score changes; the last
     * improvement is always printed.
     */
    private static final class Progress {
        private final PrintWriter out;
        private final boolean quiet;
        private long lastPrinted = -1_000;
        private long lastHard = Long.MIN_VALUE;
        private TidplanSolver.BestScore unprinted;

        Progress(PrintWriter out, boolean quiet) {
            this.out = out;
            this.quiet = quiet;
        }

        synchronized void report(TidplanSolver.BestScore best) {
            long hard = best.score().hardScore();
            if (hard != lastHard || best.millisSpent() - lastPrinted >= 500) {
                print(best);
                lastPrinted = best.millisSpent();
                lastHard = hard;
                unprinted = null;
            } else {
                unprinted = best;
            }
        }

        synchronized void finish() {
            if (unprinted != null) {
                print(unprinted);
            }
        }

        private void print(TidplanSolver.BestScore best) {
            if (!quiet) {
                out.printf("  %6.1f s  best %s%n", best.millisSpent() / 1000.0, best.score());
                out.flush();
            }
        }
    }
}

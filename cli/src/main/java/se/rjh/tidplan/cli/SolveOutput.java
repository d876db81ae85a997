package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.model.BestScore;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.Rules;

/** What {@code solve} and {@code replan} print while and after solving. */
final class SolveOutput {

    private SolveOutput() {
    }

    /** The calendar's score rule by rule ({@code analysis}), the rules it breaks, and how the search went. */
    static void printSummary(PrintWriter out, SolveResult result, ScoreAnalysis<HardSoftLongScore> analysis) {
        out.println();
        out.printf("%-36s %8s %14s%n", "Constraint", "Matches", "Score");
        List<ConstraintAnalysis<HardSoftLongScore>> constraints = Rules.inOrder(analysis);
        for (ConstraintAnalysis<HardSoftLongScore> constraint : constraints) {
            out.printf("%-36s %8d %14s%n", constraint.constraintName(), constraint.matchCount(), constraint.score());
        }
        if (!analysis.score().isFeasible()) {
            out.println();
            out.println("Hard rules broken:");
            for (ConstraintAnalysis<HardSoftLongScore> constraint : constraints) {
                if (constraint.score().hardScore() < 0 && constraint.matches() != null) {
                    for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                        out.println("  " + constraint.constraintName() + ": "
                                + Rules.finding(match).description());
                    }
                }
            }
        }
        out.printf("%nSolved in %.1f s%s (%s, best found at %.1f s): %,d moves/s evaluated, %,d score calculations/s%s%n",
                result.millisSpent() / 1000.0, result.parts() > 1 ? " in " + result.parts() + " independent parts" : "",
                result.millisToFeasible() < 0 ? "never feasible"
                        : String.format("feasible at %.1f s", result.millisToFeasible() / 1000.0),
                result.millisToBest() / 1000.0, result.moveEvaluationSpeed(), result.scoreCalculationSpeed(),
                result.stoppedByTime() ? " (stopped by the time limit: another run may differ)" : "");
    }

    /** One moved activity on one line: id, old and new date, the days, a changed time, and why. */
    static String moveLine(Replanner.Moved move) {
        return String.format("  %-16s %s -> %s (%+d days)%s: %s", move.id(), move.oldDate(), move.newDate(), move.days(),
                move.oldStart() != null && !move.oldStart().equals(move.newStart())
                        ? ", " + move.oldStart() + " -> " + move.newStart() : "",
                move.reason());
    }

    /**
     * Prints a line per improvement, at most twice a second unless the hard score changes; the last
     * improvement is always printed.
     */
    static final class Progress {
        private final PrintWriter out;
        private final boolean quiet;
        /** On a terminal one line is rewritten in place; in a log every improvement gets its own line. */
        private final boolean live = System.console() != null;
        private long lastPrinted = -1_000;
        private long lastHard = Long.MIN_VALUE;
        private BestScore unprinted;

        Progress(PrintWriter out, boolean quiet) {
            this.out = out;
            this.quiet = quiet;
        }

        synchronized void report(BestScore best) {
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
            if (live && !quiet && lastHard != Long.MIN_VALUE) {
                out.println();
                out.flush();
            }
        }

        private void print(BestScore best) {
            if (!quiet) {
                String line = String.format("  %6.1f s  best %s, hard penalty left %d", best.millisSpent() / 1000.0,
                        best.score(), -best.score().hardScore());
                out.print(live ? "\r" + line + "   " : line + System.lineSeparator());
                out.flush();
            }
        }
    }
}

package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.StopSignal;

/** {@code tidplan solve}: plans a dataset and writes the calendar CSV. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Plan a dataset and write the calendar as CSV in the region's own columns.",
        footer = {"", "Examples:", "  java -jar app/target/tidplan.jar solve --data data/rjh-2021 --out tidplan.csv --seed 1",
                "  java -jar app/target/tidplan.jar solve --excel --ics tidplan.ics --html tidplan.html",
                "  java -jar app/target/tidplan.jar solve --repair --out repaired.csv",
                "  java -jar app/target/tidplan.jar solve --until-stopped --seconds 600   (Ctrl-C writes the best calendar so far)",
                "", "Exit status: 0 calendar written and feasible; 1 written but it breaks a hard rule; 2 bad input; 70 an internal error (a bug: please report it)."})
public final class SolveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOption data;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "tidplan.csv",
            description = "Calendar CSV to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private SearchOptions search;

    @Option(names = "--until-stopped", description = "Search until stopped (Ctrl-C) or --seconds is up, instead of "
            + "ending when the search stops improving (as solver.until \"stopped\" in settings.json).")
    private boolean untilStopped;

    @Option(names = "--quiet", description = "Print only the result line and errors.")
    private boolean quiet;

    @Option(names = "--repair", description = "Keep the hand-made calendar and fix only its mistakes: an activity "
            + "moves only when a hard rule forces it, as little as it can; the moves are listed.")
    private boolean repair;

    @Option(names = "--today", paramLabel = "DATE", description = "Everything the dataset dates before this day has "
            + "happened and stays where it is (as replan --today); without it nothing is frozen.")
    private LocalDate today;

    @Mixin
    private OutputOptions outputs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        outputs.requireFiles(out);
        Dataset dataset = data.load(err);
        if (today != null) {
            Planner.freezePast(dataset, null, today);
        }
        Planner.Search settings = search.options(dataset, 1);
        Planner.Search options = untilStopped ? settings.searchingUntilStopped() : settings;
        if (!quiet) {
            outWriter.printf("Solving %s: %d activities, %d dependencies, %d bodies (%s %d s, seed %d)%n",
                    dataset.schedule().getName(), dataset.schedule().getActivities().size(),
                    dataset.schedule().getDependencies().size(), dataset.schedule().getBodies().size(),
                    options.untilStopped() ? "until stopped, at most" : "at most", options.timeLimit().toSeconds(), options.seed());
            outWriter.flush();
        }
        SolveOutput.Progress progress = new SolveOutput.Progress(outWriter, quiet);
        SolveResult result;
        try (StopSignal stop = StopSignal.onInterrupt()) {
            Planner.Repaired repaired = repair ? Planner.repair(dataset, options, progress::report, stop) : null;
            result = repaired != null ? repaired.solved() : Planner.solve(dataset, options, progress::report, stop);
            progress.finish();
            outputs.write(result, repaired != null ? repaired.moves() : List.of(), out);
            if (stop.wasRequested()) {
                outWriter.println("Interrupted: wrote the best calendar found so far.");
            }
            if (!quiet) {
                SolveOutput.printSummary(outWriter, result, result.analysis());
            }
            if (repaired != null) {
                outWriter.printf("%n%d %s moved to keep the rules:%n", repaired.moves().size(),
                        repaired.moves().size() == 1 ? "activity" : "activities");
                for (var move : repaired.moves()) {
                    outWriter.println(SolveOutput.moveLine(move));
                }
            }
            HardSoftLongScore score = result.schedule().getScore();
            boolean onlyThePast = !result.isFeasible() && today != null && Planner.keepsTheRulesFrom(result, today);
            outWriter.printf("Wrote %s: %d activities, score %s, %s%n", out, result.schedule().getActivities().size(),
                    score, result.isFeasible() ? "no hard rule broken"
                            : onlyThePast ? "no hard rule broken from " + today + " on (the frozen past breaks "
                                    + -score.hardScore() + " hard penalty: it happened and is not re-planned)"
                            : "INFEASIBLE: " + -score.hardScore() + " hard penalty");
            outWriter.flush();
            return result.isFeasible() || onlyThePast ? 0 : TidplanCommand.EXIT_INFEASIBLE;
        }
    }

}

package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;


import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.CalendarExplainer.Explanation;
import se.rjh.tidplan.planning.Planner;

/** {@code tidplan explain}: what is wrong with a calendar, without changing it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Score a calendar as it is against a dataset's rules and say, one line each, what breaks "
                + "which rule and how to fix it; then the totals per rule and the heaviest weeks."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar explain data/seed/tidplan-2021.txt",
                "", "Exit status: 0 no hard rule broken; 1 a hard rule is broken; 2 unreadable input; 70 an internal error (a bug: please report it)."})
public final class ExplainCommand implements Callable<Integer> {

    /** How explain prints. */
    public enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The calendar: the Tidplan text, a CSV of the table, or tidplan's output.")
    private Path file;

    @Mixin
    private DatasetOption data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json, for other tools.")
    private Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CalendarFile.Content content = CalendarFile.read(file).requireComplete();
        Explanation explanation = Planner.explain(data.load(err), content);
        if (format == Format.json) {
            out.println(Json.MAPPER.writeValueAsString(explanation));
        } else {
            print(out, explanation);
        }
        out.flush();
        return explanation.feasible() ? 0 : TidplanCommand.EXIT_INFEASIBLE;
    }

    private static void print(PrintWriter out, Explanation e) {
        out.printf("%s: score %s: %s%n", e.file(), e.score(),
                e.feasible() ? "no hard rule broken" : e.hardPenalty() + " hard penalty");
        out.println();
        for (CalendarExplainer.Violation v : e.violations()) {
            out.printf("%-4s %s: %s%n", v.hard() ? "HARD" : "soft", v.constraint(), v.description());
        }
        out.println();
        out.printf("%-36s %4s %8s %14s%n", "Rule", "", "Matches", "Score");
        for (CalendarExplainer.Total t : e.totals()) {
            out.printf("%-36s %4s %8d %14s%n", t.constraint(), t.hard() ? "hard" : "soft", t.matches(), t.score());
        }
        out.println();
        out.println("Weeks furthest from even:");
        for (CalendarExplainer.HeavyWeek w : e.heaviestWeeks()) {
            out.printf("  %s, week of %s: %d activities (its average active week: %.1f)%s%n", w.unit(), w.week(),
                    w.activities(), w.unitAverage(), w.weak() ? ", a weak week" : "");
        }
        if (!e.comments().isEmpty()) {
            out.println();
            out.println("The calendar's own comments (Kommentar):");
            for (CalendarExplainer.Comment c : e.comments()) {
                out.printf("  %s %s (%s): %s%n", c.date(), c.activity(), c.name(), c.comment());
            }
        }
        if (!e.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            e.notes().forEach(note -> out.println("  " + note));
        }
    }
}

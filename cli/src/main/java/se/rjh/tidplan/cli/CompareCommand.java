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
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.pages.ComparisonPage;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.CalendarComparison.Comparison;
import se.rjh.tidplan.planning.Planner;

/** {@code tidplan compare}: two versions of a calendar before a meeting. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two calendars, each under its own dataset's rules (A under --data, B under --data-b, by "
                + "default the same): the score per rule and its difference, the activities that moved, and each "
                + "unit's workload per week side by side."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar compare tidplan.csv replanned.csv --data-b rjh-2021-b --html compare.html",
                "", "Exit status: 0 compared; 2 unreadable input; 70 an internal error (a bug: please report it)."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first calendar (tidplan output, Tidplan text or CSV).")
    private Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "The second calendar.")
    private Path fileB;

    @Mixin
    private DatasetOption data;

    @Option(names = "--data-b", paramLabel = "DIR", description = "The dataset B is judged under (default: --data's), "
            + "e.g. the one a re-plan wrote with --out-data: a re-planned calendar is judged under the rules it was made for.")
    private Path dataB;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    private ExplainCommand.Format format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as one self-contained HTML page.")
    private Path html;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CalendarFile.Content a = CalendarFile.read(fileA).requireComplete();
        CalendarFile.Content b = CalendarFile.read(fileB).requireComplete();
        // Each calendar is placed on its own copy of its dataset; a dataset's warnings are told once.
        Dataset rulesA = data.load(err);
        Dataset rulesB = dataB == null ? data.loadQuietly() : DatasetOption.load(dataB, err);
        Comparison comparison = Planner.compare(() -> rulesA, a, () -> rulesB, b);
        if (format == ExplainCommand.Format.json) {
            out.println(Json.MAPPER.writeValueAsString(comparison));
        } else {
            print(out, comparison);
        }
        if (html != null) {
            ComparisonPage.write(comparison, html);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Comparison c) {
        out.printf("A: %s  score %s%nB: %s  score %s%n%n", c.fileA(), c.scoreA(), c.fileB(), c.scoreB());
        out.printf("%-36s %16s %16s %16s%n", "Rule", "A", "B", "B - A");
        for (CalendarComparison.RuleDifference r : c.rules()) {
            out.printf("%-36s %16s %16s %16s%n", r.constraint(), r.scoreA(), r.scoreB(), r.difference());
        }
        out.printf("%n%d %s moved:%n", c.moves().size(), c.moves().size() == 1 ? "activity" : "activities");
        for (CalendarComparison.Move m : c.moves()) {
            out.printf("  %-16s %s -> %s (%+d days)%s  %s%n", m.id(), m.dateA(), m.dateB(), m.days(),
                    java.util.Objects.equals(m.startA(), m.startB()) ? "" : ", " + m.startA() + " -> " + m.startB(),
                    m.name());
        }
        out.println();
        out.println("Workload per unit and week, where the two differ (activities in A, in B):");
        boolean any = false;
        for (CalendarComparison.WeekLoadChange w : c.workload()) {
            if (w.activitiesA() != w.activitiesB()) {
                out.printf("  %-12s week of %s  %2d  %2d%n", w.unit(), w.week(), w.activitiesA(), w.activitiesB());
                any = true;
            }
        }
        if (!any) {
            out.println("  (the same in every week)");
        }
        if (!c.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            c.notes().forEach(n -> out.println("  " + n));
        }
    }
}

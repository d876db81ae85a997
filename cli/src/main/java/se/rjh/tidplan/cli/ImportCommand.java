package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.transform.CalendarImporter;
import se.rjh.tidplan.planning.Planner;

/** {@code tidplan import}: a hand-made calendar becomes a dataset to complete and solve. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a hand-made calendar (the Tidplan text copied from its PDF, an Excel CSV of the same "
                + "table, or tidplan's own output) and write a dataset directory that solve accepts."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar import data/seed/tidplan-2021.txt --out my-2021",
                "", "Exit status: 0 dataset written; 2 unreadable input or the directory exists; 70 an internal error (a bug: please report it)."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The calendar to read.")
    private Path file;

    @Mixin
    private DatasetOutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        CalendarFile.Content content = CalendarFile.read(file);
        CalendarImporter.Result result = Planner.importCalendar(content, file.getFileName().toString());
        Path out = output.write(result.settings(), result.schedule());
        long bad = content.skipped().stream().filter(CalendarFile.Skipped::bad).count();
        stdout.printf("Read %d rows, merged %d, skipped %d lines (%d of them broken rows):%n", content.rows().size(),
                content.merged(), content.skipped().size(), bad);
        printSkipped(stdout, content);
        stdout.printf("Wrote %s: %d activities, %d bodies, %d sitting days, %d dependencies.%n", out,
                result.schedule().getActivities().size(), result.schedule().getBodies().size(),
                result.schedule().getBodies().stream().mapToInt(b -> b.getSittings().size()).sum(),
                result.schedule().getDependencies().size());
        stdout.println("To complete before solving:");
        result.notes().forEach(note -> stdout.println("  " + note));
        stdout.flush();
        return 0;
    }

    /** One line per skipped line, or per run of consecutive lines skipped for the same reason. */
    private static void printSkipped(PrintWriter out, CalendarFile.Content content) {
        List<CalendarFile.Skipped> skipped = content.skipped();
        for (int i = 0; i < skipped.size(); ) {
            int j = i;
            while (j + 1 < skipped.size() && skipped.get(j + 1).reason().equals(skipped.get(i).reason())
                    && !skipped.get(i).bad()) {
                j++;
            }
            CalendarFile.Skipped first = skipped.get(i);
            out.println("  " + (i == j ? first.describe(content.file())
                    : content.file() + ":" + first.line() + "-" + skipped.get(j).line() + ": " + first.reason()
                            + " (" + (j - i + 1) + " lines)"));
            i = j + 1;
        }
    }
}

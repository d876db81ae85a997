package se.rjh.tidplan.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVPrinter;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.data.write.AtomicFile;
import se.rjh.tidplan.pages.ChangeNotice;
import se.rjh.tidplan.planning.Advisor;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.StopSignal;

/** {@code tidplan replan}: a date moved; the least change to the calendar that keeps every rule. */
@Command(name = "replan", mixinStandardHelpOptions = true,
        description = {"Re-plan a calendar after a sitting or an SKR date moved: the past is frozen, and only what "
                + "the change forces moves, as little as it can (--improve: the rest is improved too). Prints (and with "
                + "--changes writes) the list of moves, why, and whether the change forced each or it was chosen."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar replan --baseline tidplan.csv --today 2021-05-01 \\",
                "      --move-sitting RF:2021-06-21=2021-06-14 --out replanned.csv --changes changes.csv --notice notice.html",
                "", "Exit status: 0 re-planned and feasible; 1 the change cannot be met (the rule and a remedy are printed);",
                "2 bad input; 70 an internal error (a bug: please report it)."})
public final class ReplanCommand implements Callable<Integer> {


    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "CAL.csv", required = true,
            description = "The calendar to re-plan (tidplan's output, or the Tidplan text, or an Excel CSV).")
    private Path baseline;

    @Mixin
    private DatasetOption data;

    @Option(names = "--today", paramLabel = "DATE", required = true, description = "Everything before this date is frozen.")
    private LocalDate today;

    @Option(names = "--out", paramLabel = "NEW.csv", required = true, description = "The re-planned calendar to write.")
    private Path out;

    @Option(names = "--changes", paramLabel = "FILE", description = "Also write the list of moves as CSV.")
    private Path changesFile;

    @Option(names = "--notice", paramLabel = "FILE", description = "Also write a change notice to send to those affected: "
            + "a printable HTML page in Swedish of what moved, from when to when, why, and whom to tell.")
    private Path noticeFile;

    @Option(names = "--out-data", paramLabel = "DIR", description = "Also write the dataset with the changes applied "
            + "(sittings, SKR's dates, pins), for the next re-plan: replan --data DIR --baseline NEW.csv ...")
    private Path outData;

    @Option(names = "--move-sitting", paramLabel = "BODY:OLD=NEW", description = "A sitting moves, e.g. RF:2021-06-21=2021-06-14; quote a body with a space: \"RS AU:2021-05-25=2021-05-18\".")
    private List<String> moveSittings = List.of();

    @Option(names = "--cancel-sitting", paramLabel = "BODY:DATE", description = "A sitting is cancelled, e.g. RS:2021-06-07 or \"RS AU:2021-05-25\".")
    private List<String> cancelSittings = List.of();

    @Option(names = "--add-sitting", paramLabel = "BODY:DATE", description = "A sitting is added, e.g. RS:2021-06-01 or \"RS AU:2021-05-18\".")
    private List<String> addSittings = List.of();

    @Option(names = "--move-forecast", paramLabel = "OLD=NEW", description = "SKR publishes a forecast on another day.")
    private List<String> moveForecasts = List.of();

    @Option(names = "--pin", paramLabel = "ID=DATE", description = "An activity is fixed on a date (refused when the "
            + "date breaks one of its own hard rules: not a working day, its bodies do not sit, outside its window).")
    private List<String> pins = List.of();

    @Option(names = "--unpin", paramLabel = "ID", description = "A pinned activity is let go: the re-plan may move it.")
    private List<String> unpins = List.of();

    @Mixin
    private SearchOptions search;

    @Option(names = "--quiet", description = "Print only the change list, the result line and errors.")
    private boolean quiet;

    @Option(names = "--improve", description = "Also improve the rest: move activities the change does not force where "
            + "the soft goals (even workload, buffers) gain from it. Such moves are listed as chosen. Without it, only "
            + "what the change forces moves, as little as it can.")
    private boolean improve;

    @Option(names = "--advise", description = "When the change moves activities or cannot be met, try the fixes a planner "
            + "can make (an extra sitting near the damage, a sitting moved, a preliminary SKR date confirmed earlier or later, "
            + "a pin released) and print the best few, each as 'advice: OPTIONS  (effect)'.")
    private boolean advise;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the moves, the score and the advice as one JSON object.")
    private ExplainCommand.Format format;

    /** How many fixes --advise prints. */
    private static final int ADVICE_SHOWN = 5;

    @Mixin
    private OutputOptions outputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        outputs.requireFiles(out);
        OutputOptions.requireFile("--changes", changesFile);
        OutputOptions.requireFile("--notice", noticeFile);
        if (outData != null && Files.exists(outData)) {
            throw new InputException("--out-data", 0, null, outData + " already exists; give a new directory");
        }
        List<Replanner.Change> changes = ChangeOptions.read(moveSittings, cancelSittings, addSittings, moveForecasts, pins, unpins);
        CalendarFile.Content calendar = CalendarFile.read(baseline).requireComplete();
        Dataset dataset = data.load(spec.commandLine().getErr());
        if (today.isAfter(dataset.schedule().getHorizonEnd())) {
            throw new InputException("--today", 0, null, today + " is after the calendar's last day "
                    + dataset.schedule().getHorizonEnd() + ": everything is past, nothing is left to re-plan");
        }
        Planner.Search options = search.options(dataset, Planner.REPLAN_SHARE);
        SolveOutput.Progress progress = new SolveOutput.Progress(stdout, quiet);
        Replanner.Result result;
        try (StopSignal stop = StopSignal.onInterrupt()) {
            result = Planner.replan(data::loadQuietly, calendar, today, changes, improve, options, progress::report, stop);
            progress.finish();
            outputs.write(result.solved(), result.moves(), out);
            if (changesFile != null) {
                writeChanges(result.moves(), changesFile, outputs.flavour());
            }
            if (noticeFile != null) {
                ChangeNotice.write(result, today, changes, noticeFile);
            }
            if (outData != null) {
                Planner.writeChangedDataset(data.directory(), changes, today, outData);
            }
            if (stop.wasRequested()) {
                stdout.println("Interrupted: wrote the best calendar found so far.");
            }
            List<Advisor.Advice> advice = advise && result.didDamage() && !stop.wasRequested()
                    ? Planner.advise(data::loadQuietly, calendar, today, changes, result, options, ADVICE_SHOWN) : List.of();
            if (format == ExplainCommand.Format.json) {
                stdout.println(Json.MAPPER.writeValueAsString(new JsonReport(result.score(), result.futureKeepsTheRules(),
                        improve, result.moves(), advice.stream().map(JsonAdvice::of).toList())));
                stdout.flush();
            } else {
                report(stdout, result);
                printAdvice(stdout, advice, result.didDamage());
            }
        }
        return result.futureKeepsTheRules() ? 0 : TidplanCommand.EXIT_INFEASIBLE;
    }

    private void report(PrintWriter stdout, Replanner.Result result) {
        if (!quiet) {
            SolveOutput.printSummary(stdout, result.solved(), result.analysis());
            result.notes().forEach(note -> stdout.println("note: " + note));
        }
        stdout.println();
        stdout.println(movedLine(result));
        // The forced moves first, then those chosen to improve the rest, each by date.
        for (boolean forced : List.of(true, false)) {
            result.moves().stream().filter(move -> move.forced() == forced).forEach(move -> stdout.println(
                    SolveOutput.moveLine(move) + (move.toTell().isEmpty() ? "" : "; tell " + String.join(", ", move.toTell()))));
        }
        if (!result.past().isEmpty()) {
            stdout.println();
            stdout.printf("The frozen past (before %s) breaks these rules; it happened and is not re-planned:%n", today);
            result.past().forEach(b -> stdout.println("  " + b.constraint() + ": " + b.finding().description()));
        }
        if (!result.futureKeepsTheRules()) {
            stdout.println();
            stdout.println("The change cannot be met; what breaks, and what would help:");
            for (Replanner.Blocker blocker : result.blockers()) {
                stdout.println("  " + blocker.constraint() + ": " + blocker.finding().description());
                blocker.remedies().forEach(remedy -> stdout.println("    " + ChangeOptions.describe(remedy)));
            }
        }
        stdout.printf("Wrote %s: score %s, %s%n", out, result.score(),
                result.score().isFeasible() ? "no hard rule broken"
                        : result.futureKeepsTheRules() ? "no hard rule broken from " + today + " on (the past breaks "
                                + result.past().size() + ")" : "INFEASIBLE");
        stdout.flush();
    }

    /** "8 activities moved, all forced by the change:", or how many of them were chosen to improve the rest. */
    private static String movedLine(Replanner.Result result) {
        int moved = result.moves().size();
        long chosen = moved - result.forced();
        String count = moved + (moved == 1 ? " activity moved" : " activities moved");
        if (moved == 0) {
            return count + ".";
        }
        if (chosen == 0) {
            return count + (moved == 1 ? ", forced by the change:" : ", all forced by the change:");
        }
        return count + ", " + (moved - chosen) + " forced by the change and " + chosen + " chosen to improve the rest:";
    }

    /** The fixes, best first, each on one line: the options to add to this replan, then what they would give. */
    private void printAdvice(PrintWriter stdout, List<Advisor.Advice> advice, boolean damaged) {
        if (!advise) {
            return;
        }
        if (!damaged) {
            stdout.println("advice: none needed, nothing moved");
        } else if (advice.isEmpty()) {
            stdout.println("advice: no extra sitting, moved sitting, SKR date or released pin near the damage does better");
        }
        for (Advisor.Advice a : advice) {
            stdout.println(JsonAdvice.of(a).line());
        }
        stdout.flush();
    }

    /**
     * {@code --format json}: the result (the calendar's score under its rules, whether the rest was improved too, the
     * moves, each {@code forced} or chosen) and the advice.
     */
    record JsonReport(HardSoftLongScore score, boolean futureKeepsTheRules, boolean improve, List<Replanner.Moved> moves,
            List<JsonAdvice> advice) {
    }

    /** One fix as a script reads it: replan's options, and what the re-plan with them gives. */
    record JsonAdvice(String options, int moved, int movedWithout, HardSoftLongScore score) {
        static JsonAdvice of(Advisor.Advice advice) {
            return new JsonAdvice(ChangeOptions.format(advice.fix()), advice.moved(), advice.movedWithout(), advice.score());
        }

        String line() {
            return "advice: " + options + "  (" + moved + " moved instead of " + movedWithout + ", score " + score + ")";
        }
    }

    private static void writeChanges(List<Replanner.Moved> moves, Path file, SpreadsheetCsv.Flavour flavour) {
        AtomicFile.write(file, stream -> {
            OutputStreamWriter writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter printer = SpreadsheetCsv.printer(writer, flavour);
            printer.printRecord("Id", "Aktivitet", "Old", "New", "Days", "Old time", "New time", "Reason", "Forced", "Unit",
                    "Bodies", "Participants");
            for (Replanner.Moved m : moves) {
                SpreadsheetCsv.printRow(printer, List.of(m.id(), m.name(), m.oldDate(), m.newDate(), m.days(),
                        m.oldStart() == null ? "" : m.oldStart(), m.newStart() == null ? "" : m.newStart(), m.reason(),
                        m.forced() ? "yes" : "no", m.unit(), String.join(";", m.bodies()), String.join(";", m.participants())));
            }
            printer.flush();
        });
    }
}

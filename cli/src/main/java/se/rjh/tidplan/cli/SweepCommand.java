package se.rjh.tidplan.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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
import se.rjh.tidplan.pages.SweepPage;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.Sweep;

/** {@code tidplan sweep}: a grid of what-ifs against one calendar, in a table; sharded, and merged again. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of what-ifs against one calendar (every day a sitting could move to, an SKR date a few "
                + "working days earlier or later, or a list of changes from a file), each re-planned as replan does, in "
                + "parallel, and write one row per what-if: whether every rule holds, how many activities move, the score "
                + "and the rule that costs most. --shard I/N runs the I-th of N slices (0-based); --merge joins the parts."},
        footer = {"", "Examples:",
                "  java -jar app/target/tidplan.jar sweep --baseline tidplan.csv --today 2021-01-04 --sitting-over RF:2021-06-21=2021-06-01..2021-06-30 --out sweep.csv --html sweep.html",
                "  java -jar app/target/tidplan.jar sweep --baseline tidplan.csv --today 2021-01-04 --forecast-within 2021-04-29=5 --shard 0/2 --out part-0.csv",
                "  java -jar app/target/tidplan.jar sweep --merge part-0.csv part-1.csv --out sweep.csv --html sweep.html",
                "", "Exit status: 0 table written; 2 bad input; 70 an internal error (a bug: please report it)."})
public final class SweepCommand implements Callable<Integer> {

    static final List<String> HEADER = List.of("Index", "What-if", "Keeps the rules", "Moved", "Score", "Costs most");
    private static final Pattern SITTING_OVER = Pattern.compile("(.+):(\\d{4}-\\d{2}-\\d{2})=(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FORECAST_WITHIN = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})=(\\d+)");
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "CAL.csv", description = "The calendar the what-ifs change.")
    private Path baseline;

    @Mixin
    private DatasetOption data;

    @Option(names = "--today", paramLabel = "DATE", description = "Everything before this date is frozen.")
    private LocalDate today;

    @Option(names = "--sitting-over", paramLabel = "BODY:DATE=FROM..TO",
            description = "The sitting moved to each working day from FROM to TO, e.g. RF:2021-06-21=2021-06-01..2021-06-30.")
    private List<String> sittingsOver = List.of();

    @Option(names = "--forecast-within", paramLabel = "DATE=N",
            description = "The SKR date confirmed on each working day up to N working days earlier or later, e.g. 2021-04-29=5.")
    private List<String> forecastsWithin = List.of();

    @Option(names = "--whatifs", paramLabel = "FILE", description = "A CSV with a column Changes: one what-if per row, in "
            + "replan's options, e.g. \"--cancel-sitting RS:2021-06-07 --add-sitting RS:2021-06-08\".")
    private Path whatIfFile;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the what-ifs whose index is I modulo N (0 <= I < N).")
    private String shard;

    @Option(names = "--merge", paramLabel = "PART.csv", arity = "1..*", description = "Join the tables of all shards into one.")
    private List<Path> parts = List.of();

    @Option(names = "--threads", paramLabel = "N", description = "What-ifs run at once (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "TABLE.csv", required = true, description = "The table to write.")
    private Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the table as an HTML page with a chart.")
    private Path html;

    @Mixin
    private SearchOptions search;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        OutputOptions.requireFile("--out", out);
        OutputOptions.requireFile("--html", html);
        List<Sweep.Outcome> outcomes;
        if (!parts.isEmpty()) {
            outcomes = merge(parts);
            stdout.printf("Merged %d parts: %d what-ifs%n", parts.size(), outcomes.size());
        } else {
            if (baseline == null || today == null) {
                throw new InputException("sweep", 0, null, "--baseline and --today are needed (or --merge PART.csv ...)");
            }
            CalendarFile.Content calendar = CalendarFile.read(baseline).requireComplete();
            Dataset dataset = data.load(spec.commandLine().getErr());
            List<Sweep.WhatIf> grid = inShard(grid(dataset));
            long started = System.nanoTime();
            outcomes = Planner.sweep(data::loadQuietly, calendar, today, grid, search.options(dataset, Planner.REPLAN_SHARE), threads);
            double seconds = (System.nanoTime() - started) / 1e9;
            stdout.printf("Swept %d what-ifs in %.1f s on %d threads (%.0f per minute): %d keep every rule%n", outcomes.size(),
                    seconds, threads, outcomes.size() * 60 / Math.max(seconds, 1e-3),
                    outcomes.stream().filter(o -> o.verdict().equals("yes")).count());
        }
        write(outcomes, out);
        if (html != null) {
            SweepPage.write(outcomes, html);
        }
        stdout.printf("Wrote %s%s%n", out, html == null ? "" : " and " + html);
        stdout.flush();
        return 0;
    }

    /** Every what-if of the options, numbered in the order given: sittings, forecasts, then the file's rows. */
    private List<Sweep.WhatIf> grid(Dataset dataset) throws IOException {
        List<List<Replanner.Change>> grid = new ArrayList<>();
        for (String spec : sittingsOver) {
            Matcher m = SITTING_OVER.matcher(spec);
            if (!m.matches()) {
                throw new InputException("--sitting-over", 0, null, "'" + spec + "' is not of the form BODY:DATE=FROM..TO");
            }
            grid.addAll(Sweep.sittingOver(dataset.schedule(), m.group(1), LocalDate.parse(m.group(2)),
                    LocalDate.parse(m.group(3)), LocalDate.parse(m.group(4))));
        }
        for (String spec : forecastsWithin) {
            Matcher m = FORECAST_WITHIN.matcher(spec);
            if (!m.matches()) {
                throw new InputException("--forecast-within", 0, null, "'" + spec + "' is not of the form DATE=N");
            }
            grid.addAll(Sweep.forecastWithin(dataset.schedule(), LocalDate.parse(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if (whatIfFile != null) {
            grid.addAll(readWhatIfs(whatIfFile));
        }
        if (grid.isEmpty()) {
            throw new InputException("sweep", 0, null, "no what-if: give --sitting-over, --forecast-within or --whatifs");
        }
        List<Sweep.WhatIf> whatIfs = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            whatIfs.add(new Sweep.WhatIf(i, grid.get(i),
                    String.join(" ", grid.get(i).stream().map(ChangeOptions::format).toList())));
        }
        return whatIfs;
    }

    private static List<List<Replanner.Change>> readWhatIfs(Path file) throws IOException {
        List<List<Replanner.Change>> grid = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (!row.isMapped("Changes")) {
                    throw new InputException(file.toString(), 1, "Changes", "no such column");
                }
                List<Replanner.Change> changes = changes(file.toString(), row.getRecordNumber() + 1, row.get("Changes"));
                if (changes.isEmpty()) {
                    throw new InputException(file.toString(), row.getRecordNumber() + 1, "Changes", "no change in the row");
                }
                grid.add(changes);
            }
        }
        return grid;
    }

    /** Options in replan's syntax, e.g. {@code --cancel-sitting RS:2021-06-07 --add-sitting "RS AU:2021-06-08"}. */
    static List<Replanner.Change> changes(String file, long line, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        List<Replanner.Change> changes = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            String option = tokens.get(i);
            if (!List.of(ChangeOptions.MOVE_SITTING, ChangeOptions.CANCEL_SITTING, ChangeOptions.ADD_SITTING,
                    ChangeOptions.MOVE_FORECAST, ChangeOptions.PIN).contains(option) || i + 1 >= tokens.size()) {
                throw new InputException(file, line, "Changes", "'" + text + "' is not replan's options, e.g. "
                        + "--cancel-sitting RS:2021-06-07 --add-sitting RS:2021-06-08");
            }
            changes.add(ChangeOptions.parse(option, tokens.get(i + 1)));
        }
        return changes;
    }

    private List<Sweep.WhatIf> inShard(List<Sweep.WhatIf> grid) {
        if (shard == null) {
            return grid;
        }
        Matcher m = SHARD.matcher(shard);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
            throw new InputException("--shard", 0, null, "'" + shard + "' is not I/N with 0 <= I < N, e.g. 0/4");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return grid.stream().filter(w -> w.index() % count == index).toList();
    }

    private static void write(List<Sweep.Outcome> outcomes, Path file) {
        AtomicFile.write(file, stream -> {
            OutputStreamWriter writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter printer = SpreadsheetCsv.printer(writer, SpreadsheetCsv.Flavour.PLAIN);
            printer.printRecord(HEADER);
            for (Sweep.Outcome o : outcomes) {
                printer.printRecord(o.index(), o.whatIf(), o.verdict(), o.moved(), o.score(), o.dominant());
            }
            printer.flush();
        });
    }

    /** The parts' rows by index; every index from 0 to the last must be there exactly once. */
    private static List<Sweep.Outcome> merge(List<Path> parts) throws IOException {
        Map<Integer, Sweep.Outcome> byIndex = new TreeMap<>();
        for (Path part : parts) {
            try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    if (!r.getParser().getHeaderNames().equals(HEADER)) {
                        throw new InputException(part.toString(), 1, null, "not a sweep table (its header is not " + HEADER + ")");
                    }
                    int index = Integer.parseInt(r.get("Index"));
                    Sweep.Outcome outcome = new Sweep.Outcome(index, r.get("What-if"), r.get("Keeps the rules"),
                            Integer.parseInt(r.get("Moved")), r.get("Score"), r.get("Costs most"));
                    if (byIndex.put(index, outcome) != null) {
                        throw new InputException(part.toString(), r.getRecordNumber() + 1, "Index",
                                "what-if " + index + " is in two parts");
                    }
                }
            } catch (NumberFormatException e) {
                throw new InputException(part.toString(), 0, null, "not a sweep table: " + e.getMessage());
            }
        }
        int last = byIndex.isEmpty() ? -1 : ((TreeMap<Integer, Sweep.Outcome>) byIndex).lastKey();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException("--merge", 0, null, "the parts lack what-ifs " + missing + ": is a shard missing?");
        }
        return List.copyOf(byIndex.values());
    }
}

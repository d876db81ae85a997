package se.rjh.tidplan.benchmarks;

import static se.rjh.tidplan.benchmarks.SolverBenchmarks.intArg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.StopSignal;

/**
 * A warm re-plan of each of the four standard changes against a warm full solve of the same scenario, in one JVM,
 * as the workspace does them: each reads its dataset anew, searches on one core with the dataset's settings (a
 * re-plan a thirtieth of the moves), and scores its result. Every task runs {@code --warm-up} times before it is
 * timed {@code --runs} times; the table gives the medians and the re-plan's share of the full solve's.
 *
 * <pre>java -cp benchmarks/target/tidplan-benchmarks.jar se.rjh.tidplan.benchmarks.ReplanTimes [--warm-up 10] [--runs 15]</pre>
 */
public final class ReplanTimes {

    /** The four standard changes (benchmarks/RESULTS.md, "replan on the default dataset"), re-planned from 2021-05-01. */
    private static final LocalDate TODAY = LocalDate.of(2021, 5, 1);
    private static final Map<String, List<Replanner.Change>> STANDARD_CHANGES = standardChanges();

    /** As replan's options; the pin with the sitting that makes it honest (a pin on a day RF does not sit is refused). */
    private static Map<String, List<Replanner.Change>> standardChanges() {
        Map<String, List<Replanner.Change>> changes = new LinkedHashMap<>();
        changes.put("--move-sitting RF:2021-06-21=2021-06-14",
                List.of(new Replanner.MoveSitting("RF", LocalDate.of(2021, 6, 21), LocalDate.of(2021, 6, 14))));
        changes.put("--cancel-sitting RS:2021-06-07", List.of(new Replanner.CancelSitting("RS", LocalDate.of(2021, 6, 7))));
        changes.put("--move-forecast 2021-04-29=2021-05-06",
                List.of(new Replanner.MoveForecast(LocalDate.of(2021, 4, 29), LocalDate.of(2021, 5, 6))));
        changes.put("--add-sitting RF:2021-06-08 --pin RP22-RF=2021-06-08", List.of(
                new Replanner.AddSitting("RF", LocalDate.of(2021, 6, 8)), new Replanner.Pin("RP22-RF", LocalDate.of(2021, 6, 8))));
        return changes;
    }

    private ReplanTimes() {
    }

    public static void main(String[] args) {
        int warmUp = intArg(args, "--warm-up", 10);
        int runs = intArg(args, "--runs", 15);
        Supplier<Dataset> dataset = () -> Planner.load(null);
        Planner.Search solveSearch = Planner.Search.of(dataset.get(), 1).onCores(1);
        Planner.Search replanSearch = Planner.Search.of(dataset.get(), Planner.REPLAN_SHARE).onCores(1);
        SolveResult solved = Planner.solve(dataset.get(), solveSearch, best -> { }, StopSignal.none());
        CalendarFile.Content calendar = CalendarFile.read("solved.csv", CalendarCsvWriter.text(solved.schedule()));

        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put("full solve", () -> Planner.solve(dataset.get(), solveSearch, best -> { }, StopSignal.none()));
        for (var change : STANDARD_CHANGES.entrySet()) {
            for (Replanner.Reach reach : Replanner.Reach.values()) {
                tasks.put(change.getKey() + " (" + reach.name().toLowerCase() + ")", () -> Planner.replan(dataset, calendar,
                        TODAY, change.getValue(), false, replanSearch, best -> { }, StopSignal.none(), reach));
            }
        }
        for (int i = 0; i < warmUp; i++) {
            tasks.values().forEach(Runnable::run);
        }
        Map<String, long[]> micros = new LinkedHashMap<>();
        tasks.keySet().forEach(name -> micros.put(name, new long[runs]));
        // Interleaved, so that a slower minute of the machine weighs on every task alike.
        for (int i = 0; i < runs; i++) {
            for (var task : tasks.entrySet()) {
                long start = System.nanoTime();
                task.getValue().run();
                micros.get(task.getKey())[i] = (System.nanoTime() - start) / 1000;
            }
        }
        double full = median(micros.get("full solve"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("| task | median ms | min ms | max ms | of a full solve |"));
        lines.add("|---|---|---|---|---|");
        for (var entry : micros.entrySet()) {
            long[] times = entry.getValue();
            lines.add(String.format("| %s | %.1f | %.1f | %.1f | %.1f %% |", entry.getKey(), median(times) / 1000,
                    Arrays.stream(times).min().orElseThrow() / 1000.0, Arrays.stream(times).max().orElseThrow() / 1000.0,
                    100 * median(times) / full));
        }
        System.out.println("Warm, " + warmUp + " rounds before " + runs + " timed, interleaved; medians:");
        lines.forEach(System.out::println);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}

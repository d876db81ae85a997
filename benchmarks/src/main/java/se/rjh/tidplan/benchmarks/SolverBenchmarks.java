package se.rjh.tidplan.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import se.rjh.tidplan.data.DatasetReader;
import se.rjh.tidplan.data.GeneratedDataset;
import se.rjh.tidplan.model.ChainScheduler;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * The standard benchmark: every configuration of {@link Configurations} and the greedy baseline on the
 * region's calendar and on generated larger ones. For each run it records when the first feasible calendar
 * came, the best score at fixed checkpoints, the score-calculation speed and the peak heap, and writes a
 * summary table; then it runs the Timefold Benchmarker on the same configurations for its HTML report.
 * <p>
 * {@code java -jar benchmarks/target/tidplan-benchmarks.jar [--seconds 60] [--scales 1,10] [--report-seconds 5]
 * [--only NAME-PREFIX]}
 */
public final class SolverBenchmarks {

    /** One run of one configuration on one instance. */
    public record Run(String instance, String configuration, long firstFeasibleMillis, List<String> bestAt,
            String finalScore, long scoreCalculationsPerSecond, long peakHeapMb) {
    }

    private SolverBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 60);
        int reportSeconds = intArg(args, "--report-seconds", 5);
        List<Integer> scales = Arrays.stream(stringArg(args, "--scales", "1,10").split(",")).map(Integer::parseInt).toList();
        Path target = Path.of(stringArg(args, "--out", "benchmarks/target"));
        String only = stringArg(args, "--only", "");
        List<Run> runs = run(scales, seconds, only);
        String summary = summary(runs, seconds);
        System.out.println(summary);
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        if (reportSeconds > 0) {
            report(scales, reportSeconds, target.resolve("benchmark-report").toFile());
        }
    }

    /** A fresh copy of an instance, started from its hand-made calendar made allowed. */
    static Supplier<Schedule> instance(int scale) {
        return scale == 1 ? () -> DatasetReader.readDefault().schedule()
                : () -> GeneratedDataset.generate(scale, scale).dataset().schedule();
    }

    /** Runs the configurations whose name starts with {@code only} (all when it is empty) and the greedy baseline. */
    static List<Run> run(List<Integer> scales, int seconds, String only) {
        List<Long> checkpoints = List.of(1L, 10L, 30L, 60L).stream().filter(c -> c <= seconds).toList();
        List<Run> runs = new ArrayList<>();
        for (int scale : scales) {
            String instance = scale == 1 ? "rjh-2021 (112)" : scale + "x (" + 112 * scale + ")";
            runs.add(greedy(instance, instance(scale).get()));
            for (Map.Entry<String, SolverConfig> config : Configurations.all(Duration.ofSeconds(seconds), 0).entrySet()) {
                if (!config.getKey().startsWith(only)) {
                    continue;
                }
                runs.add(solve(instance, config.getKey(), config.getValue(), instance(scale).get(), checkpoints));
            }
        }
        return runs;
    }

    private static Run greedy(String instance, Schedule schedule) {
        resetPeaks();
        long started = System.nanoTime();
        ChainScheduler.earliest(schedule);
        long millis = (System.nanoTime() - started) / 1_000_000;
        HardSoftLongScore score = TidplanSolver.analyze(schedule).score();
        return new Run(instance, "Greedy: earliest feasible, in chain order", score.isFeasible() ? millis : -1,
                List.of(), score.toString(), 0, peakHeapMb());
    }

    private static Run solve(String instance, String name, SolverConfig config, Schedule problem, List<Long> checkpoints) {
        resetPeaks();
        Solver<Schedule> solver = SolverFactory.<Schedule>create(config).buildSolver();
        List<long[]> improvements = new ArrayList<>(); // millis, hard, soft
        long[] firstFeasible = {-1};
        solver.addEventListener(event -> {
            HardSoftLongScore score = (HardSoftLongScore) event.getNewBestScore();
            improvements.add(new long[] {event.getTimeMillisSpent(), score.hardScore(), score.softScore()});
            if (score.isFeasible() && firstFeasible[0] < 0) {
                firstFeasible[0] = event.getTimeMillisSpent();
            }
        });
        Schedule best = solver.solve(problem);
        if (firstFeasible[0] < 0 && best.getScore().isFeasible()) {
            firstFeasible[0] = 0;
        }
        List<String> bestAt = new ArrayList<>();
        for (long checkpoint : checkpoints) {
            long[] last = null;
            for (long[] improvement : improvements) {
                if (improvement[0] <= checkpoint * 1000) {
                    last = improvement;
                }
            }
            bestAt.add(last == null ? "-" : HardSoftLongScore.of(last[1], last[2]).toString());
        }
        return new Run(instance, name, firstFeasible[0], bestAt, best.getScore().toString(),
                ((DefaultSolver<Schedule>) solver).getScoreCalculationSpeed(), peakHeapMb());
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    static String summary(List<Run> runs, int seconds) {
        StringBuilder text = new StringBuilder();
        text.append("| instance (activities) | configuration | first feasible | best at 1 s / 10 s / 30 s / 60 s | best at ")
                .append(seconds).append(" s | score calc/s | peak heap |\n|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            text.append("| ").append(r.instance()).append(" | ").append(r.configuration()).append(" | ")
                    .append(r.firstFeasibleMillis() < 0 ? "never" : String.format("%.1f s", r.firstFeasibleMillis() / 1000.0))
                    .append(" | ").append(r.bestAt().isEmpty() ? "-" : String.join(" / ", r.bestAt())).append(" | ")
                    .append(r.finalScore()).append(" | ")
                    .append(r.scoreCalculationsPerSecond() == 0 ? "-" : String.format("%,d", r.scoreCalculationsPerSecond()))
                    .append(" | ").append(r.peakHeapMb()).append(" MB |\n");
        }
        return text.toString();
    }

    /** The same configurations through the Timefold Benchmarker, for its HTML report. */
    static void report(List<Integer> scales, int seconds, File directory) {
        List<SolverBenchmarkConfig> benchmarks = new ArrayList<>();
        Configurations.all(Duration.ofSeconds(seconds), 0).forEach((name, config) ->
                benchmarks.add(new SolverBenchmarkConfig().withName(name).withSolverConfig(config)));
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig()
                .withName("tidplan")
                .withBenchmarkDirectory(directory)
                .withParallelBenchmarkCount("1")
                .withSolverBenchmarkConfigList(benchmarks);
        List<Schedule> problems = scales.stream().map(scale -> instance(scale).get()).toList();
        PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems).benchmark();
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}

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
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.config.solver.SolverConfig;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.ChainScheduler;

/**
 * The standard benchmark: every configuration of {@link Configurations}, the greedy baseline and CP-SAT on the
 * region's calendar and on generated larger ones. For each run it records when the first feasible calendar
 * came, the best score at fixed checkpoints, the score-calculation speed and the peak heap, and writes a
 * summary table; then it runs the Timefold Benchmarker on the same configurations for its HTML report.
 * <p>
 * {@code java -jar benchmarks/target/tidplan-benchmarks.jar [--scales 1,10] [--seconds 30,60] [--report-seconds 2]
 * [--only NAME-PREFIX]}: the seconds are per instance, in the order of the scales.
 */
public final class SolverBenchmarks {

    /** One run of one configuration on one instance; a score of null when the run found no calendar. */
    public record Run(String instance, String configuration, long firstFeasibleMillis, List<String> bestAt,
            HardSoftLongScore finalScore, long scoreCalculationsPerSecond, String peakHeap, String note,
            HardSoftLongScore bound) {
    }

    /** An instance and how long each configuration may search it. */
    record Instance(int scale, int seconds) {
        String name() {
            int activities = REGION_ACTIVITIES * scale;
            return scale == 1 ? "rjh-2021 (" + activities + ")" : scale + "x (" + activities + ")";
        }
    }

    private static final int REGION_ACTIVITIES = Planner.load(null).schedule().getActivities().size();

    private static final String CP_SAT = "CP-SAT reference (OR-Tools, 2 workers)";

    private SolverBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int reportSeconds = intArg(args, "--report-seconds", 2);
        List<Integer> scales = numbers(stringArg(args, "--scales", "1,10"));
        List<Integer> seconds = numbers(stringArg(args, "--seconds", "30,60"));
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < scales.size(); i++) {
            instances.add(new Instance(scales.get(i), seconds.get(Math.min(i, seconds.size() - 1))));
        }
        Path target = Path.of(stringArg(args, "--out", "benchmarks/target"));
        List<Run> runs = run(instances, stringArg(args, "--only", ""));
        String summary = summary(runs);
        System.out.println(summary);
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        if (reportSeconds > 0) {
            report(scales, reportSeconds, target.resolve("benchmark-report").toFile());
        }
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** A fresh copy of an instance, started from its hand-made calendar made allowed. */
    static Supplier<Schedule> instance(int scale) {
        return scale == 1 ? () -> Planner.load(null).schedule()
                : () -> Planner.generate(scale, scale).dataset().schedule();
    }

    /** A fresh copy of the coupled instance of {@code scale} organisations (seed = scale). */
    static Supplier<Schedule> coupled(int scale) {
        return () -> Planner.generate(scale, scale, true).dataset().schedule();
    }

    /**
     * The greedy baseline, the configurations whose name starts with {@code only} (all when it is empty) and
     * CP-SAT, each with the instance's time.
     */
    static List<Run> run(List<Instance> instances, String only) {
        List<Run> runs = new ArrayList<>();
        for (Instance instance : instances) {
            List<Long> checkpoints = CHECKPOINTS.stream().filter(c -> c <= instance.seconds()).toList();
            runs.add(greedy(instance.name(), instance(instance.scale()).get()));
            Configurations.all(Duration.ofSeconds(instance.seconds()), 0).forEach((name, config) -> {
                if (name.startsWith(only)) {
                    runs.add(solve(instance.name(), name, config, instance(instance.scale()).get(), checkpoints));
                }
            });
            runs.add(referenceOptimum(instance, checkpoints));
        }
        return runs;
    }

    private static final List<Long> CHECKPOINTS = List.of(1L, 10L, 30L, 60L);

    private static Run greedy(String instance, Schedule schedule) {
        resetPeaks();
        long started = System.nanoTime();
        ChainScheduler.earliest(schedule);
        long millis = (System.nanoTime() - started) / 1_000_000;
        HardSoftLongScore score = TidplanSolver.analyze(schedule).score();
        return new Run(instance, "Greedy: earliest feasible, in chain order", score.isFeasible() ? millis : -1,
                List.of(), score, 0, peakHeapMb(), "", null);
    }

    private static Run solve(String instance, String name, SolverConfig config, Schedule problem, List<Long> checkpoints) {
        resetPeaks();
        List<Improvement> improvements = Collections.synchronizedList(new ArrayList<>());
        SolveResult result = TidplanSolver.run(config, problem,
                best -> improvements.add(new Improvement(best.millisSpent(), best.score())), terminateEarly -> { });
        Schedule best = result.schedule();
        long firstFeasible = result.millisToFeasible();
        return new Run(instance, name, firstFeasible, bestAt(List.copyOf(improvements), checkpoints), best.getScore(),
                result.scoreCalculationSpeed(), peakHeapMb(), "", null);
    }

    /** CP-SAT on the same rules and objective, in the same time, on both cores (see ReferenceOptimum). */
    private static Run referenceOptimum(Instance instance, List<Long> checkpoints) {
        ReferenceOptimum.Result result = ReferenceOptimum.solve(instance(instance.scale()).get(),
                Duration.ofSeconds(instance.seconds()), 2);
        List<Improvement> improvements = result.improvements().stream()
                .map(i -> new Improvement(i.millis(), HardSoftLongScore.ofSoft(-i.objective()))).toList();
        String note = result.isOptimal() ? String.format("optimal, proven in %.1f s", result.seconds())
                : result.calendar() != null ? "bound " + HardSoftLongScore.ofSoft(-result.bound()) + ": no calendar is better"
                : "no calendar within the time (" + result.status() + ")";
        return new Run(instance.name(), CP_SAT, improvements.isEmpty() ? -1 : improvements.get(0).millis(),
                bestAt(improvements, checkpoints), result.tidplanScore(), 0, "native", note,
                result.isOptimal() || result.calendar() == null ? null : HardSoftLongScore.ofSoft(-result.bound()));
    }

    /** A new best score and when it came. */
    private record Improvement(long millis, HardSoftLongScore score) {
    }

    private static List<String> bestAt(List<Improvement> improvements, List<Long> checkpoints) {
        List<String> bestAt = new ArrayList<>();
        for (long checkpoint : checkpoints) {
            Improvement last = null;
            for (Improvement improvement : improvements) {
                if (improvement.millis() <= checkpoint * 1000) {
                    last = improvement;
                }
            }
            bestAt.add(last == null ? "-" : last.score().toString());
        }
        return bestAt;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static String peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024) + " MB";
    }

    /**
     * The table of RESULTS.md; the gap is how much more soft penalty a calendar carries than CP-SAT's best
     * on the same instance (its optimum where proven).
     */
    static String summary(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        text.append("| instance (activities) | configuration | first feasible | best at 1 s / 10 s / 30 s / 60 s | final | "
                + "gap to CP-SAT | score calc/s | peak heap | note |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            Run reference = runs.stream()
                    .filter(o -> o.instance().equals(r.instance()) && o.configuration().equals(CP_SAT))
                    .findFirst().orElse(null);
            text.append("| ").append(r.instance()).append(" | ").append(r.configuration()).append(" | ")
                    .append(r.firstFeasibleMillis() < 0 ? "never" : String.format("%.1f s", r.firstFeasibleMillis() / 1000.0))
                    .append(" | ").append(r.bestAt().isEmpty() ? "-" : String.join(" / ", r.bestAt())).append(" | ")
                    .append(r.finalScore() == null ? "none" : r.finalScore()).append(" | ")
                    .append(gap(r.finalScore(), reference)).append(" | ")
                    .append(r.scoreCalculationsPerSecond() == 0 ? "-" : String.format("%,d", r.scoreCalculationsPerSecond()))
                    .append(" | ").append(r.peakHeap()).append(" | ").append(r.note()).append(" |\n");
        }
        return text.toString();
    }

    /** The gap to CP-SAT's best calendar and, while CP-SAT has not proven it optimal, at most how far from optimal. */
    private static String gap(HardSoftLongScore score, Run reference) {
        if (score == null || !score.isFeasible() || reference == null || reference.finalScore() == null) {
            return "-";
        }
        String gap = percent(score.softScore(), reference.finalScore().softScore());
        return reference.bound() == null ? gap : gap + "; ≤ " + percent(score.softScore(), reference.bound().softScore())
                + " from optimal";
    }

    /** How much more penalty than the reference, in percent of it; 0.0 % when equal. */
    private static String percent(long soft, long referenceSoft) {
        double percent = referenceSoft == 0 ? 0 : 100.0 * (soft - referenceSoft) / referenceSoft;
        return String.format("%.1f %%", percent == 0 ? 0.0 : percent);
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

    static boolean flag(String[] args, String name) {
        return List.of(args).contains(name);
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

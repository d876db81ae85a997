package se.rjh.tidplan.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.planning.Planner;

/** The harness works end to end, in seconds: the real benchmark runs by its own command. */
class BenchmarkSmokeTest {

    @Test
    void theHarnessRunsEveryConfigurationAndWritesItsSummary(@TempDir Path dir) throws Exception {
        List<SolverBenchmarks.Run> runs = SolverBenchmarks.run(List.of(new SolverBenchmarks.Instance(1, 1)), "");
        assertEquals(1 + Configurations.all(java.time.Duration.ofSeconds(1), 0).size() + 1, runs.size());
        assertTrue(runs.get(0).configuration().startsWith("Greedy"), runs.get(0).toString());
        // Every configuration ran and scored its calendar; how good each gets in its time is what the benchmark
        // itself measures. CP-SAT, last, may find none in its second on a busy machine: then it says why.
        assertTrue(runs.subList(0, runs.size() - 1).stream().allMatch(r -> r.finalScore() != null), runs.toString());
        SolverBenchmarks.Run cpSat = runs.get(runs.size() - 1);
        assertTrue(cpSat.configuration().startsWith("CP-SAT"), cpSat.toString());
        assertTrue(cpSat.finalScore() != null || !cpSat.note().isEmpty(), cpSat.toString());
        SolverBenchmarks.main(new String[] {"--seconds", "1", "--scales", "1", "--report-seconds", "1",
                "--out", dir.toString()});
        String summary = Files.readString(dir.resolve("summary.md"));
        String region = "| rjh-2021 (" + Planner.load(null).schedule().getActivities().size() + ") | ";
        assertTrue(summary.contains(region + "tidplan") && summary.contains(region + "CP-SAT"), summary);
        try (var files = Files.walk(dir.resolve("benchmark-report"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("index.html")), "no Benchmarker report");
        }
    }
}

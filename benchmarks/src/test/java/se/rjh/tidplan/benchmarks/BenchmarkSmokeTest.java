package se.rjh.tidplan.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness works end to end, in seconds: the real benchmark runs by its own command. */
class BenchmarkSmokeTest {

    @Test
    void theHarnessRunsEveryConfigurationAndWritesItsSummary(@TempDir Path dir) throws Exception {
        List<SolverBenchmarks.Run> runs = SolverBenchmarks.run(List.of(1), 1, "");
        assertEquals(1 + Configurations.all(java.time.Duration.ofSeconds(1), 0).size(), runs.size());
        assertTrue(runs.get(0).configuration().startsWith("Greedy") && runs.get(0).finalScore().startsWith("0hard"),
                runs.get(0).toString());
        assertTrue(runs.stream().skip(1).allMatch(r -> r.finalScore().startsWith("0hard")), runs.toString());
        SolverBenchmarks.main(new String[] {"--seconds", "1", "--scales", "1", "--report-seconds", "1",
                "--out", dir.toString()});
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("| rjh-2021 (112) | tidplan"));
        try (var files = Files.walk(dir.resolve("benchmark-report"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("index.html")), "no Benchmarker report");
        }
    }
}

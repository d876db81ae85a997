package se.rjh.tidplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Set;
import se.rjh.tidplan.planning.Planner;

/** The packaged jar, run as the README runs it: a real process in a fresh working directory. */
class JarIT {

    private static final Path JAR = Path.of("target/tidplan.jar").toAbsolutePath();
    private static final int ACTIVITIES = Planner.load(null).schedule().getActivities().size();

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "tidplan did not finish");
        return new Result(process.exitValue(), Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void solveWithNoArgumentsWritesTidplanCsvInTheWorkingDirectory(@TempDir Path dir) throws Exception {
        Result result = run(dir, "solve");
        assertEquals(0, result.exit(), result.out() + result.err());
        assertEquals("", result.err());
        String csv = Files.readString(dir.resolve("tidplan.csv"), StandardCharsets.UTF_8);
        assertEquals(ACTIVITIES + 1, csv.lines().count());
        assertTrue(csv.contains("Nämnderna fastställer internkontrollplan för 2021 vid första sammanträdet för året"));
    }

    @Test
    void theSameSeedGivesTheSameCalendarInEveryJvm(@TempDir Path dir) throws Exception {
        // Two processes, so that anything that iterates in a per-JVM order (Set.of, identity hashes) shows.
        assertEquals(0, run(dir, "generate", "--scale", "3", "--seed", "5", "--out", "gen").exit());
        Path settings = dir.resolve("gen/settings.json");
        Files.writeString(settings, Files.readString(settings).replaceAll("\"moves\" *: *\\d+", "\"moves\": 60000"));
        for (String out : List.of("a.csv", "b.csv")) {
            Result result = run(dir, "solve", "--data", "gen", "--seed", "3", "--out", out, "--quiet");
            assertEquals(0, result.exit(), result.out() + result.err());
        }
        assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void whatTheToolWritesFollowsTheUmask(@TempDir Path dir) throws Exception {
        // Colleagues on a shared drive read what one of them wrote: the umask decides, as for any saved file.
        for (String umask : List.of("022", "077")) {
            Path work = Files.createDirectories(dir.resolve(umask));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder("sh", "-c", "umask " + umask + " && exec \"$0\" -jar \"$1\" rollforward"
                    + " --year 2022 --out rolled", java, JAR.toString()).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("log.txt").toFile()).start();
            assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, Files.readString(work.resolve("log.txt")));
            String directory = PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("rolled")));
            String file = PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("rolled/activities.csv")));
            assertEquals(umask.equals("022") ? "rwxr-xr-x" : "rwx------", directory);
            assertEquals(umask.equals("022") ? "rw-r--r--" : "rw-------", file);
        }
    }

    /**
     * A solve of the region's calendar that does not end by itself (only a stop, or an hour, ends it), so that a
     * signal always comes mid-search, however fast the machine.
     */
    private static Process startSolvingUntilStopped(Path dir) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "solve", "--until-stopped", "--seconds", "3600");
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /** Waits until the solve's output says {@code what} (a state of the solve, however long it takes to get there). */
    private static void awaitOutput(Path dir, Process process, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // catches a hang, not a slow minute
        while (!Files.readString(dir.resolve("stdout.txt")).contains(what)) {
            assertTrue(process.isAlive(), "the solve ended before saying '" + what + "': " + Files.readString(dir.resolve("stdout.txt")));
            assertTrue(System.nanoTime() < deadline, "the solve never said '" + what + "'");
            Thread.sleep(50);
        }
    }

    @Test
    void sigtermStopsTheSolveAndWritesTheBestCalendarSoFar(@TempDir Path dir) throws Exception {
        Process process = startSolvingUntilStopped(dir);
        try {
            awaitOutput(dir, process, "best 0hard"); // feasible, and searching on until stopped
            process.destroy(); // SIGTERM; Ctrl-C (SIGINT) takes the same path through the JVM's shutdown hook
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "tidplan did not stop");
        } finally {
            process.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        assertTrue(out.contains("(until stopped, at most 3600 s, seed 0)"), out);
        assertTrue(out.contains("Interrupted: wrote the best calendar found so far."), out);
        assertTrue(out.contains("no hard rule broken"), out);
        assertEquals(ACTIVITIES + 1, Files.readAllLines(dir.resolve("tidplan.csv")).size());
    }

    @Test
    void aSignalAtEachStageSaysWhatWasWrittenAndLeavesNoHalfCalendar(@TempDir Path dir) throws Exception {
        // The stages a solve reports, each waited for: the dataset read and the search about to start; the first
        // calendar that keeps every hard rule, the search going on. (A signal before the JVM reaches tidplan's
        // own code ends a process that has written nothing and can say nothing: no stage to wait for.)
        for (String stage : List.of("Solving ", "best 0hard")) {
            Path work = Files.createDirectories(dir.resolve("at-" + stage.trim()));
            Process process = startSolvingUntilStopped(work);
            try {
                awaitOutput(work, process, stage);
                process.destroy(); // SIGTERM
                assertTrue(process.waitFor(5, TimeUnit.MINUTES), "tidplan did not stop");
            } finally {
                process.destroyForcibly();
            }
            String said = Files.readString(work.resolve("stdout.txt")) + Files.readString(work.resolve("stderr.txt"));
            if (Files.exists(work.resolve("tidplan.csv"))) {
                assertTrue(said.contains("Interrupted: wrote the best calendar found so far."), said);
                assertEquals(ACTIVITIES + 1, Files.readAllLines(work.resolve("tidplan.csv")).size());
            } else {
                // Between the first line and the solve's own stop taking over, the early stop speaks.
                assertTrue(said.contains("tidplan: interrupted before anything was written"), stage + ": " + said);
            }
        }
    }

    @Test
    void sweepShardsRunAsSeparateProcessesMergeIntoTheWholeTable(@TempDir Path dir) throws Exception {
        // The region's hand-made calendar as the baseline: no solve needed first.
        List<String> grid = List.of("--baseline", Path.of("../data/rjh-2021/activities.csv").toAbsolutePath().toString(),
                "--today", "2021-06-01",
                "--sitting-over", "RF:2021-06-21=2021-06-14..2021-06-17", "--threads", "1");
        List<Process> shards = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "sweep"));
            command.addAll(grid);
            command.addAll(List.of("--shard", i + "/2", "--out", dir.resolve("part-" + i + ".csv").toString()));
            shards.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("shard-" + i + ".txt").toFile()).start());
        }
        List<String> whole = new ArrayList<>(List.of("sweep"));
        whole.addAll(grid);
        whole.addAll(List.of("--out", dir.resolve("whole.csv").toString()));
        Path alone = Files.createDirectories(dir.resolve("whole"));
        assertEquals(0, run(alone, whole.toArray(String[]::new)).exit());
        for (Process shard : shards) {
            assertTrue(shard.waitFor(5, TimeUnit.MINUTES) && shard.exitValue() == 0, "a shard failed");
        }
        Path merging = Files.createDirectories(dir.resolve("merge"));
        assertEquals(0, run(merging, "sweep", "--merge", dir.resolve("part-0.csv").toString(),
                dir.resolve("part-1.csv").toString(), "--out", dir.resolve("merged.csv").toString()).exit());
        assertEquals(Files.readAllLines(dir.resolve("whole.csv")), Files.readAllLines(dir.resolve("merged.csv")));
        assertEquals(5, Files.readAllLines(dir.resolve("merged.csv")).size());
    }

    @Test
    void killNineLeavesThePreviousCalendarWhole(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tidplan.csv"), "the previous calendar\n");
        Process process = startSolvingUntilStopped(dir);
        try {
            awaitOutput(dir, process, "best 0hard"); // mid-search: a calendar is ready to be written
        } finally {
            process.destroyForcibly(); // SIGKILL: no hook runs
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals("the previous calendar\n", Files.readString(dir.resolve("tidplan.csv")));
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Result result = run(dir, "solve", "--data", dir.resolve("no-such-dataset").toString());
        assertEquals(2, result.exit(), result.out() + result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("tidplan: "), result.err());
        assertFalse(Files.exists(dir.resolve("tidplan.csv")));
    }
}

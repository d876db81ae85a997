package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * Breaks the default dataset's files at random, the way an Excel session can (truncation, swapped columns,
 * garbage bytes, deleted rows, duplicated rows, stray characters), and checks that every run ends in a
 * {@link InputException} of one-line problems naming their file, or a written calendar, never in an uncaught exception. A few hundred
 * runs in {@code mvn verify}; {@code -Dfuzz.runs=10000} for the long run (see the README).
 */
class DatasetFuzzTest {

    private static final List<String> FILES = List.of(DatasetReader.ACTIVITIES, DatasetReader.DEPENDENCIES,
            DatasetReader.SITTINGS, DatasetReader.BODIES, DatasetReader.MEETINGS, DatasetReader.SETTINGS);

    @Test
    void everyBrokenDatasetEndsInAClearErrorOrACalendar(@TempDir Path dir) throws IOException {
        int runs = Integer.getInteger("fuzz.runs", 300);
        long seed = Long.getLong("fuzz.seed", 20211231L);
        Random random = new Random(seed);
        int errors = 0;
        int calendars = 0;
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path data = Cli.copyDataset(dir.resolve("run" + run));
            String mutation = mutate(data, random);
            try {
                Dataset dataset = Planner.load(data);
                TidplanSolver.checkWeights(dataset);
                SolveResult result = TidplanSolver.solve(dataset.schedule(),
                        TidplanSolver.Options.of(Duration.ofSeconds(10), 200, run), best -> { });
                CalendarCsvWriter.write(result.schedule(), new StringWriter());
                calendars++;
            } catch (InputException e) {
                for (String line : e.lines()) {
                    assertEquals(1, line.lines().count(), mutation + ": " + line);
                    assertTrue(line.startsWith(data.toString()), mutation + ": " + line);
                }
                errors++;
            } catch (RuntimeException | IOException e) {
                failures.add("run " + run + " (" + mutation + "): " + e);
            }
            deleteTree(data);
        }
        System.out.printf("fuzz: %d runs (seed %d): %d clean errors, %d calendars, %d uncaught%n", runs, seed, errors,
                calendars, failures.size());
        assertEquals(List.of(), failures);
        assertEquals(runs, errors + calendars);
        assertTrue(errors > 0 && calendars > 0, errors + " errors, " + calendars + " calendars");
    }

    /** One random break of one file; returns what it did, for the failure message. */
    static String mutate(Path data, Random random) throws IOException {
        String name = FILES.get(random.nextInt(FILES.size()));
        Path file = data.resolve(name);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int kind = random.nextInt(7);
        int line = 1 + random.nextInt(Math.max(1, lines.size() - 1));
        switch (kind) {
            case 0 -> Files.write(file, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)));
            case 1 -> {
                String[] cells = lines.get(0).split(",", -1);
                int a = random.nextInt(cells.length);
                int b = random.nextInt(cells.length);
                String swap = cells[a];
                cells[a] = cells[b];
                cells[b] = swap;
                lines.set(0, String.join(",", cells));
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
            case 2 -> {
                byte[] garbage = bytes.clone();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    garbage[random.nextInt(garbage.length)] = (byte) random.nextInt(256);
                }
                Files.write(file, garbage);
            }
            case 3 -> {
                lines.remove(Math.min(line, lines.size() - 1));
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
            case 4 -> {
                lines.add(Math.min(line, lines.size()), lines.get(Math.min(line, lines.size() - 1)));
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
            case 5 -> {
                StringBuilder changed = new StringBuilder(text);
                String stray = List.of(",", "\"", ";", "\t", "x", "-", "9", "\n", "å").get(random.nextInt(9));
                changed.insert(random.nextInt(changed.length() + 1), stray);
                Files.writeString(file, changed.toString(), StandardCharsets.UTF_8);
            }
            default -> {
                String cellLine = lines.get(Math.min(line, lines.size() - 1));
                String[] cells = cellLine.split(",", -1);
                cells[random.nextInt(cells.length)] = List.of("", "2021-02-30", "25:00 - 26:00", "-5", "999999", "RS XU",
                        "NO-SUCH-ID", "=1+1").get(random.nextInt(8));
                lines.set(Math.min(line, lines.size() - 1), String.join(",", cells));
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        }
        return name + " mutation " + kind + " at line " + line;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}

package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code sweep}: the same grid gives the same table; a shard holds its slice of it; a merge refuses a missing part. */
class SweepTest {

    static Path calendar;

    /** RF's June sitting on each working day of its week and the next: 8 what-ifs, a few seconds on 2 cores. */
    private static final String GRID = "RF:2021-06-21=2021-06-14..2021-06-24";

    @BeforeAll
    static void solveTheRegionsCalendar() throws Exception {
        calendar = Cli.solvedRegion();
    }

    private static Cli.Run sweep(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--baseline", calendar.toString(), "--today",
                "2021-01-04", "--sitting-over", GRID, "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSameGridGivesTheSameTableAndAShardItsSlice(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.csv");
        Cli.Run run = sweep(whole, "--html", dir.resolve("whole.html").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> rows = Files.readAllLines(whole);
        assertEquals(List.of("Index", "What-if", "Keeps the rules", "Moved", "Score", "Costs most"),
                List.of(rows.get(0).split(",")));
        // 14..24 June: 8 working days (not Midsommarafton, not the 21st, where RF already sits).
        assertEquals(9, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("0,--move-sitting RF:2021-06-21=2021-06-14,yes,1,"), rows.get(1));
        assertTrue(Files.readString(dir.resolve("whole.html")).contains("<h1>Svep: 8 tänkta ändringar</h1>"));

        Path again = dir.resolve("again.csv");
        assertEquals(0, sweep(again, "--threads", "1").exit());
        assertEquals(rows, Files.readAllLines(again), "the same seed and grid must give the same table");

        // Shards run as separate processes and merged are checked in JarIT; here, a part on its own.
        Path part1 = dir.resolve("part-1.csv");
        assertEquals(0, sweep(part1, "--shard", "1/2").exit());
        assertEquals(List.of(rows.get(0), rows.get(2), rows.get(4), rows.get(6), rows.get(8)), Files.readAllLines(part1));

        // A missing shard is named, and nothing is written.
        Path incomplete = dir.resolve("incomplete.csv");
        Cli.Run lacking = Cli.run("sweep", "--merge", part1.toString(), "--out", incomplete.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, lacking.exit());
        assertTrue(lacking.err().contains("the parts lack what-ifs [0, 2, 4, 6]"), lacking.err());
        assertFalse(Files.exists(incomplete));
    }

    @Test
    void whatIfsFromAFileAndItsBrokenRows(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("whatifs.csv"), "Changes\n"
                + "--cancel-sitting RS:2021-06-07 --add-sitting RS:2021-06-08\n"
                + "--add-sitting RS:2021-06-06\n");
        Path out = dir.resolve("table.csv");
        Cli.Run run = Cli.run("sweep", "--baseline", calendar.toString(), "--today", "2021-01-04", "--whatifs", file.toString(),
                "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> rows = Files.readAllLines(out);
        assertTrue(rows.get(1).startsWith("0,--cancel-sitting RS:2021-06-07 --add-sitting RS:2021-06-08,yes,1,"), rows.get(1));
        // A Sunday: the change cannot be made, and the row says why.
        assertTrue(rows.get(2).startsWith("1,--add-sitting RS:2021-06-06,invalid,0,,"), rows.get(2));
        assertTrue(rows.get(2).contains("not a working day"), rows.get(2));

        Path broken = Files.writeString(dir.resolve("broken.csv"), "Changes\n--cancel-sitting RS:2021-06-07\n--postpone RS\n");
        Cli.Run bad = Cli.run("sweep", "--baseline", calendar.toString(), "--today", "2021-01-04", "--whatifs",
                broken.toString(), "--out", dir.resolve("never.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, bad.exit());
        assertTrue(bad.err().startsWith("tidplan: " + broken + ":3: Changes: '--postpone RS' is not replan's options"), bad.err());
        assertFalse(Files.exists(dir.resolve("never.csv")));
    }
}

package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code validate} on datasets that cannot be solved: each says so, with file, line and field. */
class ValidateTest {

    private static Path edited(Path dir, String file, UnaryOperator<List<String>> change) throws IOException {
        Cli.copyDataset(Path.of("../data/rjh-2021"), dir);
        Path path = dir.resolve(file);
        Files.write(path, change.apply(Files.readAllLines(path)));
        return dir;
    }

    private static List<String> replaceLine(List<String> lines, String start, UnaryOperator<String> change) {
        return lines.stream().map(l -> l.startsWith(start) ? change.apply(l) : l).toList();
    }

    /** The booked meeting's row with x in Pinned (its last three cells, Pinned, Booked and Note, were "", x, ""). */
    private static String pinned(String row) {
        assertTrue(row.endsWith(",,x,"), row);
        return row.substring(0, row.length() - ",,x,".length()) + ",x,x,";
    }

    private static Cli.Run validate(Path dir) {
        return Cli.run("validate", "--data", dir.toString());
    }

    @Test
    void aBodyWithNoSittingAtAll(@TempDir Path dir) throws IOException {
        Cli.Run run = validate(edited(dir, "sittings.csv", lines -> lines.stream().filter(l -> !l.startsWith("RS Pres.,")).toList()));
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("activities.csv:23: Body: [RS Pres.] do not sit between"), run.err());
    }

    @Test
    void aHeaderOnlySittingsFile(@TempDir Path dir) throws IOException {
        Cli.Run run = validate(edited(dir, "sittings.csv", lines -> lines.subList(0, 1)));
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("tidplan: " + dir.resolve("sittings.csv") + ":1: no sitting days"), run.err());
    }

    @Test
    void aPinnedActivityOnADayItsBodyDoesNotSit(@TempDir Path dir) throws IOException {
        // RS decides the Regionplan on 2021-06-08, a day RS does not sit, and the row is pinned.
        Cli.Run run = validate(edited(dir, "activities.csv", lines -> replaceLine(lines, "RP22-RS,",
                l -> l.replace("RP22-RS,2021-06-07,", "RP22-RS,2021-06-08,").replace(",,,KL 11 kap 8 §: RS", ",x,,KL 11 kap 8 §: RS"))));
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("Pinned: RP22-RS is pinned on 2021-06-08, when [RS] do not sit"), run.err());
    }

    @Test
    void twoPinnedMeetingsOfOnePersonAtOnce(@TempDir Path dir) throws IOException {
        // Two budget dialogues of the regional director, both pinned at 08:40.
        Cli.Run run = validate(edited(dir, "activities.csv", lines -> replaceLine(replaceLine(lines, "BD22-KOMM,",
                ValidateTest::pinned), "BD22-VOSERV,", l -> pinned(l.replace("8.00 - 8.30", "8.40 - 9.00")))));
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("BD22-KOMM and BD22-VOSERV are pinned at the same time on 2021-01-13 and both have [RD, Budgetchef]")
                || run.err().contains("BD22-VOSERV and BD22-KOMM are pinned at the same time on 2021-01-13"), run.err());
    }

    @Test
    void anActivityDatedOutsideTheHorizon(@TempDir Path dir) throws IOException {
        Cli.Run run = validate(edited(dir, "activities.csv", lines -> replaceLine(lines, "DR2-STOPP,",
                l -> l.replace("DR2-STOPP,2021-10-01,", "DR2-STOPP,2022-10-01,"))));
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("Datum: DR2-STOPP is dated 2022-10-01, outside the horizon 2020-05-01 .. 2021-12-31"), run.err());
    }

    @Test
    void aRolledDatasetListsTheSittingsToConfirm(@TempDir Path dir) {
        Path rolled = dir.resolve("rjh-2022");
        Cli.Run roll = Cli.run("rollforward", "--year", "2022", "--out", rolled.toString());
        assertEquals(0, roll.exit(), roll.out() + roll.err());
        // The days kept from 2021 keep their Source; the rolled ones are to confirm, or assumed where a day off.
        assertTrue(roll.out().contains("328 sitting days (24 Tidplan, 117 assumed, 186 to confirm, 1 added)"), roll.out());
        Cli.Run run = validate(rolled);
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).endsWith(": ready to solve"), run.out());
        // A line for each body and Source (and Note) still to confirm, none for a day from the Tidplan or a protocol.
        assertEquals("To confirm (sitting days whose Source in sittings.csv is assumed, to confirm or added):", lines.get(1));
        List<String> toConfirm = lines.subList(2, lines.size());
        assertTrue(toConfirm.containsAll(List.of(
                "  RF 2021-09-28, 2021-11-23: assumed",
                "  RF 2022-02-23, 2022-04-27, 2022-06-20, 2022-09-27, 2022-11-22: to confirm: moved a year",
                "  RF 2022-11-08: added: the newly elected RF sets the budget for 2023 (KL 11 kap 10 §) and no RF"
                        + " sitting from 2022-10-15 to 2022-11-08 leaves the steps after RP23-RF their time",
                "  RS 2022-06-07: assumed: 2021-06-07 a year on, 2022-06-06, is Sveriges nationaldag")), run.out());
        assertTrue(toConfirm.stream().noneMatch(line -> line.startsWith("  RF ") && line.contains("2021-06-21")
                || line.startsWith("  RS ") && line.contains("2021-12-23")), run.out());
    }
}

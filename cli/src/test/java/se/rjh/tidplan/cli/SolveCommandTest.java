package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.read.DatasetReader;

/**
 * What a user sees from {@code tidplan solve}: when the input is wrong, one line, exit 2, no calendar; with a
 * {@code --today}, a past that stays where it is.
 */
class SolveCommandTest {

    @Test
    void aBrokenDatasetGivesOneLineAndNoCalendar(@TempDir Path dir) throws IOException {
        Path data = Cli.copyDataset(dir.resolve("data"));
        Path sittings = data.resolve("sittings.csv");
        Files.writeString(sittings, Files.readString(sittings).replace("RS AU,2020-11-17", "RS AU,2020-11-31"));
        Path out = dir.resolve("tidplan.csv");
        Cli.Run run = Cli.run("solve", "--data", data.toString(), "--out", out.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit());
        assertTrue(run.err().matches("tidplan: .*sittings\\.csv:\\d+: Date: '2020-11-31' is not a date.*\\R"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownWeightNameIsRefused(@TempDir Path dir) throws IOException {
        Path data = Cli.copyDataset(dir);
        Path settings = data.resolve("settings.json");
        Files.writeString(settings, Files.readString(settings).replace("\"Preferred meeting time\"", "\"Preferred meeting times\""));
        Cli.Run run = Cli.run("solve", "--data", data.toString(), "--out", dir.resolve("x.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit());
        assertTrue(run.err().contains("weights: unknown soft constraint [Preferred meeting times]"), run.err());
    }

    @Test
    void validateSaysWhatNoCalendarCanMeetAndWhichSittingWouldHelp(@TempDir Path dir) throws IOException {
        Cli.Run region = Cli.run("validate");
        assertEquals(0, region.exit());
        // The region's matter in RS AU twice is for review, not a problem; other commands do not repeat it.
        assertTrue(region.err().contains("review: (embedded) rjh-2021/activities.csv:60: Aktivitet: TA-RSAU2 on 2021-02-16"
                + " is the same matter in RS AU as TA-RSAU1 on 2021-01-26"), region.err());
        assertTrue(Cli.run("solve", "--quiet", "--seconds", "1", "--out", dir.resolve("t.csv").toString()).err().isEmpty());
        Cli.copyDataset(Path.of("../data/variants/rjh-2021-process-2024"), dir);
        assertEquals(0, Cli.run("validate", "--data", dir.toString()).exit());
        // Without the sittings the 2024 process needs, validate points at where they are missing.
        Path sittings = dir.resolve("sittings.csv");
        Files.write(sittings, Files.readAllLines(sittings).stream().filter(l -> !l.contains("process 2024")).toList());
        Cli.Run run = Cli.run("validate", "--data", dir.toString());
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("activities.csv:66: Body: [CSG] do not sit between 2021-05-26 and 2021-06-06"), run.err());
        assertTrue(run.err().contains("activities.csv:92: Latest: RP22-RF cannot fit"), run.err());
        assertTrue(run.err().contains("activities.csv:115: Body: [HSN] do not sit between 2021-12-29 and 2021-12-31"), run.err());
    }

    @Test
    void aDatasetWrittenForExcelReadsBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("rjh-2022");
        assertEquals(0, Cli.run("rollforward", "--year", "2022", "--out", out.toString(), "--excel").exit());
        assertTrue(Files.readString(out.resolve("activities.csv")).startsWith("\uFEFFId;Datum;Tid;"));
        assertEquals(0, Cli.run("validate", "--data", out.toString()).exit());
    }

    @Test
    void everySubcommandHasHelpWithAnExample() {
        for (String command : List.of("solve", "replan", "compare", "rollforward", "import", "explain", "validate",
                "generate", "sweep")) {
            Cli.Run run = Cli.run(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("Example") && run.out().contains("Exit status"), command + ": " + run.out());
        }
    }

    @Test
    void badCommandLinesGetPlainWordsAndNothingIsSolved(@TempDir Path dir) throws IOException {
        Cli.Run directory = Cli.run("solve", "--out", dir.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, directory.exit());
        assertEquals("tidplan: --out: " + dir + " is a directory; give a file name", directory.err().strip());
        Cli.Run stdout = Cli.run("solve", "--out", "-");
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, stdout.exit());
        assertTrue(stdout.err().startsWith("tidplan: --out: writing to standard output is not supported"), stdout.err());
        Cli.Run date = Cli.run("replan", "--baseline", "x.csv", "--today", "2021-13-01", "--out", "r.csv");
        assertTrue(date.err().startsWith("Invalid value for option '--today': '2021-13-01' is not a date; write yyyy-MM-dd"),
                date.err());
        Cli.Run number = Cli.run("solve", "--seed", "abc");
        assertTrue(number.err().startsWith("Invalid value for option '--seed': 'abc' is not a whole number"), number.err());
        Cli.Run huge = Cli.run("generate", "--scale", "100000", "--out", dir.resolve("g").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, huge.exit());
        assertTrue(huge.err().startsWith("--scale must be from 1 to 1000"), huge.err());
        // Examples in the help are whole lines, to copy and paste; a body with a space is shown quoted.
        String help = Cli.run("replan", "--help").out();
        assertTrue(help.contains("  java -jar app/target/tidplan.jar replan --baseline tidplan.csv --today 2021-05-01 \\\n"), help);
        assertTrue(help.contains("\"RS AU:2021-05-25=2021-05-18\""), help);
    }

    @Test
    void withATodayNothingTheDatasetDatesBeforeItMoves(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tidplan.csv");
        Cli.Run run = Cli.run("solve", "--today", "2021-05-01", "--quiet", "--out", out.toString());
        // The hand-made past breaks rules; it happened, so the run says so and does not count it as a failure.
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("no hard rule broken from 2021-05-01 on (the frozen past breaks"), run.out());
        Map<String, LocalDate> handMade = new HashMap<>();
        DatasetReader.readDefault().schedule().getActivities().forEach(a -> handMade.put(a.getId(), a.getBaselineDate()));
        int past = 0;
        for (CalendarRow row : CalendarFile.read(out).rows()) {
            LocalDate was = handMade.get(row.id());
            if (was != null && was.isBefore(LocalDate.of(2021, 5, 1))) {
                assertEquals(was, row.date(), row.id() + " is in the frozen past and moved");
                past++;
            }
        }
        // The books close on 13 January 2021 in the Tidplan; a solve without --today moves that day.
        assertEquals(LocalDate.of(2021, 1, 13), handMade.get("AR20-STANG"));
        assertTrue(past > 30, "activities before May: " + past);
    }
}

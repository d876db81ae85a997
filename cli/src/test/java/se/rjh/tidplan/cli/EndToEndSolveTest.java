package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import se.rjh.tidplan.solver.CalendarRulesChecker;

/**
 * Solves the region's 2021 calendar through the command line, exactly as a user would, and checks the
 * written CSV against the dataset's rules with {@link CalendarRulesChecker}, which does not use the score.
 */
class EndToEndSolveTest {

    static final Path DATASET = Path.of("../data/rjh-2021");

    @Test
    void defaultSolveWritesAFeasibleCalendar(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tidplan.csv");
        StringWriter console = new StringWriter();
        CommandLine cli = TidplanCommand.commandLine();
        cli.setOut(new PrintWriter(console));
        int exit = cli.execute("solve", "--out", out.toString());

        assertEquals(0, exit, console.toString());
        Map<String, CalendarRulesChecker.Row> calendar = CalendarRulesChecker.calendar(out);
        assertEquals(List.of(), new CalendarRulesChecker(DATASET).violations(calendar));
        assertTrue(console.toString().contains("no hard rule broken"), console.toString());
        assertEquals(CalendarRulesChecker.csv(out).get(0).getParser().getHeaderNames(),
                se.rjh.tidplan.data.write.CalendarCsvWriter.HEADER);
        // Nothing but the calendar is left in the directory: the temporary file was renamed.
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void theCheckerFindsTheMistakesOfTheHandMadeCalendar() throws Exception {
        // The seed's own dates, read from the dataset's Datum column, are known to break rules; the checker
        // must see them, or its silence on the solver's output would mean nothing.
        // The expected list was written by reading the Tidplan against a 2020/2021 almanac.
        List<String> problems = new CalendarRulesChecker(DATASET)
                .violations(CalendarRulesChecker.calendar(DATASET.resolve("activities.csv")));
        assertEquals(List.of(
                "RP21-CSG: 2020-05-10 is not a working day", // a Sunday
                "RP21-CSG: CSG does not sit on 2020-05-10",
                "RP21-RF: 2020-06-19 is not a working day", // Midsommarafton
                "RP21-RF: RF does not sit on 2020-06-19",
                "VP21-RUN: 2020-10-10 is not a working day", // a Saturday
                "VP21-RUN: RUN does not sit on 2020-10-10",
                "INV22-KLAR: 2020-12-31 is not a working day", // Nyårsafton
                // "vid första sammanträdet för året", but the Tidplan's own rows have the committees' first
                // sittings of 2021 on 17 and 18 February.
                "IK21-HSN: HSN does not sit on 2021-02-01",
                "IK21-RUN: RUN does not sit on 2021-02-01",
                "IK22-TILLSYN: 2021-12-31 is not a working day", // Nyårsafton
                // RUN decides its plan before the plan has been through FSG.
                "VP21-RUN on 2020-10-10 is only -4 working days after VP21-RUN-FSG on 2020-10-15",
                // The VO directors decide a month before the FSG negotiation of their decision (MBL).
                "VOB22-BESLUT on 2021-09-01 is only -22 working days after VOB22-FSG on 2021-10-01"),
                problems);
    }

    @Test
    void repairMovesOnlyWhatTheRulesForce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("repaired.csv");
        Cli.Run run = Cli.run("solve", "--repair", "--quiet", "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        Map<String, CalendarRulesChecker.Row> calendar = CalendarRulesChecker.calendar(out);
        assertEquals(List.of(), new CalendarRulesChecker(DATASET).violations(calendar));
        List<String> moved = CalendarRulesChecker.csv(out).stream().filter(r -> !r.get("Moved").equals("0"))
                .map(r -> r.get("Id")).sorted().toList();
        // The hand-made calendar's mistakes (README), and the steps their chains push: nothing else, and no
        // budget dialogue with the regional director.
        // The steering dialogues and their reconciliation stay on the region's 2021-04-21; RUN's FSG stays on its
        // Tidplan day after the October forecast, and RUN decides at its next sitting.
        assertEquals(List.of("IK21-HSN", "IK21-RUN", "IK22-TILLSYN", "INV22-KLAR", "RP21-CSG", "RP21-RF",
                "VOB22-BESLUT", "VOB22-FSG", "VP21-RUN"), moved);
        assertTrue(run.out().contains("9 activities moved to keep the rules:"), run.out());
        assertTrue(run.out().contains("RP21-RF          2020-06-19 -> 2020-06-17 (-2 days): Working day: 2020-06-19 is Midsommarafton"),
                run.out());
    }

    @Test
    void theSolvedCalendarMakesNoMoveAPlannerWouldRefuse() throws Exception {
        // Issue "Dataset fidelity, second reading", point 8, row by row of a judged calendar.
        Map<String, CalendarRulesChecker.Row> calendar = CalendarRulesChecker.calendar(Cli.solvedRegion());
        Map<String, org.apache.commons.csv.CSVRecord> rows = new java.util.HashMap<>();
        CalendarRulesChecker.csv(DATASET.resolve("activities.csv")).forEach(r -> rows.put(r.get("Id"), r));
        // No booked meeting (the budget dialogues with the regional director, the majority meetings, the planning day)
        // leaves the day it was booked for: none is forced to.
        rows.values().stream().filter(r -> r.get("Booked").equals("x")).forEach(r ->
                assertEquals(r.get("Datum"), calendar.get(r.get("Id")).date().toString(), r.get("Id")));
        // The FSG collaborations stay on the FSG days the Tidplan gives, after the forecasts they use.
        assertEquals("2020-10-15", calendar.get("VP21-RUN-FSG").date().toString());
        assertEquals("2021-10-01", calendar.get("VOB22-FSG").date().toString());
        assertEquals("2021-12-20", calendar.get("VERK22-SAMVERKAD").date().toString());
        // The 19 January meeting has a working day after the last budget dialogue to compile their results.
        java.time.LocalDate lastDialogue = calendar.values().stream().filter(r -> r.id().startsWith("BD22-"))
                .map(CalendarRulesChecker.Row::date).max(java.util.Comparator.naturalOrder()).orElseThrow();
        assertTrue(calendar.get("PF22-MAJ2").date().isAfter(lastDialogue.plusDays(1)), lastDialogue.toString());
        // The steering dialogues and their reconciliation keep the region's 2021-04-21.
        assertEquals("2021-04-21", calendar.get("RP22-STYRDIALOG").date().toString());
        assertEquals("2021-04-21", calendar.get("RP22-STYRDIALOG-AVST").date().toString());
    }
}

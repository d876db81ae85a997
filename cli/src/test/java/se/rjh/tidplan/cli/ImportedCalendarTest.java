package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.solver.CalendarRulesChecker;


/**
 * The hand-made Tidplan imported and solved: the imported dataset carries the law's windows and the standard
 * order, so a solve cannot call a calendar feasible that decides a year's plan after the year has begun.
 */
class ImportedCalendarTest {

    private static final Path SEED = Path.of("../data/seed/tidplan-2021.txt");

    @Test
    void theImportedTidplanKeepsTheLawsDeadlinesWhenSolved(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("imported");
        Cli.Run imported = Cli.run("import", SEED.toString(), "--out", data.toString());
        assertEquals(0, imported.exit(), imported.out() + imported.err());
        assertTrue(imported.out().matches("(?s).*no chain for \\d+ rows .*: lines 25, 27, .*"), imported.out());

        // The Tidplan has RF decide Regionplan 2021 on Midsommarafton and RUN its VP 2021 on a Saturday: with
        // no RF or RUN sitting before the deadline, validate says these rules cannot be met.
        Cli.Run validated = Cli.run("validate", "--data", data.toString());
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, validated.exit(), validated.out() + validated.err());
        // What is really wrong: RF's only sitting before the deadline in the Tidplan is Midsommarafton, so none is left.
        assertTrue(validated.err().contains("Body: [RF] do not sit between 2020-11-03 and 2020-11-30, the days T003 can take:"
                + " its hand-made date 2020-06-19 is a day off (Midsommarafton), so no sitting is there; RF's nearest sittings"
                + " are none before and 2021-04-28 after; add a sitting there"), validated.err());
        assertTrue(validated.err().contains("Body: [RUN] do not sit between"), validated.err());
        assertTrue(validated.err().matches("(?s).*warning: \\d+ of 110 activities carry no rule beyond the working day.*"),
                validated.err());

        // With sittings on working days added where the Tidplan's are days off (RF, RUN, CSG on a Sunday) or come
        // after the decision they prepare (RUF's FSG), the solved calendar keeps every deadline.
        Files.writeString(data.resolve("sittings.csv"), "RF,2020-06-18,to confirm,\nRUN,2020-10-09,to confirm,\n"
                + "CSG,2020-05-08,to confirm,\nFSG RUF,2020-10-07,to confirm,\n",
                StandardOpenOption.APPEND);
        Path calendar = dir.resolve("calendar.csv");
        Cli.Run solved = Cli.run("solve", "--data", data.toString(), "--out", calendar.toString());
        assertEquals(0, solved.exit(), solved.out() + solved.err());
        Map<String, CalendarRulesChecker.Row> rows = CalendarRulesChecker.calendar(calendar);
        assertFalse(rows.get("T003").date().isAfter(LocalDate.of(2020, 11, 30)), "Regionplan 2021 in RF: " + rows.get("T003"));
        assertFalse(rows.get("T002").date().isAfter(LocalDate.of(2020, 10, 31)), "Regionplan 2021 in RS: " + rows.get("T002"));
        assertFalse(rows.get("T007").date().isAfter(LocalDate.of(2020, 12, 31)), "VP 2021 in RUN: " + rows.get("T007"));
        assertTrue(rows.get("T003").date().isAfter(rows.get("T002").date().plusDays(6)), "RS a week before RF");
        assertEquals(List.of(), new CalendarRulesChecker(data).violations(rows));
    }
}

package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.solver.TidplanConstraintProvider;

/** {@code explain} on the region's own calendar, on tidplan's output, and on broken files. */
class ExplainTest {

    static final Path SEED = Path.of("../data/seed/tidplan-2021.txt");

    private static List<String> activitiesBreaking(CalendarExplainer.Explanation explanation, String constraint) {
        return explanation.violations().stream().filter(v -> v.constraint().equals(constraint))
                .flatMap(v -> v.activities().stream()).toList();
    }

    @Test
    void theSeedTidplanIsFlaggedOnEveryDayOffAndNowhereElse() {
        CalendarExplainer.Explanation explanation = CalendarExplainer.explain(Planner.load(null),
                CalendarFile.read(SEED).requireComplete());
        // Read off the Tidplan with an almanac: a Sunday, Midsommarafton, a Saturday, two Nyårsaftnar.
        // (SKR's Saturday forecast is SKR's date, not the region's: a note, not a violation.)
        assertEquals(List.of("RP21-CSG", "RP21-RF", "VP21-RUN", "INV22-KLAR", "IK22-TILLSYN"),
                activitiesBreaking(explanation, TidplanConstraintProvider.WORKING_DAY));
        // ... and the committees' internal-control plans "at the first sitting of the year" on a day they do not sit.
        assertEquals(List.of("RP21-CSG", "RP21-RF", "VP21-RUN", "IK21-HSN", "IK21-RUN"),
                activitiesBreaking(explanation, TidplanConstraintProvider.SITTING_DAY));
        // RUN decides before its FSG; the VO directors decide before the FSG negotiation of their decision. The
        // steering dialogues (a series from 04-16) and their reconciliation after the last session (04-21) are
        // the region's valid dates: no rule is broken on the rows of 04-16 and 04-21.
        assertEquals(List.of("VP21-RUN-FSG", "VP21-RUN", "VOB22-FSG", "VOB22-BESLUT"),
                activitiesBreaking(explanation, TidplanConstraintProvider.ORDER));
        List<String> aprilRows = List.of("RP22-ATERKOPPL", "RP22-ATERKOPPL-HSN", "RP22-ATERKOPPL-RUN", "RP22-STYRDIALOG",
                "RP22-STYRDIALOG-AVST");
        assertTrue(explanation.violations().stream().filter(v -> v.hard())
                .noneMatch(v -> v.activities().stream().anyMatch(aprilRows::contains)), explanation.violations().toString());
        // 16.00-17.30 is inside the region's own office hours (settings.json says why).
        assertEquals(List.of(), activitiesBreaking(explanation, TidplanConstraintProvider.OFFICE_HOURS));
        assertTrue(explanation.notes().stream().anyMatch(n -> n.startsWith("SKR-2102") && n.contains("Saturday")));
        // The matter in RS AU twice is noted, the row split into one decision per body is not.
        assertEquals(1, explanation.notes().stream().filter(n -> n.contains("is the same matter in")).count());
        assertTrue(explanation.notes().stream().anyMatch(n -> n.contains("TA-RSAU2 on 2021-02-16 is the same matter in RS AU as TA-RSAU1")));
        // The Tidplan's own comments are shown with their rows.
        assertTrue(explanation.comments().stream().anyMatch(c -> c.activity().equals("PF22-RS")
                && c.comment().equals("Kanske lite tidigt datum, i slutet av mars bättre!")));
        assertTrue(explanation.violations().stream().anyMatch(v ->
                v.description().contains("on 2020-06-19 falls on a day off (Midsommarafton); move it to a working day")));
    }

    @Test
    void explainExitsOneOnTheSeedAndPrintsJson() throws Exception {
        Cli.Run text = Cli.run("explain", SEED.toString());
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, text.exit(), text.err());
        assertTrue(text.out().contains("HARD Working day: RP21-CSG (Regionplan 2021 samverkas i CSG) on 2020-05-10"), text.out());
        assertTrue(text.out().contains("Weeks furthest from even:"), text.out());
        Cli.Run json = Cli.run("explain", SEED.toString(), "--format", "json");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertEquals(false, tree.get("feasible").asBoolean());
        // 5 days off, 5 days a body does not sit, and 5 + 23 working days of order broken.
        assertEquals(5 + 5 + 28, tree.get("hardPenalty").asLong());
        assertEquals(15, tree.get("totals").size());
    }

    @Test
    void tidplansOwnOutputHasNoHardViolation(@TempDir Path dir) {
        Path out = dir.resolve("tidplan.csv");
        assertEquals(0, Cli.run("solve", "--quiet", "--out", out.toString()).exit());
        Cli.Run run = Cli.run("explain", out.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("no hard rule broken"), run.out());
        assertTrue(run.out().contains("HARD") == false, run.out());
    }

    @Test
    void anUnreadableCalendarExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"),
                "2021-02-30\t\tP\t\t\t\t\tPF beslutas i RS\t2022\tRS\t\t\n");
        Cli.Run run = Cli.run("explain", bad.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals("tidplan: " + bad + ":1: Datum: '2021-02-30' is not a date", run.err().strip());
    }
}

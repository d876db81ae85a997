package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.solver.CalendarRulesChecker;


/** {@code replan --advise}: the fixes it names, applied, do what it says they do. */
class AdviceTest {

    static Path calendar;

    @BeforeAll
    static void solveTheRegionsCalendar() throws Exception {
        calendar = Cli.solvedRegion();
    }

    private static final Pattern ADD_SITTING = Pattern.compile("--add-sitting (\\S+):(\\d{4}-\\d{2}-\\d{2})");

    private static List<String> options(Cli.Run run) throws Exception {
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> options = new ArrayList<>();
        report.path("advice").forEach(a -> options.add(a.path("options").asText()));
        return options;
    }

    @Test
    void aCancelledJuneSittingIsAdvisedAnRsSittingThatKeepsTheRegionplanBeforeTheSummer(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-01-04", "--quiet",
                "--cancel-sitting", "RS:2021-06-07", "--out", dir.resolve("r.csv").toString(), "--advise", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        List<String> advice = options(run);
        assertFalse(advice.isEmpty(), run.out());
        // Each fix is weighed against the re-plan as it was made: only what the change forces moves.
        JsonNode report = new ObjectMapper().readTree(run.out());
        report.path("advice").forEach(a -> assertEquals(report.path("moves").size(), a.path("movedWithout").asInt(), run.out()));
        Matcher best = ADD_SITTING.matcher(advice.get(0));
        assertTrue(best.matches() && best.group(1).equals("RS"), advice.toString());
        CalendarRulesChecker rules = new CalendarRulesChecker(Path.of("../data/rjh-2021"));
        for (String fix : advice) {
            Matcher m = ADD_SITTING.matcher(fix);
            if (m.find()) {
                LocalDate day = LocalDate.parse(m.group(2));
                assertTrue(rules.isWorkingDay(day) && !day.isBefore(LocalDate.of(2021, 1, 4)), "advice on a day off or in the past: " + fix);
            }
        }
        // Applied, the advice keeps the Regionplan's RS and RF decisions before the summer, as it says.
        Path applied = dir.resolve("applied.csv");
        Cli.Run again = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-01-04", "--quiet",
                "--cancel-sitting", "RS:2021-06-07", "--add-sitting", best.group(1) + ":" + best.group(2),
                "--out", applied.toString());
        assertEquals(0, again.exit(), again.out());
        Map<String, CalendarRulesChecker.Row> rows = CalendarRulesChecker.calendar(applied);
        assertTrue(rows.get("RP22-RS").date().isBefore(LocalDate.of(2021, 7, 1)), rows.get("RP22-RS").toString());
        assertTrue(rows.get("RP22-RF").date().isBefore(LocalDate.of(2021, 7, 1)), rows.get("RP22-RF").toString());
        assertTrue(again.out().contains("1 activity moved, forced by the change:"), again.out());
    }

    @Test
    void advisedWhileImprovingTheRestEachFixIsReplannedSoToo(@TempDir Path dir) throws Exception {
        List<String> cancel = List.of("replan", "--baseline", calendar.toString(), "--today", "2021-01-04", "--quiet",
                "--cancel-sitting", "RS:2021-06-07", "--improve", "--format", "json");
        List<String> args = new ArrayList<>(cancel);
        args.addAll(List.of("--out", dir.resolve("r.csv").toString(), "--advise"));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertTrue(report.path("improve").asBoolean(), run.out());
        JsonNode best = report.path("advice").get(0);
        assertEquals(report.path("moves").size(), best.path("movedWithout").asInt(), run.out());
        // Applied, the best fix moves what the advice said: it was tried improving the rest, as asked.
        List<String> applied = new ArrayList<>(cancel);
        applied.addAll(List.of(best.path("options").asText().split(" ", 2)));
        applied.addAll(List.of("--out", dir.resolve("applied.csv").toString()));
        Cli.Run again = Cli.run(applied.toArray(String[]::new));
        assertEquals(0, again.exit(), again.err());
        assertEquals(best.path("moved").asInt(), new ObjectMapper().readTree(again.out()).path("moves").size(), again.out());
        assertEquals(best.path("score").asText(), new ObjectMapper().readTree(again.out()).path("score").asText());
    }

    @Test
    void anInfeasiblePinIsAdvisedAFixThatMakesItFeasible(@TempDir Path dir) throws Exception {
        // RF sits on 8 June as well and decides the Regionplan then: its own day, but RS's decision of 7 June comes
        // too close before it, so the pinned decision breaks the order of its chain.
        List<String> change = List.of("--add-sitting", "RF:2021-06-08", "--pin", "RP22-RF=2021-06-08");
        List<String> asked = new ArrayList<>(List.of("replan", "--baseline", calendar.toString(), "--today", "2021-01-04",
                "--quiet", "--out", dir.resolve("r.csv").toString(), "--advise"));
        asked.addAll(change);
        Cli.Run run = Cli.run(asked.toArray(String[]::new));
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().filter(l -> l.startsWith("advice: ")).toList();
        assertFalse(lines.isEmpty(), run.out());
        for (String line : lines) {
            assertTrue(line.matches("advice: (without )?--[a-z-]+ \\S+( .*)?  \\(\\d+ moved instead of \\d+, score -?\\d+hard/-?\\d+soft\\)"), line);
        }
        String best = lines.get(0).substring("advice: ".length(), lines.get(0).indexOf("  ("));
        assertFalse(best.startsWith("without"), "the planner's pin is kept where a fix can: " + lines);
        List<String> args = new ArrayList<>(List.of("replan", "--baseline", calendar.toString(), "--today", "2021-01-04",
                "--quiet", "--out", dir.resolve("fixed.csv").toString()));
        args.addAll(change);
        args.addAll(List.of(best.split(" ", 2)));
        Cli.Run fixed = Cli.run(args.toArray(String[]::new));
        assertEquals(0, fixed.exit(), best + ": " + fixed.out());
        assertEquals(LocalDate.of(2021, 6, 8), CalendarRulesChecker.calendar(dir.resolve("fixed.csv")).get("RP22-RF").date());
    }
}

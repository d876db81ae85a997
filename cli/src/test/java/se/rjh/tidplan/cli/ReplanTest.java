package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.solver.CalendarRulesChecker;


/** Re-planning the region's solved calendar after a sitting moves, is cancelled, or cannot be met. */
class ReplanTest {

    static Path calendar;

    @BeforeAll
    static void solveTheRegionsCalendar() throws Exception {
        calendar = Cli.solvedRegion();
    }

    /** The dataset with its sittings.csv edited the way the change says, for the independent check. */
    private static Path datasetWith(Path dir, String from, String to) throws IOException {
        Cli.copyDataset(dir);
        Path sittings = dir.resolve("sittings.csv");
        String text = Files.readString(sittings);
        assertTrue(text.contains(from));
        Files.writeString(sittings, text.replace(from, to));
        return dir;
    }

    private static List<CSVRecord> changes(Path file) throws IOException {
        return CalendarRulesChecker.csv(file);
    }

    @Test
    void movingRfsJuneSittingAWeekEarlierMovesOnlyTheDecisionOnIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new.csv");
        Path list = dir.resolve("changes.csv");
        Path notice = dir.resolve("notice.html");
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--move-sitting", "RF:2021-06-21=2021-06-14", "--out", out.toString(), "--changes", list.toString(),
                "--notice", notice.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        List<CSVRecord> moves = changes(list);
        assertEquals(1, moves.size(), run.out());
        assertEquals("RP22-RF", moves.get(0).get("Id"));
        assertEquals("2021-06-14", moves.get(0).get("New"));
        assertTrue(moves.get(0).get("Reason").contains("RF no longer sits on 2021-06-21"), moves.get(0).get("Reason"));
        // The notice to send: the one move, from when to when, why and whom to tell, in Swedish.
        String page = Files.readString(notice);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<h1>Ändringsmeddelande</h1>"));
        assertTrue(page.contains("<h2>1 aktivitet flyttas</h2>"), page);
        assertTrue(page.contains("<td class=\"when\">mån 21 juni 2021</td><td class=\"when\"><span class=\"to\">mån 14 juni 2021</span>"), page);
        assertTrue(page.contains("<td>Organets sammanträdesdag: RF sammanträder inte längre 2021-06-21</td>"
                + "<td>" + moves.get(0).get("Unit") + ", RF</td>"), page);
        Path rules = datasetWith(dir.resolve("data"), "RF,2021-06-21,Tidplan", "RF,2021-06-14,moved");
        assertEquals(List.of(), new CalendarRulesChecker(rules).violations(CalendarRulesChecker.calendar(out)));
    }

    @Test
    void aTodayAfterTheCalendarIsBadInputNotAnInternalError(@TempDir Path dir) {
        Path out = dir.resolve("new.csv");
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2022-01-05", "--quiet",
                "--pin", "BD22-KOMM=2021-01-20", "--out", out.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("tidplan: --today: 2022-01-05 is after the calendar's last day 2021-12-31: everything is past, nothing "
                + "is left to re-plan", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void rePlansBuildOnEachOtherThroughTheChangedDataset(@TempDir Path dir) throws Exception {
        // RF's June sitting a week earlier; the dataset with the change is written beside the calendar.
        Path first = dir.resolve("first.csv");
        Path changed = dir.resolve("changed");
        Cli.Run one = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--move-sitting", "RF:2021-06-21=2021-06-14", "--out", first.toString(), "--out-data", changed.toString());
        assertEquals(0, one.exit(), one.out() + one.err());
        assertTrue(Files.readString(changed.resolve("sittings.csv"))
                .contains("RF,2021-06-14,protocol,moved from 2021-06-21 at the re-plan of 2021-05-01"));
        // Every file the change does not touch is as it was.
        assertEquals(Files.readString(Path.of("../data/rjh-2021/dependencies.csv")), Files.readString(changed.resolve("dependencies.csv")));
        // A harmless second change on top of the first: feasible, and RF's decision stays on its new sitting.
        Path second = dir.resolve("second.csv");
        Cli.Run two = Cli.run("replan", "--data", changed.toString(), "--baseline", first.toString(), "--today", "2021-05-01",
                "--quiet", "--move-forecast", "2021-08-24=2021-08-26", "--out", second.toString());
        assertEquals(0, two.exit(), two.out() + two.err());
        assertEquals(LocalDate.of(2021, 6, 14), CalendarRulesChecker.calendar(second).get("RP22-RF").date());
        assertEquals(List.of(), new CalendarRulesChecker(changed).violations(CalendarRulesChecker.calendar(first)));
        // An existing directory is refused before any work.
        Cli.Run again = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--move-sitting", "RF:2021-06-21=2021-06-14", "--out", dir.resolve("x.csv").toString(), "--out-data", changed.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, again.exit());
        assertTrue(!Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void aPastThatBreaksRulesIsReportedAsPastNotBlamedOnTheChange(@TempDir Path dir) throws Exception {
        // The hand-made Tidplan breaks rules before 1 May 2021; a harmless change after it is met.
        Cli.Run run = Cli.run("replan", "--baseline", "../data/seed/tidplan-2021.txt", "--today", "2021-05-01", "--quiet",
                "--add-sitting", "RS:2021-06-01", "--out", dir.resolve("r.csv").toString(), "--html", dir.resolve("r.html").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("The frozen past (before 2021-05-01) breaks these rules; it happened and is not re-planned:"),
                run.out());
        assertTrue(run.out().contains("Working day: RP21-CSG (Regionplan 2021 samverkas i CSG) on 2020-05-10"), run.out());
        assertTrue(!run.out().contains("cannot be met"), run.out());
        assertTrue(run.out().contains("no hard rule broken from 2021-05-01 on (the past breaks"), run.out());
        // The year view flags the row, in the grid and in its month's list, with the rule in Swedish.
        String page = Files.readString(dir.resolve("r.html"));
        assertTrue(page.matches("(?s).*<div class=\"chip broken[^\"]*\" id=\"a-RP21-CSG\".*"), "RP21-CSG is not flagged");
        assertTrue(page.matches("(?s).*<li value=\"\\d+\" data-id=\"RP21-CSG\" class=\"broken[^\"]*\">.*?<span class=\"flag\">! Arbetsdag</span>.*"),
                "the list does not say which rule RP21-CSG breaks");
    }

    @Test
    void theChangeListNamesWhoMustBeTold(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new.csv");
        Path list = dir.resolve("changes.csv");
        // A budget dialogue pinned a week later: the unit, and everyone in the meeting, must be told.
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2020-12-01", "--quiet",
                "--pin", "BD22-KOMM=2021-01-20", "--out", out.toString(), "--changes", list.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        CSVRecord dialogue = changes(list).stream().filter(r -> r.get("Id").equals("BD22-KOMM")).findFirst().orElseThrow();
        assertEquals("PoU", dialogue.get("Unit"));
        assertEquals("", dialogue.get("Bodies"));
        assertEquals("RD;Budgetchef;Direktör Kommunikationsstab", dialogue.get("Participants"));
        assertTrue(run.out().contains("; tell PoU, RD, Budgetchef, Direktör Kommunikationsstab"), run.out());
        // A decision names its body.
        Cli.Run rf = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--move-sitting", "RF:2021-06-21=2021-06-14", "--out", dir.resolve("rf.csv").toString());
        assertTrue(rf.out().contains("RF no longer sits on 2021-06-21; tell PoU, RF"), rf.out());
    }

    @Test
    void cancellingASittingMovesTheDecisionToTheNextSittingAndItsFollowers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new.csv");
        Path list = dir.resolve("changes.csv");
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--cancel-sitting", "RS:2021-06-07", "--out", out.toString(), "--changes", list.toString(),
                "--html", dir.resolve("new.html").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        Map<String, CalendarRulesChecker.Row> replanned = CalendarRulesChecker.calendar(out);
        // RS's next sitting after 7 June is 7 September; RF must follow at least a week later.
        assertEquals(LocalDate.of(2021, 9, 7), replanned.get("RP22-RS").date());
        assertTrue(replanned.get("RP22-RF").date().isAfter(LocalDate.of(2021, 9, 13)));
        List<String> moved = changes(list).stream().map(r -> r.get("Id")).toList();
        assertTrue(moved.containsAll(List.of("RP22-RS", "RP22-RF")), moved.toString());
        // Nothing before today moved.
        assertTrue(changes(list).stream().allMatch(r -> !LocalDate.parse(r.get("Old")).isBefore(LocalDate.of(2021, 5, 1))));
        // The year view marks every moved activity with the date it left, and nothing else.
        String page = Files.readString(dir.resolve("new.html"));
        assertTrue(page.contains("&#8644; flyttad från mån 7 juni</span>"), "RP22-RS's old date is not on the page");
        assertEquals(moved.size(), page.split("<li value=\"\\d+\" data-id=\"[^\"]+\" class=\"[^\"]*moved", -1).length - 1);
        Path rules = datasetWith(dir.resolve("data"), "RS,2021-06-07,Tidplan,\n", "");
        assertEquals(List.of(), new CalendarRulesChecker(rules).violations(replanned));
    }

    @Test
    void aReplanMovesOnlyWhatTheChangeForcesUnlessAskedToImproveTheRest(@TempDir Path dir) throws Exception {
        List<String> cancel = List.of("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--cancel-sitting", "RS:2021-06-07");
        Path forcedList = dir.resolve("forced.csv");
        Path changed = dir.resolve("changed");
        Cli.Run forced = Cli.run(with(cancel, "--out", dir.resolve("forced-cal.csv").toString(), "--changes",
                forcedList.toString(), "--out-data", changed.toString()));
        assertEquals(0, forced.exit(), forced.out() + forced.err());
        List<CSVRecord> moves = changes(forcedList);
        assertTrue(moves.size() >= 2, forced.out());
        // By default every move is one the change forces, said so; none is for the soft goals.
        assertTrue(moves.stream().noneMatch(r -> r.get("Reason").contains("soft goals")), forced.out());
        assertTrue(moves.stream().allMatch(r -> r.get("Forced").equals("yes")), forced.out());
        assertTrue(forced.out().contains(moves.size() + " activities moved, all forced by the change:"), forced.out());

        Path improvedList = dir.resolve("improved.csv");
        Cli.Run improved = Cli.run(with(cancel, "--improve", "--out", dir.resolve("improved-cal.csv").toString(),
                "--changes", improvedList.toString()));
        assertEquals(0, improved.exit(), improved.out() + improved.err());
        List<CSVRecord> all = changes(improvedList);
        List<CSVRecord> chosen = all.stream().filter(r -> r.get("Forced").equals("no")).toList();
        // Improving the rest moves what the soft goals gain from (DR2-STOPP, a few days), listed as chosen.
        assertFalse(chosen.isEmpty(), improved.out());
        assertTrue(chosen.stream().allMatch(r -> r.get("Reason").startsWith("soft goals")), improved.out());
        assertTrue(improved.out().contains(all.size() + " activities moved, " + (all.size() - chosen.size())
                + " forced by the change and " + chosen.size() + " chosen to improve the rest:"), improved.out());

        // The score replan reports is the calendar's under the dataset with the change, the one compare and
        // explain give it there.
        String reported = score(forced.out(), "Wrote " + dir.resolve("forced-cal.csv") + ": score ");
        Cli.Run compared = Cli.run("compare", calendar.toString(), dir.resolve("forced-cal.csv").toString(),
                "--data-b", changed.toString());
        assertEquals(0, compared.exit(), compared.err());
        assertEquals(reported, score(compared.out(), "B: " + dir.resolve("forced-cal.csv") + "  score "));
        Cli.Run explained = Cli.run("explain", dir.resolve("forced-cal.csv").toString(), "--data", changed.toString());
        assertEquals(reported, score(explained.out(), dir.resolve("forced-cal.csv") + ": score "));
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The score printed right after {@code before}. */
    private static String score(String out, String before) {
        int at = out.indexOf(before);
        assertTrue(at >= 0, "no '" + before + "' in: " + out);
        return out.substring(at + before.length()).split("[\\s,:]", 2)[0];
    }

    @Test
    void aChangeThatCannotBeMetIsReportedWithTheRuleAndARemedy(@TempDir Path dir) {
        // RF sits on 8 June as well and decides the Regionplan then: the day is its sitting, but RS's decision of
        // 7 June is too close before it.
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01", "--quiet",
                "--add-sitting", "RF:2021-06-08", "--pin", "RP22-RF=2021-06-08", "--out", dir.resolve("new.csv").toString());
        assertEquals(TidplanCommand.EXIT_INFEASIBLE, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("The change cannot be met"), run.out());
        assertTrue(run.out().contains("Order with minimum lag: RP22-RF"), run.out());
        assertTrue(run.out().contains("a sitting of RS on a working day from 2021-05-26 to 2021-06-01"), run.out());
    }

    @Test
    void aPinOnADayThatBreaksOneOfTheActivitysOwnRulesIsRefused(@TempDir Path dir) {
        Cli.Run run = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01",
                "--pin", "RP22-RF=2021-06-08", "--out", dir.resolve("new.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit(), run.out());
        assertEquals("tidplan: --pin: RF does not sit on 2021-06-08, and RP22-RF is handled at its sitting", run.err().strip());
        assertFalse(Files.exists(dir.resolve("new.csv")));
    }

    @Test
    void aChangeInThePastOrToAnUnknownBodyIsBadInput(@TempDir Path dir) {
        Cli.Run past = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01",
                "--cancel-sitting", "RS:2021-04-13", "--out", dir.resolve("a.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, past.exit());
        assertEquals("tidplan: --cancel-sitting: 2021-04-13 is before today, 2021-05-01; the past is frozen", past.err().strip());
        Cli.Run unknown = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2021-05-01",
                "--move-sitting", "KF:2021-06-21=2021-06-14", "--out", dir.resolve("b.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, unknown.exit());
        assertTrue(unknown.err().startsWith("tidplan: --move-sitting: unknown body 'KF'"), unknown.err());
    }

    @Test
    void aChangeThatWouldBeNonsenseIsRefusedWithOneLine(@TempDir Path dir) {
        record Case(List<String> change, String message) {
        }
        for (Case c : List.of(
                new Case(List.of("--pin", "RP22-RF=2022-06-08"), "tidplan: --pin: 2022-06-08 is outside the calendar's horizon 2020-05-01 .. 2021-12-31"),
                new Case(List.of("--add-sitting", "RS:2022-01-11"), "tidplan: --add-sitting: 2022-01-11 is outside the calendar's horizon 2020-05-01 .. 2021-12-31"),
                new Case(List.of("--add-sitting", "RS:2021-06-07"), "tidplan: --add-sitting: RS already sits on 2021-06-07"),
                new Case(List.of("--move-sitting", "RS:2021-06-07=2021-09-07"),
                        "tidplan: --move-sitting: RS already sits on 2021-09-07; moving a sitting onto another one would merge them"))) {
            List<String> args = new java.util.ArrayList<>(List.of("replan", "--baseline", calendar.toString(), "--today",
                    "2021-05-01", "--out", dir.resolve("r.csv").toString()));
            args.addAll(c.change());
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit(), c.change().toString());
            assertEquals(c.message(), run.err().strip());
        }
        Cli.Run late = Cli.run("replan", "--baseline", calendar.toString(), "--today", "2022-01-10",
                "--add-sitting", "RS:2021-06-08", "--out", dir.resolve("r.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, late.exit());
        assertTrue(late.err().startsWith("tidplan: --today: 2022-01-10 is after the calendar's last day 2021-12-31"), late.err());
        assertTrue(!Files.exists(dir.resolve("r.csv")), "nothing is written");
    }
}

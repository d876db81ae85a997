package se.rjh.tidplan.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.ElectionYears;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;

class RollForwardTest {

    @Test
    void yearsIdsAndWeekdaysMoveOn() {
        assertEquals("VP år 2022 beslutas i HSN", RollForward.advanceYears("VP år 2021 beslutas i HSN", 1));
        assertEquals("(2023-2026(2033))", RollForward.advanceYears("(2022-2025(2032))", 1));
        assertEquals("2022/2023", RollForward.advanceYears("2021/2022", 1));
        assertEquals("RP23-RF", RollForward.advanceId("RP22-RF", 1));
        assertEquals("SKR-2204", RollForward.advanceId("SKR-2104", 1));
        assertEquals("DR1-CLG", RollForward.advanceId("DR1-CLG", 1));
        // RF's Monday 21 June 2021 becomes Monday 20 June 2022.
        assertEquals(LocalDate.of(2022, 6, 20), RollForward.sameWeekday(LocalDate.of(2021, 6, 21), 1));
    }

    @Test
    void theRolledDatasetReadsBackWithTheNewYearsHolidays(@TempDir Path dir) throws IOException {
        Dataset source = DatasetReader.readDefault();
        RollForward.Result result = RollForward.roll(source, 2022, null);
        Path out = dir.resolve("rjh-2022");
        DatasetWriter.write(result.settings(), result.schedule(), out);
        Dataset rolled = DatasetReader.read(out);
        Map<String, Activity> byId = byId(rolled.schedule().getActivities());
        assertEquals(source.schedule().getActivities().size(), byId.size());
        Activity rf = byId.get("RP23-RF");
        assertEquals("RF Beslutar Regionplan inkl.budgetramar för kommande 4 årsperiod", rf.getName());
        assertEquals("2023", rf.getYearInFocus());
        assertEquals(LocalDate.of(2022, 6, 20), rf.getBaselineDate());
        assertEquals(LocalDate.of(2022, 11, 30), rf.getLatest());
        assertEquals(source.schedule().getDependencies().size(), rolled.schedule().getDependencies().size());
        // Midsommarafton 2022 is 24 June: no sitting is rolled onto it, and it is not a working day.
        assertTrue(!rolled.schedule().getCalendar().isWorkingDay(LocalDate.of(2022, 6, 24)));
        for (Body body : rolled.schedule().getBodies()) {
            body.getSittings().forEach(day -> assertTrue(rolled.schedule().getCalendar().isWorkingDay(day), body + " " + day));
        }
        // Rolled as it is, the budget decision of an election year comes before the new council: the one warning
        // (the planning service moves it: ElectionYearBudget, tested in the solver module).
        assertEquals(1, rolled.warnings().size(), rolled.warnings().toString());
        assertTrue(rolled.warnings().get(0).contains("Earliest: RP23-RF sets the budget for 2023 in 2022, an election year"));
        // What the region's own calendar carries to review: a matter in RS AU twice. The Regionplan kept from 2021
        // ("... för kommande 4 årsperiod", År i fokus 2022) is not the same matter as 2023's of the same name.
        assertEquals(1, rolled.reviews().size(), rolled.reviews().toString());
        assertTrue(rolled.reviews().get(0).contains("TA-RSAU2 on 2022-02-15 is the same matter in RS AU as TA-RSAU1"));
    }

    @Test
    void anElectionYearBudgetBeforeTheNewCouncilIsAWarning(@TempDir Path dir) throws IOException {
        assertTrue(ElectionYears.isElectionYear(2022) && ElectionYears.isElectionYear(2026) && !ElectionYears.isElectionYear(2021));
        assertEquals(LocalDate.of(2022, 9, 11), ElectionYears.electionDay(2022));
        assertEquals(LocalDate.of(2026, 9, 13), ElectionYears.electionDay(2026));
        Dataset source = DatasetReader.readDefault();
        assertTrue(source.warnings().stream().noneMatch(w -> w.contains("election year")), "2021 is no election year");
        Path out = dir.resolve("rjh-2022");
        RollForward.Result result = RollForward.roll(source, 2022, null);
        DatasetWriter.write(result.settings(), result.schedule(), out);
        List<String> warnings = DatasetReader.read(out).warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Earliest: RP23-RF sets the budget for 2023 in 2022, an election year")
                && w.endsWith("give it Earliest 2022-10-15")), warnings.toString());
        // With the window the law gives, the warning is gone.
        Path activities = out.resolve(DatasetReader.ACTIVITIES);
        Files.write(activities, Files.readAllLines(activities).stream()
                .map(line -> line.startsWith("RP23-RF,") ? line.replace(",,2022-11-30,", ",2022-10-15,2022-11-30,") : line).toList());
        assertTrue(DatasetReader.read(out).warnings().stream().noneMatch(w -> w.contains("election year")));
    }

    @Test
    void skrDatesStayOnWorkingDaysAndALongJumpIsFlagged() {
        RollForward.Result result = RollForward.roll(DatasetReader.readDefault(), 2022, null);
        Activity forecast = result.schedule().getActivities().stream().filter(a -> a.getId().equals("SKR-2202"))
                .findFirst().orElseThrow();
        // 2021-02-13 (a Saturday, as SKR published it) a year on is Sunday 2022-02-13: moved to the Friday.
        assertEquals(LocalDate.of(2022, 2, 11), forecast.getBaselineDate());
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("SKR-2202") && n.contains("2022-02-13, a year on, is Sunday")),
                result.notes().toString());
        assertTrue(result.notes().stream().noneMatch(n -> n.startsWith("rolled ")));
        RollForward.Result twoYears = RollForward.roll(DatasetReader.readDefault(), 2023, null);
        assertTrue(twoYears.notes().get(0).startsWith("rolled 2 years at once, from 2021 to 2023"), twoYears.notes().toString());
    }

    @Test
    void whatTheCurrentDatasetHoldsForTheOverlapIsKept(@TempDir Path dir) {
        Dataset source = DatasetReader.readDefault();
        // A pinned date is kept pinned (the region's dataset pins none: pin one).
        byId(source.schedule().getActivities()).get("RP22-RF").setPinned(true);
        RollForward.Result result = RollForward.roll(source, 2022, null);
        Path out = dir.resolve("rjh-2022");
        DatasetWriter.write(result.settings(), result.schedule(), out);
        Dataset rolled = DatasetReader.read(out);
        Map<String, Body> bodies = bodies(rolled);
        // 2021 from 1 May is in both horizons: RS and RF sit as the 2021 dataset has it, not a year after 2020.
        assertEquals(dates("2021-05-18", "2021-06-07", "2021-09-07", "2021-09-28", "2021-10-26", "2021-11-23", "2021-12-23"),
                List.copyOf(bodies.get("RS").getSittings().headSet(LocalDate.of(2022, 1, 1))));
        assertEquals(dates("2021-06-21", "2021-09-28", "2021-11-23"),
                List.copyOf(bodies.get("RF").getSittings().headSet(LocalDate.of(2022, 1, 1))));
        // A kept day keeps its Source and Note, written and read back: the Tidplan's RF day stays the Tidplan's.
        Map<String, Body> was = bodies(DatasetReader.readDefault());
        for (Body body : rolled.schedule().getBodies()) {
            for (LocalDate day : body.getSittings().headSet(LocalDate.of(2022, 1, 1))) {
                assertEquals(was.get(body.getCode()).getSitting(day), body.getSitting(day), body + " " + day);
            }
        }
        assertEquals(Sitting.of(SittingSource.TIDPLAN, ""), bodies.get("RF").getSitting(LocalDate.of(2021, 6, 21)));
        // The next year's Regionplan is decided this year: its dates are the 2021 dataset's, pinned as there.
        Map<String, Activity> activities = byId(rolled.schedule().getActivities());
        assertEquals(LocalDate.of(2021, 6, 7), activities.get("RP22-RS").getBaselineDate());
        assertEquals(LocalDate.of(2021, 6, 21), activities.get("RP22-RF").getBaselineDate());
        assertTrue(activities.get("RP22-RF").isPinned());
        // SKR's forecasts the 2021 dataset has are kept and not asked again; the ones rolled a year on are.
        Activity forecast = activities.get("SKR-2110");
        assertTrue(forecast.isExternal() && forecast.getBaselineDate().equals(LocalDate.of(2021, 10, 1)));
        assertTrue(result.notes().stream().noneMatch(n -> n.startsWith("SKR-2110") || n.startsWith("SKR-2112")), result.notes().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("SKR-2210")), result.notes().toString());
        // An Id without a year (DR1-RS, the first interim report) is this year's matter: the next year's is rolled.
        assertEquals(LocalDate.of(2022, 5, 17), activities.get("DR1-RS").getBaselineDate());
        assertTrue(result.kept().get(0).startsWith("133 sitting days from 2021-05-01 to 2021-12-31"), result.kept().toString());
        assertTrue(result.kept().get(1).contains("RP22-RS 2021-06-07, RP22-RF 2021-06-21"), result.kept().toString());
        // Rolled more than a year at once, the horizons share no day and nothing is kept.
        assertEquals(List.of(), RollForward.roll(DatasetReader.readDefault(), 2023, null).kept());
    }

    @Test
    void everyRolledSittingSaysWhereItComesFrom() {
        RollForward.Result result = RollForward.roll(DatasetReader.readDefault(), 2022, null);
        for (Body body : result.schedule().getBodies()) {
            body.getSittings().forEach(day -> assertTrue(body.getSitting(day).source().isPresent(), body + " " + day));
        }
        Body rs = bodies(result.schedule().getBodies()).get("RS");
        assertEquals(Sitting.of(SittingSource.TO_CONFIRM, "moved a year"), rs.getSitting(LocalDate.of(2022, 5, 17)));
        // A year on, RS's Monday 7 June is Sveriges nationaldag: the rule guesses the Tuesday.
        assertEquals(Sitting.of(SittingSource.ASSUMED, "2021-06-07 a year on, 2022-06-06, is Sveriges nationaldag"),
                rs.getSitting(LocalDate.of(2022, 6, 7)));
        // Both are still to confirm with RS; the Tidplan's and a protocol's days are not.
        assertTrue(rs.getSitting(LocalDate.of(2022, 5, 17)).toConfirm() && rs.getSitting(LocalDate.of(2022, 6, 7)).toConfirm());
        assertFalse(Sitting.of(SittingSource.TIDPLAN, "").toConfirm() || Sitting.of(SittingSource.PROTOCOL, "").toConfirm());
    }

    @Test
    void givenSittingsReplaceTheRolledOnes(@TempDir Path dir) throws IOException {
        Path sittings = Files.writeString(dir.resolve("sittings-2022.csv"), "Body,Date\nRF,2022-06-13\nRS,2022-05-31\n");
        RollForward.Result result = RollForward.roll(DatasetReader.readDefault(), 2022, sittings);
        Map<String, Body> bodies = bodies(result.schedule().getBodies());
        // After the days the 2021 dataset knows, RF sits only on the day given.
        Body rf = bodies.get("RF");
        assertEquals(dates("2022-06-13"), List.copyOf(rf.getSittings().tailSet(LocalDate.of(2022, 1, 1))));
        assertEquals(DayOfWeek.MONDAY, rf.getSittings().last().getDayOfWeek());
        assertEquals(Sitting.of(SittingSource.PROTOCOL, "sittings-2022.csv"), rf.getSitting(LocalDate.of(2022, 6, 13)));
        assertEquals(3, rf.getSittings().headSet(LocalDate.of(2022, 1, 1)).size());
        // A body the file does not give keeps its 2021 sittings, rolled and flagged as a guess; not emptied.
        Body csg = bodies(DatasetReader.readDefault()).get("CSG");
        assertEquals(csg.getSittings().tailSet(LocalDate.of(2021, 1, 1)).size(),
                bodies.get("CSG").getSittings().tailSet(LocalDate.of(2022, 1, 1)).size());
        String guessed = result.notes().stream().filter(n -> n.contains("does not give")).findFirst().orElseThrow();
        assertTrue(guessed.contains("CSG") && !guessed.contains("[RF") && !guessed.contains(" RS,"), guessed);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "Body,Date\nKF,2022-06-13\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> RollForward.roll(DatasetReader.readDefault(), 2022, bad));
        assertTrue(e.getMessage().startsWith(bad + ":2: Body: unknown body 'KF'"), e.getMessage());
    }

    private static Map<String, Body> bodies(Dataset dataset) {
        return bodies(dataset.schedule().getBodies());
    }

    private static Map<String, Body> bodies(List<Body> bodies) {
        return bodies.stream().collect(Collectors.toMap(Body::getCode, Function.identity()));
    }

    private static Map<String, Activity> byId(List<Activity> activities) {
        return activities.stream().collect(Collectors.toMap(Activity::getId, Function.identity()));
    }

    private static List<LocalDate> dates(String... days) {
        return Arrays.stream(days).map(LocalDate::parse).toList();
    }
}

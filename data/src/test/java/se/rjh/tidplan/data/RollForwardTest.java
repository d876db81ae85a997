package se.rjh.tidplan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;

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
        Map<String, Activity> byId = rolled.schedule().getActivities().stream()
                .collect(Collectors.toMap(Activity::getId, Function.identity()));
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
        assertTrue(rolled.warnings().isEmpty(), rolled.warnings().toString());
    }

    @Test
    void givenSittingsReplaceTheRolledOnes(@TempDir Path dir) throws IOException {
        Path sittings = Files.writeString(dir.resolve("sittings-2022.csv"), "Body,Date\nRF,2022-06-13\nRS,2022-05-31\n");
        RollForward.Result result = RollForward.roll(DatasetReader.readDefault(), 2022, sittings);
        Map<String, Body> bodies = result.schedule().getBodies().stream()
                .collect(Collectors.toMap(Body::getCode, Function.identity()));
        assertEquals(1, bodies.get("RF").getSittings().size());
        assertEquals(DayOfWeek.MONDAY, bodies.get("RF").getSittings().first().getDayOfWeek());
        assertTrue(bodies.get("CSG").getSittings().isEmpty());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "Body,Date\nKF,2022-06-13\n");
        DatasetException e = org.junit.jupiter.api.Assertions.assertThrows(DatasetException.class,
                () -> RollForward.roll(DatasetReader.readDefault(), 2022, bad));
        assertTrue(e.getMessage().startsWith(bad + ":2: Body: unknown body 'KF'"), e.getMessage());
    }
}

package se.rjh.tidplan.data.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.model.WorkingCalendar;

/** Swedish holidays through jollyday and its table, the working-day arithmetic built on them, and the Tidplan's times. */
class SwedishCalendarTest {

    private final Map<LocalDate, String> holidays = SwedishHolidays.between(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31));
    private final WorkingCalendar calendar = new WorkingCalendar(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31),
            holidays, List.of(), 1);

    @Test
    void deFactoDaysOffAreNotWorkingDays() {
        assertEquals("Midsommarafton", holidays.get(LocalDate.of(2020, 6, 19)));
        assertEquals("Julafton", holidays.get(LocalDate.of(2021, 12, 24)));
        assertEquals("Nyårsafton", holidays.get(LocalDate.of(2020, 12, 31)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2021, 5, 13))); // Kristi himmelsfärdsdag
        assertFalse(calendar.isWorkingDay(LocalDate.of(2021, 1, 6))); // Trettondedag jul
        assertEquals("Saturday", calendar.nonWorkingReason(LocalDate.of(2020, 10, 10)).orElseThrow());
        assertTrue(calendar.isWorkingDay(LocalDate.of(2021, 12, 23)));
    }

    @Test
    void theTablePackedByTheBuildSaysWhatJollydaySaysForEveryYear() {
        LocalDate first = LocalDate.of(SwedishHolidays.FIRST_YEAR, 1, 1);
        LocalDate last = LocalDate.of(SwedishHolidays.LAST_YEAR, 12, 31);
        Map<LocalDate, String> table = SwedishHolidays.fromTable(first, last)
                .orElseThrow(() -> new AssertionError("the build packed no " + SwedishHolidays.TABLE));
        assertEquals(SwedishHolidays.fromJollyday(first, last), table);
        assertTrue(table.size() > 15 * (SwedishHolidays.LAST_YEAR - SwedishHolidays.FIRST_YEAR), "every year's days");
        // A span is cut to its own days; one past the table's years is asked of jollyday.
        LocalDate midsummer = LocalDate.of(2021, 6, 25);
        assertEquals(Map.of(midsummer, "Midsommarafton"), SwedishHolidays.between(midsummer.minusDays(2), midsummer));
        LocalDate christmasEve = LocalDate.of(SwedishHolidays.LAST_YEAR + 1, 12, 24);
        assertEquals("Julafton", SwedishHolidays.between(christmasEve, christmasEve.plusDays(1)).get(christmasEve));
    }

    @Test
    void workingDaysBetweenSkipWeekendsAndHolidays() {
        assertEquals(1, calendar.workingDaysBetween(LocalDate.of(2021, 6, 4), LocalDate.of(2021, 6, 7)));
        // Påsk 2021: Skärtorsdag to the Tuesday after skips Långfredagen and Annandag påsk.
        assertEquals(1, calendar.workingDaysBetween(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 6)));
        assertEquals(-1, calendar.workingDaysBetween(LocalDate.of(2021, 4, 6), LocalDate.of(2021, 4, 1)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2021, 6, 7), LocalDate.of(2021, 6, 7)));
        // Outside the prepared table the answer is the same, counted the slow way.
        assertEquals(2, calendar.workingDaysBetween(LocalDate.of(2021, 12, 30), LocalDate.of(2022, 1, 4)));
    }

    @Test
    void tidplanTimesParseInBothSpellings() {
        MeetingTime dotted = MeetingTime.parse("8.40 - 9.00");
        assertEquals(LocalTime.of(8, 40), dotted.start());
        assertEquals(20, dotted.minutes());
        assertEquals(120, MeetingTime.parse("13:00 - 15:00").minutes());
        assertEquals("08:40 - 09:00", MeetingTime.format(dotted.start(), dotted.end()));
        assertNull(MeetingTime.parse("25:00 - 26:00"));
        assertNull(MeetingTime.parse("15:00 - 13:00"));
        assertNull(MeetingTime.parse("förmiddag"));
    }
}

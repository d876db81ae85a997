package se.rjh.tidplan.data.read;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Swedish public holidays and the de facto days off (Midsommarafton, Julafton, Nyårsafton), which
 * jollyday's Swedish calendar already lists, named in Swedish as a user reads them.
 */
public final class SwedishHolidays {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private SwedishHolidays() {
    }

    public static Map<LocalDate, String> between(LocalDate from, LocalDate to) {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
        Map<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : manager.getHolidays(from, to)) {
            days.put(holiday.getDate(), holiday.getDescription(SWEDISH));
        }
        return days;
    }
}

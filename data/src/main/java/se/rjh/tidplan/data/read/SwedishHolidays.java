package se.rjh.tidplan.data.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Swedish public holidays and the de facto days off (Midsommarafton, Julafton, Nyårsafton), which
 * jollyday's Swedish calendar already lists, named in Swedish as a user reads them.
 * <p>
 * jollyday reads its calendar from XML through JAXB, half a second of a cold start, more than the rest of
 * reading a dataset. So the build asks jollyday once for the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}
 * and packs its answer as a table ({@link #main}, run by data/pom.xml), the way the JDK packs its time-zone
 * rules; a span outside those years, or a build without the table, asks jollyday itself.
 */
public final class SwedishHolidays {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** Where the build puts the table, beside this class. */
    static final String TABLE = "swedish-holidays.tsv";

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private SwedishHolidays() {
    }

    public static Map<LocalDate, String> between(LocalDate from, LocalDate to) {
        if (from.getYear() >= FIRST_YEAR && to.getYear() <= LAST_YEAR) {
            Optional<Map<LocalDate, String>> table = fromTable(from, to);
            if (table.isPresent()) {
                return table.get();
            }
        }
        return fromJollyday(from, to);
    }

    /** What jollyday itself says, without the table. */
    static Map<LocalDate, String> fromJollyday(LocalDate from, LocalDate to) {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
        Map<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : manager.getHolidays(from, to)) {
            // Two on one day (Första maj and Kristi himmelfärdsdag in 2008) are named together, in a fixed order:
            // jollyday hands them over as a set, in no order.
            days.merge(holiday.getDate(), holiday.getDescription(SWEDISH),
                    (one, other) -> one.compareTo(other) < 0 ? one + ", " + other : other + ", " + one);
        }
        return days;
    }

    /** The table's days between the two dates, or nothing when the build made no table. */
    static Optional<Map<LocalDate, String>> fromTable(LocalDate from, LocalDate to) {
        return Table.DAYS.map(days -> new TreeMap<>(days.subMap(from, true, to, true)));
    }

    /** The table, read once: every dataset read asks for its horizon's holidays (a re-plan reads two). */
    private static final class Table {
        static final Optional<NavigableMap<LocalDate, String>> DAYS = read();

        private static Optional<NavigableMap<LocalDate, String>> read() {
            InputStream in = SwedishHolidays.class.getResourceAsStream(TABLE);
            if (in == null) {
                return Optional.empty();
            }
            NavigableMap<LocalDate, String> days = new TreeMap<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    int tab = line.indexOf('\t');
                    days.put(LocalDate.parse(line.substring(0, tab)), line.substring(tab + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.of(Collections.unmodifiableNavigableMap(days));
        }
    }

    /** Writes the table for the years {@value #FIRST_YEAR} to {@value #LAST_YEAR} into the directory given. */
    public static void main(String[] args) throws IOException {
        Path table = Path.of(args[0]).resolve(SwedishHolidays.class.getPackageName().replace('.', '/')).resolve(TABLE);
        Files.createDirectories(table.getParent());
        try (Writer out = Files.newBufferedWriter(table, StandardCharsets.UTF_8)) {
            for (var day : fromJollyday(LocalDate.of(FIRST_YEAR, 1, 1), LocalDate.of(LAST_YEAR, 12, 31)).entrySet()) {
                out.write(day.getKey() + "\t" + day.getValue() + "\n");
            }
        }
    }
}

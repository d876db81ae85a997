package se.rjh.tidplan.solver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Checks a calendar CSV against the hard rules read straight from a dataset's files, without the model,
 * the constraints or the score: a second opinion that the solver's output really is feasible. Working
 * days come from jollyday directly.
 */
public final class CalendarRulesChecker {

    private static final Pattern MEMBERS = Pattern.compile("(.+) (?:ledamöter|ersättare|presidium)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})\\s*-\\s*(\\d{1,2})[:.](\\d{2})");

    public record Row(String id, String name, LocalDate date, LocalTime start, LocalTime end) {
    }

    private final Path dataset;
    private final Set<LocalDate> holidays = new HashSet<>();

    public CalendarRulesChecker(Path dataset) {
        this.dataset = dataset;
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
        for (Holiday holiday : manager.getHolidays(LocalDate.of(2019, 1, 1), LocalDate.of(2023, 12, 31))) {
            holidays.add(holiday.getDate());
        }
    }

    public static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /** Reads a calendar: tidplan's output, or a dataset's activities.csv (same Id, Datum, Tid columns). */
    public static Map<String, Row> calendar(Path file) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (CSVRecord r : csv(file)) {
            LocalTime start = null;
            LocalTime end = null;
            Matcher m = TIME.matcher(r.get("Tid"));
            if (m.matches()) {
                start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                end = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            }
            rows.put(r.get("Id"), new Row(r.get("Id"), r.get("Aktivitet"), LocalDate.parse(r.get("Datum")), start, end));
        }
        return rows;
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    /** Every broken hard rule, one line each; empty when the calendar is feasible. */
    public List<String> violations(Map<String, Row> calendar) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Set<LocalDate>> sittings = new HashMap<>();
        for (CSVRecord r : csv(dataset.resolve("sittings.csv"))) {
            sittings.computeIfAbsent(r.get("Body"), b -> new HashSet<>()).add(LocalDate.parse(r.get("Date")));
        }
        JsonNode settings = new ObjectMapper().readTree(dataset.resolve("settings.json").toFile());
        LocalTime open = LocalTime.parse(settings.path("officeHours").path("start").asText());
        LocalTime close = LocalTime.parse(settings.path("officeHours").path("end").asText());
        Map<String, CSVRecord> activities = new HashMap<>();
        for (CSVRecord a : csv(dataset.resolve("activities.csv"))) {
            activities.put(a.get("Id"), a);
            Row row = calendar.get(a.get("Id"));
            if (row == null) {
                problems.add(a.get("Id") + ": missing from the calendar");
                continue;
            }
            if (!row.name().equals(a.get("Aktivitet"))) {
                problems.add(a.get("Id") + ": name changed to '" + row.name() + "'");
            }
            boolean external = !a.get("External").isEmpty();
            if (!external && !isWorkingDay(row.date())) {
                problems.add(a.get("Id") + ": " + row.date() + " is not a working day");
            }
            for (String body : a.get("Body").split(";")) {
                if (!body.isBlank() && !sittings.getOrDefault(body.trim(), Set.of()).contains(row.date())) {
                    problems.add(a.get("Id") + ": " + body + " does not sit on " + row.date());
                }
            }
            // "RS ledamöter", "HSN presidium": that body's members attend, so the body must not sit that day.
            for (String participant : a.get("Participants").split(";")) {
                Matcher members = MEMBERS.matcher(participant);
                if (members.matches() && sittings.getOrDefault(members.group(1), Set.of()).contains(row.date())) {
                    problems.add(a.get("Id") + ": " + members.group(1) + " sits on " + row.date() + ", and its members attend");
                }
            }
            if (!a.get("Earliest").isEmpty() && row.date().isBefore(LocalDate.parse(a.get("Earliest")))) {
                problems.add(a.get("Id") + ": before its earliest date");
            }
            if (!a.get("Latest").isEmpty() && row.date().isAfter(LocalDate.parse(a.get("Latest")))) {
                problems.add(a.get("Id") + ": after its latest date");
            }
            if ((external || !a.get("Pinned").isEmpty()) && !row.date().toString().equals(a.get("Datum"))) {
                problems.add(a.get("Id") + ": fixed on " + a.get("Datum") + " but placed on " + row.date());
            }
            if (!a.get("Tid").isEmpty() && (row.start() == null
                    || row.start().isBefore(open) || row.end().isAfter(close))) {
                problems.add(a.get("Id") + ": meeting outside office hours " + open + "-" + close);
            }
        }
        if (calendar.size() != activities.size()) {
            problems.add("the calendar has " + calendar.size() + " rows for " + activities.size() + " activities");
        }
        for (CSVRecord d : csv(dataset.resolve("dependencies.csv"))) {
            Row before = calendar.get(d.get("Before"));
            Row after = calendar.get(d.get("After"));
            if (before == null || after == null) {
                continue;
            }
            boolean calendarDays = d.get("Unit").equals("calendar");
            long gap = calendarDays ? ChronoUnit.DAYS.between(before.date(), after.date())
                    : workingDaysAfter(before.date(), after.date());
            if (gap < Integer.parseInt(d.get("MinLag"))) {
                problems.add(d.get("After") + " on " + after.date() + " is only " + gap + (calendarDays ? " calendar" : " working")
                        + " days after " + d.get("Before") + " on " + before.date());
            }
        }
        List<Row> meetings = calendar.values().stream().filter(r -> r.start() != null).toList();
        for (int i = 0; i < meetings.size(); i++) {
            for (int j = i + 1; j < meetings.size(); j++) {
                Row x = meetings.get(i);
                Row y = meetings.get(j);
                if (x.date().equals(y.date()) && x.start().isBefore(y.end()) && y.start().isBefore(x.end())
                        && sharePeople(activities.get(x.id()), activities.get(y.id()))) {
                    problems.add(x.id() + " and " + y.id() + " overlap with a shared participant");
                }
            }
        }
        return problems;
    }

    private static boolean sharePeople(CSVRecord x, CSVRecord y) {
        Set<String> people = new HashSet<>(List.of(x.get("Participants").split(";")));
        people.remove("");
        for (String person : y.get("Participants").split(";")) {
            if (people.contains(person)) {
                return true;
            }
        }
        return false;
    }

    /** Working days d with from < d <= to; negative when to is before from. */
    private long workingDaysAfter(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysAfter(to, from);
        }
        long count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            count += isWorkingDay(d) ? 1 : 0;
        }
        return count;
    }
}

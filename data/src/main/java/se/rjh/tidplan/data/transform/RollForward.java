package se.rjh.tidplan.data.transform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.CsvTable;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.SwedishHolidays;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * Next year's dataset from this year's: the same activities and chains, År i fokus and the years in names
 * advanced, hand-made dates moved a year to the same weekday (the first Tuesday stays a Tuesday), windows
 * and legal deadlines moved a year to the day, SKR's dates a year on (to be confirmed when SKR publishes).
 * What this year's dataset already plans in the months both horizons cover (the next year's Regionplan is decided
 * this year) is kept as it is: its sitting days and the dates of the activities it holds under the new Ids. The
 * sitting days after it come from a file the user gives (the bodies' decided days: {@link SittingSource#PROTOCOL});
 * without one they are rolled like the dates, as days still to confirm. A kept day keeps its Source and Note.
 */
public final class RollForward {

    /** The new dataset, what it kept of this year's (one line each for sittings and activities), what to confirm. */
    public record Result(Settings settings, Schedule schedule, List<String> kept, List<String> notes) {
    }

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private RollForward() {
    }

    public static Result roll(Dataset dataset, int year, Path sittingsFile) {
        Schedule source = dataset.schedule();
        int years = year - source.getHorizonEnd().getYear();
        if (years <= 0) {
            throw new IllegalArgumentException(year + " is not after the dataset's last year " + source.getHorizonEnd().getYear());
        }
        List<String> notes = new ArrayList<>();
        if (years > 1) {
            notes.add("rolled " + years + " years at once, from " + source.getHorizonEnd().getYear() + " to " + year
                    + ": sitting days, SKR's dates and the hand-made dates are further from anything decided; check them"
                    + " all, or roll one year at a time");
        }
        Settings old = dataset.settings();
        Settings settings = new Settings(advanceYears(old.name(), years),
                new Settings.Span(old.horizon().start().plusYears(years), old.horizon().end().plusYears(years)),
                old.officeHours(), old.timeStepMinutes(), old.weakPeriods(), old.weakWeekWeight(), old.weights(), old.solver(),
                old.namedBuffers(), old.budgetProposalInNovember());
        LocalDate first = settings.horizon().start().minusDays(62);
        LocalDate last = settings.horizon().end().plusDays(62);
        WorkingCalendar calendar = new WorkingCalendar(first, last, SwedishHolidays.between(first, last), List.of(), 1);
        // The days both horizons cover (none when rolling more than a year at once).
        Overlap overlap = new Overlap(settings.horizon().start(), source.getHorizonEnd());

        Map<String, Body> bodies = new LinkedHashMap<>();
        Map<String, TreeSet<LocalDate>> given = sittingsFile == null ? null : readSittings(sittingsFile, source);
        int known = 0;
        int rolled = 0;
        List<String> guessed = new ArrayList<>();
        for (Body body : source.getBodies()) {
            Map<LocalDate, Sitting> sittings = new TreeMap<>();
            for (LocalDate day : body.getSittings()) {
                if (overlap.contains(day)) {
                    sittings.put(day, body.getSitting(day));
                    known++;
                }
            }
            if (given != null && given.containsKey(body.getCode())) {
                String file = sittingsFile.getFileName().toString();
                given.get(body.getCode()).forEach(day -> sittings.put(day, Sitting.of(SittingSource.PROTOCOL, file)));
            } else {
                // A body the file does not give keeps its rhythm, rolled: a guess, said so below.
                for (LocalDate sitting : body.getSittings()) {
                    LocalDate aYearOn = sameWeekday(sitting, years);
                    LocalDate day = workingDayNear(calendar, aYearOn);
                    if (day.isAfter(overlap.until())) {
                        sittings.putIfAbsent(day, day.equals(aYearOn) ? Sitting.of(SittingSource.TO_CONFIRM, "moved a year")
                                : Sitting.of(SittingSource.ASSUMED, sitting + " a year on, " + aYearOn + ", is "
                                        + calendar.nonWorkingReason(aYearOn).orElseThrow()));
                        rolled++;
                    }
                }
                guessed.add(body.getCode());
            }
            bodies.put(body.getCode(), new Body(body.getCode(), body.getName(), sittings));
        }
        String aGuess = " were rolled forward from last year's to the same weekday (Source 'to confirm'), or to another day"
                + " of its week where that is a day off (Source 'assumed'), and are only a guess: ";
        if (given == null) {
            notes.add(rolled + " sitting days after " + overlap.until() + aGuess
                    + "give the decided ones with --sittings FILE (columns Body, Date), or edit sittings.csv");
        } else if (!guessed.isEmpty()) {
            notes.add(rolled + " sitting days of " + guessed + ", which " + sittingsFile + " does not give," + aGuess
                    + "add them to the file, or edit sittings.csv");
        }

        Map<String, String> ids = new HashMap<>();
        for (Activity activity : source.getActivities()) {
            String id = advanceId(activity.getId(), years);
            if (ids.containsValue(id)) {
                throw new InputException(DatasetReader.ACTIVITIES, 0, "Id", "rolling '" + activity.getId()
                        + "' forward gives '" + id + "', which another activity already becomes; rename one of them");
            }
            ids.put(activity.getId(), id);
        }
        // The activities this year's dataset dates in the overlap, by Id: under a rolled Id they are the new year's.
        Map<String, Activity> planned = new HashMap<>();
        source.getActivities().stream().filter(a -> a.getBaselineDate() != null && overlap.contains(a.getBaselineDate()))
                .forEach(a -> planned.put(a.getId(), a));
        List<String> kept = new ArrayList<>();
        Map<Activity, Activity> next = new LinkedHashMap<>();
        for (Activity activity : source.getActivities()) {
            String id = ids.get(activity.getId());
            Activity holder = planned.get(id);
            Activity rolledActivity;
            // An Id with no year in it (DR1-RS) names the same matter every year: this year's is not next year's.
            if (holder != null && holder != activity) {
                rolledActivity = copy(holder, id, holder.getName(), bodies);
                kept.add(id + " " + holder.getBaselineDate());
            } else {
                rolledActivity = rolled(activity, id, years, bodies);
                if (activity.isExternal()) {
                    LocalDate aYearOn = rolledActivity.getBaselineDate();
                    // SKR publishes on working days; a date a year on that is not one moves to the nearest that is.
                    LocalDate published = calendar.isWorkingDay(aYearOn) ? aYearOn : workingDayNear(calendar, aYearOn);
                    rolledActivity.setBaselineDate(published);
                    notes.add(rolledActivity.getId() + " (" + rolledActivity.getName() + ") is put on " + published
                            + (published.equals(aYearOn) ? "" : " (" + aYearOn + ", a year on, is "
                                    + calendar.nonWorkingReason(aYearOn).orElse("not a working day") + ")")
                            + "; confirm SKR's date when it is published");
                }
            }
            next.put(activity, rolledActivity);
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Dependency d : source.getDependencies()) {
            dependencies.add(d.between(next.get(d.getBefore()), next.get(d.getAfter())));
        }
        Schedule schedule = new Schedule(settings.name(), settings.horizon().start(), settings.horizon().end(),
                settings.timeStepMinutes(), calendar, source.getOfficeHours(), List.copyOf(bodies.values()), dependencies,
                new ArrayList<>(next.values()), source.getConstraintWeightOverrides());
        List<String> keptLines = new ArrayList<>();
        if (known > 0) {
            keptLines.add(known + " sitting days from " + overlap.from() + " to " + overlap.until() + ", as " + source.getName()
                    + " has them, each with its Source");
        }
        if (!kept.isEmpty()) {
            keptLines.add("the dates " + source.getName() + " has for " + kept.size() + " activities from " + overlap.from()
                    + " to " + overlap.until() + ": " + String.join(", ", kept));
        }
        return new Result(settings, schedule, keptLines, notes);
    }

    /** The first and last day both the current and the new horizon cover; from after until when there is none. */
    private record Overlap(LocalDate from, LocalDate until) {
        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    /** The activity as the next year's: years in its name and År i fokus advanced, its dates moved a year. */
    private static Activity rolled(Activity a, String id, int years, Map<String, Body> bodies) {
        Activity c = copy(a, id, advanceYears(a.getName(), years), bodies);
        c.setYearInFocus(advanceYears(a.getYearInFocus(), years));
        if (a.getBaselineDate() != null) {
            c.setBaselineDate(a.isExternal() ? a.getBaselineDate().plusYears(years) : sameWeekday(a.getBaselineDate(), years));
        }
        c.setWindow(a.getEarliest() == null ? null : a.getEarliest().plusYears(years),
                a.getLatest() == null ? null : a.getLatest().plusYears(years));
        return c;
    }

    /** A copy of the activity at the new dataset's bodies. */
    private static Activity copy(Activity a, String id, String name, Map<String, Body> bodies) {
        Activity c = a.copyAs(id, name);
        c.setBodies(a.getBodies().stream().map(b -> bodies.get(b.getCode())).toList());
        return c;
    }

    /** The day {@code years} later on the same weekday, as near as can be: 2021-06-21 (a Monday) gives 2022-06-20. */
    static LocalDate sameWeekday(LocalDate date, int years) {
        LocalDate target = date.plusYears(years);
        int shift = date.getDayOfWeek().getValue() - target.getDayOfWeek().getValue();
        if (shift > 3) {
            shift -= 7;
        } else if (shift < -3) {
            shift += 7;
        }
        return target.plusDays(shift);
    }

    /** A working day in the same week if the date itself is not one: a rolled sitting may land on a holiday. */
    private static LocalDate workingDayNear(WorkingCalendar calendar, LocalDate date) {
        for (int distance = 0; distance < 7; distance++) {
            for (LocalDate candidate : List.of(date.minusDays(distance), date.plusDays(distance))) {
                if (calendar.isWorkingDay(candidate) && WorkingCalendar.weekOf(candidate).equals(WorkingCalendar.weekOf(date))) {
                    return candidate;
                }
            }
        }
        return date.with(DayOfWeek.MONDAY).plusWeeks(1);
    }

    /** Every year in a text moved on: "VP år 2021" becomes "VP år 2022", "2021/2022" becomes "2022/2023". */
    static String advanceYears(String text, int years) {
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(Integer.parseInt(m.group()) + years));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An Id's year codes moved on: two digits are a year ("RP21-RF" becomes "RP22-RF"), four are a year and a
     * month ("SKR-2104" becomes "SKR-2204"); a single digit is a sequence number and stays ("DR1-CLG").
     */
    static String advanceId(String id, int years) {
        Matcher m = DIGITS.matcher(id);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group();
            String replaced = switch (digits.length()) {
                case 2 -> String.format("%02d", (Integer.parseInt(digits) + years) % 100);
                case 4 -> String.format("%02d", (Integer.parseInt(digits.substring(0, 2)) + years) % 100) + digits.substring(2);
                default -> digits;
            };
            m.appendReplacement(out, replaced);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, TreeSet<LocalDate>> readSittings(Path file, Schedule source) {
        CsvTable table;
        try (InputStream in = Files.newInputStream(file)) {
            table = CsvTable.read(file.toString(), in, List.of("Body", "Date"));
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        Map<String, TreeSet<LocalDate>> sittings = new HashMap<>();
        List<String> codes = source.getBodies().stream().map(Body::getCode).toList();
        for (CsvTable.Row row : table.rows()) {
            String body = row.required("Body");
            if (!codes.contains(body)) {
                throw row.error("Body", "unknown body '" + body + "'; the dataset has " + codes);
            }
            sittings.computeIfAbsent(body, b -> new TreeSet<>()).add(row.date("Date"));
        }
        return sittings;
    }
}

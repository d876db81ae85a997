package se.rjh.tidplan.pages;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * The year on one page, for the politicians' wall and the finance staff's screen: a month grid per month of
 * the horizon with ISO week numbers, the bodies' sitting days, holidays and weak weeks, and a numbered chip
 * per activity coloured by its process; under each grid the month's activities in full, wrapped, under the
 * same numbers, so the page reads on paper where there is no pointer to hover with. Activities that break a
 * hard rule are flagged, and after a re-plan the moved ones are marked with the date they left. The chain of
 * a matter lights up when the pointer rests on one of its steps; each unit's weekly workload is a bar chart
 * with axes and a legend. One self-contained HTML file in Swedish (no network when it is viewed), laid out to
 * print on A3 landscape; the markup is {@code yearview.jte}.
 */
public final class YearViewPage {

    /**
     * What to mark on the page: the hard rules each activity breaks (their Swedish names), and for a
     * re-planned calendar the date each moved activity had before.
     */
    public record Marks(Map<String, List<String>> broken, Map<String, LocalDate> movedFrom) {
        public static final Marks NONE = new Marks(Map.of(), Map.of());
    }

    /** The page as the template reads it. {@code after} and {@code before}: each activity's next and previous steps. */
    record View(String title, int broken, int moved, List<ProcessKey> processes, String external, List<Month> months,
            List<WorkloadChart> charts, ScriptJson after, ScriptJson before) {
    }

    /** A process in the legend. */
    record ProcessKey(String code, String name, String colour) {
    }

    /** A month: its grid, week by week, and its activities in calendar order for the list under it. */
    record Month(String name, List<Week> weeks, List<Entry> entries) {
    }

    record Week(int number, boolean weak, List<Day> days) {
    }

    /**
     * A cell of the grid: a day of the month ({@code kind} "", "weekend" or "holiday", {@code off} why, or null on
     * a working day), or a day of the month before or after ({@code outside}).
     */
    record Day(boolean outside, int number, String kind, String off, List<String> sittings, List<Entry> entries) {
    }

    /**
     * An activity under its number: in the grid by its {@code label} (time and bodies), in the month's list in
     * full. {@code classes}: broken, moved, kom (has a comment); {@code movedFrom} "" when it did not move.
     */
    record Entry(int number, String id, String name, String classes, String background, String label, String when,
            String who, List<String> broken, String movedFrom, String comment) {

        String chipClasses() {
            return classes.isEmpty() ? "chip" : "chip " + classes;
        }
    }

    private YearViewPage() {
    }

    public static void write(Schedule schedule, Path target) {
        write(schedule, Marks.NONE, target);
    }

    public static void write(Schedule schedule, Marks marks, Path target) {
        Templates.write(render(schedule, marks), target);
    }

    public static String render(Schedule schedule, Marks marks) {
        return Templates.render("yearview.jte", view(schedule, marks));
    }

    private static View view(Schedule schedule, Marks marks) {
        Map<LocalDate, List<Entry>> byDate = new TreeMap<>();
        int number = 0;
        for (Activity activity : CalendarCsvWriter.inCalendarOrder(schedule)) {
            byDate.computeIfAbsent(activity.getDate(), d -> new ArrayList<>()).add(entry(activity, ++number, marks));
        }
        Map<LocalDate, List<String>> sittings = new TreeMap<>();
        for (Body body : schedule.getBodies()) {
            body.getSittings().forEach(day -> sittings.computeIfAbsent(day, d -> new ArrayList<>()).add(body.getCode()));
        }
        LocalDate first = firstDate(schedule);
        LocalDate last = lastDate(schedule);
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            months.add(month(month, schedule.getCalendar(), byDate, sittings));
        }
        List<ProcessKey> processes = Arrays.stream(ProcessArea.values())
                .map(p -> new ProcessKey(p.name(), Labels.process(p), Palette.process(p))).toList();
        Map<String, List<String>> after = new TreeMap<>();
        Map<String, List<String>> before = new TreeMap<>();
        for (Dependency d : schedule.getDependencies()) {
            after.computeIfAbsent(d.getBefore().getId(), k -> new ArrayList<>()).add(d.getAfter().getId());
            before.computeIfAbsent(d.getAfter().getId(), k -> new ArrayList<>()).add(d.getBefore().getId());
        }
        return new View(schedule.getName(), marks.broken().size(), marks.movedFrom().size(), processes,
                Palette.colour("external"), months, WorkloadChart.of(schedule, first, last), ScriptJson.of(after),
                ScriptJson.of(before));
    }

    private static LocalDate firstDate(Schedule schedule) {
        return schedule.getActivities().stream().map(Activity::getDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(schedule.getHorizonStart());
    }

    private static LocalDate lastDate(Schedule schedule) {
        return schedule.getActivities().stream().map(Activity::getDate).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(schedule.getHorizonEnd());
    }

    /** The month's weeks from the Monday on or before its first day, and its activities. */
    private static Month month(YearMonth month, WorkingCalendar calendar, Map<LocalDate, List<Entry>> byDate,
            Map<LocalDate, List<String>> sittings) {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = month.atDay(1).with(DayOfWeek.MONDAY); !monday.isAfter(month.atEndOfMonth());
                monday = monday.plusWeeks(1)) {
            List<Day> days = new ArrayList<>();
            for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                if (!YearMonth.from(day).equals(month)) {
                    days.add(new Day(true, 0, "", null, List.of(), List.of()));
                    continue;
                }
                String off = calendar.nonWorkingReason(day).orElse(null);
                String kind = off == null ? "" : calendar.getHolidays().containsKey(day) ? "holiday" : "weekend";
                days.add(new Day(false, day.getDayOfMonth(), kind, off == null ? null : Labels.dayOff(off),
                        sittings.getOrDefault(day, List.of()), byDate.getOrDefault(day, List.of())));
            }
            weeks.add(new Week(monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), calendar.isWeakWeek(monday), days));
        }
        List<Entry> entries = byDate.entrySet().stream().filter(day -> YearMonth.from(day.getKey()).equals(month))
                .flatMap(day -> day.getValue().stream()).toList();
        return new Month(Labels.month(month), weeks, entries);
    }

    private static Entry entry(Activity activity, int number, Marks marks) {
        List<String> broken = marks.broken().getOrDefault(activity.getId(), List.of());
        LocalDate from = marks.movedFrom().get(activity.getId());
        String classes = Stream.of(broken.isEmpty() ? "" : "broken", from == null ? "" : "moved",
                activity.getComment().isEmpty() ? "" : "kom").filter(c -> !c.isEmpty()).collect(Collectors.joining(" "));
        String time = activity.getStart() == null ? "" : activity.getStart() + "–" + activity.getEnd();
        String bodies = activity.getBodies().stream().map(Body::getCode).collect(Collectors.joining("/"));
        return new Entry(number, activity.getId(), activity.getName(), classes, background(activity),
                joined(" ", time, bodies), joined(" ", Labels.day(activity.getDate()), time),
                joined(", ", bodies, activity.getUnit()), broken, from == null ? "" : Labels.day(from), activity.getComment());
    }

    /** The parts that are there, joined. */
    private static String joined(String separator, String... parts) {
        return Stream.of(parts).filter(part -> !part.isEmpty()).collect(Collectors.joining(separator));
    }

    /** The first process's colour, striped with the others'; an SKR event's own colour. */
    private static String background(Activity activity) {
        if (activity.isExternal()) {
            return Palette.colour("external");
        }
        List<String> colours = activity.getProcesses().stream().map(Palette::process).toList();
        if (colours.isEmpty()) {
            return Palette.colour("no-process");
        }
        return colours.size() == 1 ? colours.get(0)
                : "linear-gradient(90deg," + colours.get(0) + " 70%," + String.join(",", colours.subList(1, colours.size())) + ")";
    }
}

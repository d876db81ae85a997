package se.rjh.tidplan.workspace;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.data.write.IcsWriter;
import se.rjh.tidplan.data.write.XlsxWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.pages.YearViewMarks;
import se.rjh.tidplan.pages.YearViewPage;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;

/**
 * A scenario's calendar as the page draws it and as files people take away (CSV, iCalendar, Excel, the year view,
 * the dataset as a zip), with its analysis and a comparison of two scenarios.
 */
public final class CalendarViews {

    /** One activity as the page shows it, with the chain around it and the dates it could move to. */
    public record ActivityView(String id, String name, LocalDate date, LocalTime start, LocalTime end,
            List<String> processes, List<String> bodies, String unit, List<String> participants, String yearInFocus,
            String comment, LocalDate baseline, LocalDate earliest, LocalDate latest, boolean pinned,
            boolean external, String note, List<Link> before, List<Link> after, List<LocalDate> possibleDates) {
    }

    /** A dependency seen from one end: the other activity, the lag and why. */
    public record Link(String id, int minLag, int buffer, String unit, String reason) {
    }

    /** The calendar of a scenario with what the page needs to draw it. */
    public record CalendarView(Scenarios.Summary scenario, LocalDate start, LocalDate end, List<ActivityView> activities,
            Map<String, List<LocalDate>> sittings, Map<LocalDate, String> daysOff, List<LocalDate> weakWeeks) {
    }

    /** How many versions' calendars, pages and exports are kept, the most recently asked for. */
    private static final int VERSIONS_KEPT = 32;

    private final Versions versions;
    private final Scenarios scenarios;
    private final VersionCache<CalendarExplainer.Scored> scored = new VersionCache<>(VERSIONS_KEPT);
    private final VersionCache<CalendarView> views = new VersionCache<>(VERSIONS_KEPT);
    private final VersionCache<String> yearViews = new VersionCache<>(VERSIONS_KEPT);
    private final VersionCache<String> ics = new VersionCache<>(VERSIONS_KEPT);
    private final VersionCache<byte[]> workbooks = new VersionCache<>(VERSIONS_KEPT);
    private final VersionCache<String> spreadsheets = new VersionCache<>(VERSIONS_KEPT);
    private final VersionCache<CalendarExplainer.Explanation> analyses = new VersionCache<>(VERSIONS_KEPT);

    CalendarViews(Versions versions, Scenarios scenarios) {
        this.versions = versions;
        this.scenarios = scenarios;
    }

    /** The calendar as the page draws it; only the scenario's summary (its solve's status) is read anew each time. */
    public CalendarView calendarView(long id) {
        Scenarios.Summary scenario = scenarios.get(id);
        CalendarView drawn = views.get(id, scenario.version(), () -> draw(scored(id, scenario.version()).schedule()));
        return new CalendarView(scenario, drawn.start(), drawn.end(), drawn.activities(), drawn.sittings(), drawn.daysOff(),
                drawn.weakWeeks());
    }

    private static CalendarView draw(Schedule schedule) {
        Map<String, List<Link>> before = new TreeMap<>();
        Map<String, List<Link>> after = new TreeMap<>();
        for (Dependency d : schedule.getDependencies()) {
            before.computeIfAbsent(d.getAfter().getId(), k -> new ArrayList<>()).add(link(d, d.getBefore()));
            after.computeIfAbsent(d.getBefore().getId(), k -> new ArrayList<>()).add(link(d, d.getAfter()));
        }
        Map<Activity, List<LocalDate>> possible = Planner.possibleDates(schedule);
        List<ActivityView> activities = CalendarCsvWriter.inCalendarOrder(schedule).stream()
                .map(a -> view(a, before.getOrDefault(a.getId(), List.of()), after.getOrDefault(a.getId(), List.of()),
                        possible.get(a)))
                .toList();
        Map<String, List<LocalDate>> sittings = new LinkedHashMap<>();
        for (Body body : schedule.getBodies()) {
            sittings.put(body.getCode(), List.copyOf(body.getSittings()));
        }
        Map<LocalDate, String> daysOff = new TreeMap<>();
        List<LocalDate> weak = new ArrayList<>();
        LocalDate start = schedule.getHorizonStart();
        LocalDate end = schedule.getHorizonEnd();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            LocalDate date = day;
            schedule.getCalendar().nonWorkingReason(day).filter(r -> schedule.getCalendar().getHolidays().containsKey(date))
                    .ifPresent(reason -> daysOff.put(date, reason));
            if (day.getDayOfWeek() == DayOfWeek.MONDAY && schedule.getCalendar().isWeakWeek(day)) {
                weak.add(day);
            }
        }
        return new CalendarView(null, start, end, activities, sittings, daysOff, weak);
    }

    private static Link link(Dependency d, Activity other) {
        return new Link(other.getId(), d.getMinLag(), d.getBuffer(), d.getUnit().name(), d.getReason());
    }

    private static ActivityView view(Activity a, List<Link> before, List<Link> after, List<LocalDate> possible) {
        return new ActivityView(a.getId(), a.getName(), a.getDate(), a.getStart(), a.getEnd(),
                a.getProcesses().stream().map(ProcessArea::name).toList(),
                a.getBodies().stream().map(Body::getCode).toList(), a.getUnit(),
                a instanceof Meeting m ? List.copyOf(m.getParticipants()) : List.of(), a.getYearInFocus(), a.getComment(),
                a.getBaselineDate(), a.getEarliest(), a.getLatest(), a.isPinned(), a.isExternal(), a.getNote(), before, after,
                possible);
    }

    /** The latest version of the scenario. */
    private int version(long id) {
        return versions.existing(id).version();
    }

    /** A version's calendar placed on its dataset and scored. */
    CalendarExplainer.Scored scored(long id, int version) {
        return scored.get(id, version, () -> {
            State state = versions.state(id, version);
            return CalendarExplainer.score(Versions.dataset(id, state), Versions.calendar(id, state.calendar()));
        });
    }

    /** The calendar for Outlook and Google Calendar (as {@code --ics}). */
    public String ics(long id) {
        int version = version(id);
        return ics.get(id, version, () -> IcsWriter.render(scored(id, version).schedule()));
    }

    /** The calendar as an Excel workbook (as {@code --xlsx}). */
    public byte[] xlsx(long id) {
        int version = version(id);
        return workbooks.get(id, version, () -> XlsxWriter.bytes(scored(id, version).schedule()));
    }

    /** The scenario's dataset as a zip of its files: {@code solve --data} reads it unpacked, and import takes it back. */
    public byte[] datasetZip(long id) {
        return DatasetFiles.zip(versions.current(id).dataset());
    }

    /** The static year view, its broken rules flagged (as {@code --html}). */
    public String yearView(long id) {
        int version = version(id);
        return yearViews.get(id, version, () -> {
            CalendarExplainer.Scored calendar = scored(id, version);
            return YearViewPage.render(calendar.schedule(), YearViewMarks.of(calendar.analysis(), List.of()));
        });
    }

    /**
     * The calendar CSV to open in Excel as a Swedish install has it (BOM, semicolons, CRLF: as {@code solve --excel}
     * writes it), or, {@code plain}, exactly as {@code solve} writes it (what {@code replan --baseline} reads).
     */
    public String calendarCsv(long id, boolean plain) {
        if (plain) {
            return versions.current(id).calendar();
        }
        int version = version(id);
        return spreadsheets.get(id, version,
                () -> CalendarCsvWriter.text(scored(id, version).schedule(), SpreadsheetCsv.Flavour.EXCEL));
    }

    /** The calendar as one version of the scenario saved it: what the history's versions are, to look at or keep. */
    public String calendarCsv(long id, int version) {
        return versions.state(id, version).calendar();
    }

    /** What is wrong with the calendar, rule by rule (as {@code explain}), each broken rule in the planners' words. */
    public CalendarExplainer.Explanation analysis(long id) {
        int version = version(id);
        return analyses.get(id, version, () -> {
            State state = versions.state(id, version);
            return Planner.explain(Versions.dataset(id, state), Versions.calendar(id, state.calendar())).in(Words.planners());
        });
    }

    /** Two scenarios' calendars, each under its own dataset's rules (as {@code compare}). */
    public CalendarComparison.Comparison compare(long a, long b) {
        State stateA = versions.current(a);
        State stateB = versions.current(b);
        return Planner.compare(() -> Versions.dataset(a, stateA), Versions.calendar(a, stateA.calendar()),
                () -> Versions.dataset(b, stateB), Versions.calendar(b, stateB.calendar()));
    }
}

package se.rjh.tidplan.workspace;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private final Versions versions;
    private final Scenarios scenarios;

    CalendarViews(Versions versions, Scenarios scenarios) {
        this.versions = versions;
        this.scenarios = scenarios;
    }

    public CalendarView calendarView(long id) {
        Schedule schedule = scored(id).schedule();
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
        return new CalendarView(scenarios.get(id), start, end, activities, sittings, daysOff, weak);
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

    /** The scenario's calendar placed on its dataset and scored. */
    CalendarExplainer.Scored scored(long id) {
        State state = versions.current(id);
        return CalendarExplainer.score(Versions.dataset(id, state), Versions.calendar(id, state.calendar()));
    }

    /** The calendar for Outlook and Google Calendar (as {@code --ics}). */
    public String ics(long id) {
        return IcsWriter.render(scored(id).schedule());
    }

    /** The calendar as an Excel workbook (as {@code --xlsx}). */
    public byte[] xlsx(long id) {
        return XlsxWriter.bytes(scored(id).schedule());
    }

    /** The scenario's dataset as a zip of its files: {@code solve --data} reads it unpacked, and import takes it back. */
    public byte[] datasetZip(long id) {
        return DatasetFiles.zip(versions.current(id).dataset());
    }

    /** The static year view, its broken rules flagged (as {@code --html}). */
    public String yearView(long id) {
        CalendarExplainer.Scored scored = scored(id);
        return YearViewPage.render(scored.schedule(), YearViewMarks.of(scored.analysis(), List.of()));
    }

    /** The calendar CSV, exactly as {@code solve} writes it. */
    public String calendarCsv(long id) {
        return versions.current(id).calendar();
    }

    /** The calendar as one version of the scenario saved it: what the history's versions are, to look at or keep. */
    public String calendarCsv(long id, int version) {
        return versions.state(id, version).calendar();
    }

    /** What is wrong with the calendar, rule by rule (as {@code explain}). */
    public CalendarExplainer.Explanation analysis(long id) {
        State state = versions.current(id);
        return Planner.explain(Versions.dataset(id, state), Versions.calendar(id, state.calendar()));
    }

    /** Two scenarios' calendars under the first one's rules (as {@code compare}). */
    public CalendarComparison.Comparison compare(long a, long b) {
        State stateA = versions.current(a);
        State stateB = versions.current(b);
        return Planner.compare(() -> Versions.dataset(a, stateA), Versions.calendar(a, stateA.calendar()),
                Versions.calendar(b, stateB.calendar()));
    }
}

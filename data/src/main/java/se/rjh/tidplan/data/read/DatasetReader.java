package se.rjh.tidplan.data.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;


import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.ElectionYears;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.MeetingBrief;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * Reads a dataset directory (see the README's "Editing the dataset") into a {@link Schedule}, checking
 * every reference on the way. It goes on past a broken row, so that every problem is reported at once, each as
 * one line naming file, line and field ({@link DatasetProblems}); a reference into a file that could not be read
 * is not reported again.
 */
public final class DatasetReader {

    public static final String SETTINGS = "settings.json";
    public static final String BODIES = "bodies.csv";
    public static final String SITTINGS = "sittings.csv";
    public static final String ACTIVITIES = "activities.csv";
    public static final String DEPENDENCIES = "dependencies.csv";
    public static final String MEETINGS = "meetings.csv";

    /** The columns of sittings.csv, in the order tidplan writes them; Source and Note may be left out. */
    public static final List<String> SITTING_COLUMNS = List.of("Body", "Date", "Source", "Note");

    /** The Tidplan's own columns, in its order; the output repeats them. */
    public static final String DATUM = "Datum";
    public static final String TID = "Tid";
    public static final String AKTIVITET = "Aktivitet";
    public static final String AR_I_FOKUS = "År i fokus";
    public static final String POLITISKA = "Politiska styrelser och nämnder";
    public static final String SAMVERKAN = "Samverkan (CSG, FSG, VSG)";
    public static final String LEDNING = "Central ledning (CLG, RSBG)";
    public static final String VERKSAMHET = "Verksamhet med stöd från stab";
    public static final String EKONOMI = "Ekonomi staben/ Enheten PoU";
    public static final String KOMMENTAR = "Kommentar";

    /** Days of the calendar kept around the horizon, so lags to a stray date stay cheap to count. */
    private static final int CALENDAR_MARGIN_DAYS = 62;

    private final DatasetSource source;
    private final List<String> warnings = new ArrayList<>();
    /** Every problem found; the reader goes on past a broken row so that all are reported at once. */
    private final List<InputException> problems = new ArrayList<>();
    /** Where each activity's row is, for pointing at it later. */
    private final Map<String, String> rowOf = new HashMap<>();
    /** Files that could not be read at all: references into them are not checked, to avoid a cascade. */
    private final Set<String> unreadable = new HashSet<>();
    /** Ids of activity rows that were broken: a dependency on one is not reported again. */
    private final Set<String> brokenIds = new HashSet<>();

    private DatasetReader(DatasetSource source) {
        this.source = source;
    }

    public static Dataset read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "no such dataset directory");
        }
        return new DatasetReader(DatasetSource.directory(dir)).read();
    }

    public static Dataset read(DatasetSource source) {
        return new DatasetReader(source).read();
    }

    public static Dataset readDefault() {
        return new DatasetReader(DatasetSource.embedded(Dataset.DEFAULT)).read();
    }

    private Dataset read() {
        Settings settings = readSettings();
        LocalDate start = settings.horizon().start();
        LocalDate end = settings.horizon().end();
        LocalDate first = start.minusDays(CALENDAR_MARGIN_DAYS);
        LocalDate last = end.plusDays(CALENDAR_MARGIN_DAYS);
        WorkingCalendar calendar = new WorkingCalendar(first, last, SwedishHolidays.between(first, last),
                settings.weakPeriods().stream()
                        .map(p -> new WorkingCalendar.WeakPeriod(p.from(), p.to()))
                        .toList(),
                settings.weakWeekWeight());
        Map<String, Body> bodies = readBodies(calendar, settings);
        Map<String, Activity> activities = readActivities(bodies, settings);
        for (Activity activity : ElectionYears.beforeTheNewCouncil(List.copyOf(activities.values()))) {
            int year = ElectionYears.electionYearOfBudget(activity).orElseThrow();
            warnings.add(rowOf.get(activity.getId()) + ": Earliest: " + ElectionYears.rule(activity, year)
                    + "; give it Earliest " + ElectionYears.newCouncilFrom(year));
        }
        List<String> reviews = RepeatedMatters.find(activities.values().stream()
                .map(a -> new RepeatedMatters.Step(rowOf.get(a.getId()), a.getId(), a.getName(),
                        a.getYearInFocus(), a.getBodies().stream().map(Body::getCode).toList(), a.getBaselineDate()))
                .toList());
        readMeetingBriefs(activities);
        List<Dependency> dependencies = readDependencies(activities, settings.namedBuffers());
        if (settings.budgetProposalInNovember()) {
            BudgetProposal.inNovember(activities.values(), rowOf, warnings);
        }
        if (!problems.isEmpty()) {
            throw problems.size() == 1 ? problems.get(0) : new DatasetProblems(problems);
        }
        Map<String, HardSoftLongScore> weights = new TreeMap<>();
        settings.weights().forEach((name, weight) -> weights.put(name, HardSoftLongScore.ofSoft(weight)));
        Schedule schedule = new Schedule(settings.name(), start, end, settings.timeStepMinutes(), calendar,
                new OfficeHours(settings.officeHours().start(), settings.officeHours().end()),
                List.copyOf(bodies.values()), dependencies, new ArrayList<>(activities.values()),
                ConstraintWeightOverrides.of(weights));
        return new Dataset(settings, schedule, List.copyOf(warnings), reviews, Map.copyOf(rowOf), source.describe(SETTINGS));
    }

    private Settings readSettings() {
        String file = source.describe(SETTINGS);
        if (!source.exists(SETTINGS)) {
            throw new InputException(file, 0, null, "missing file");
        }
        try (InputStream in = source.open(SETTINGS)) {
            return SettingsJson.read(file, CsvTable.decode(file, in));
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }


    /** The table, or an empty one when the file cannot be read (the problem is noted). */
    private CsvTable table(String file, List<String> columns) {
        String name = source.describe(file);
        try {
            if (!source.exists(file)) {
                throw new InputException(name, 0, null, "missing file");
            }
            try (InputStream in = source.open(file)) {
                return CsvTable.read(name, in, columns);
            }
        } catch (InputException e) {
            problems.add(e);
        } catch (IOException e) {
            problems.add(new InputException(name, "cannot be read: " + e.getMessage(), e));
        }
        unreadable.add(file);
        return CsvTable.empty(name);
    }

    /** Reads one row; a broken row is noted and left out, and reading goes on. */
    private boolean tryRow(Runnable read) {
        try {
            read.run();
            return true;
        } catch (InputException e) {
            problems.add(e);
            return false;
        }
    }

    private Map<String, Body> readBodies(WorkingCalendar calendar, Settings settings) {
        Map<String, String> names = new LinkedHashMap<>();
        for (CsvTable.Row row : table(BODIES, List.of("Code", "Name")).rows()) {
            tryRow(() -> {
                String code = row.required("Code");
                if (names.putIfAbsent(code, row.required("Name")) != null) {
                    throw row.error("Code", "body '" + code + "' is listed twice");
                }
            });
        }
        Map<String, Map<LocalDate, Sitting>> sittings = new HashMap<>();
        names.keySet().forEach(code -> sittings.put(code, new TreeMap<>()));
        int known = problems.size();
        CsvTable table = table(SITTINGS, List.of("Body", "Date"));
        if (table.rows().isEmpty() && problems.size() == known && !names.isEmpty()) {
            problems.add(new InputException(table.file(), 1, null,
                    "no sitting days; the file has only its header, and every body needs its own (Body, Date)"));
        }
        for (CsvTable.Row row : table.rows()) {
            tryRow(() -> readSitting(row, names.keySet(), sittings, calendar, settings));
        }
        Map<String, Body> bodies = new LinkedHashMap<>();
        names.forEach((code, name) -> bodies.put(code, new Body(code, name, sittings.get(code))));
        return bodies;
    }

    private void readSitting(CsvTable.Row row, Set<String> codes, Map<String, Map<LocalDate, Sitting>> sittings,
            WorkingCalendar calendar, Settings settings) {
        String code = row.required("Body");
        Map<LocalDate, Sitting> days = sittings.get(code);
        if (days == null && unreadable.contains(BODIES)) {
            return;
        }
        if (days == null) {
            throw row.error("Body", "unknown body '" + code + "'; bodies.csv lists " + codes);
        }
        LocalDate date = row.date("Date");
        if (days.containsKey(date)) {
            throw row.error("Date", code + " already sits on " + date);
        }
        calendar.nonWorkingReason(date).ifPresent(reason -> warnings.add(row.file() + ":" + row.line()
                + ": Date: " + code + " sits on " + date + ", which is not a working day (" + reason
                + "); no matter will be planned on it"));
        if (date.isBefore(settings.horizon().start()) || date.isAfter(settings.horizon().end())) {
            warnings.add(row.file() + ":" + row.line() + ": Date: " + code + " sits on " + date
                    + ", outside the horizon " + settings.horizon().start() + " .. " + settings.horizon().end());
        }
        days.put(date, new Sitting(source(row), row.text("Note")));
    }

    /** A sitting's Source; empty when the cell is (a dataset written before the column has none). */
    private static Optional<SittingSource> source(CsvTable.Row row) {
        String cell = row.text("Source");
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SittingSource.parse(cell).orElseThrow(() -> row.error("Source", "'" + cell
                + "' is not a sitting source; write one of " + SittingSource.labels() + ", or leave it empty")));
    }

    /** The columns of activities.csv, in the order tidplan writes them. */
    public static final List<String> ACTIVITY_COLUMNS = List.of("Id", DATUM, TID, "P", "B", "I", "IK", "U",
            AKTIVITET, AR_I_FOKUS, POLITISKA, SAMVERKAN, LEDNING, VERKSAMHET, EKONOMI, KOMMENTAR, "Body", "Unit",
            "Participants", "Earliest", "Latest", "External", "Pinned", "Booked", "Note");

    /** The Tidplan's trailing columns and Booked came later: a dataset written before them is read without them. */
    private static final List<String> OPTIONAL_ACTIVITY_COLUMNS = List.of(VERKSAMHET, EKONOMI, KOMMENTAR, "Booked");

    private Map<String, Activity> readActivities(Map<String, Body> bodies, Settings settings) {
        Map<String, Activity> activities = new LinkedHashMap<>();
        int known = problems.size();
        CsvTable table = table(ACTIVITIES, ACTIVITY_COLUMNS.stream()
                .filter(column -> !OPTIONAL_ACTIVITY_COLUMNS.contains(column)).toList());
        if (table.rows().isEmpty() && problems.size() == known) {
            problems.add(new InputException(table.file(), 0, null, "no activities; the file has only its header"));
            unreadable.add(ACTIVITIES);
        }
        for (CsvTable.Row row : table.rows()) {
            if (!tryRow(() -> readActivity(row, activities, bodies, settings, unreadable.contains(BODIES)))
                    && !row.text("Id").isEmpty()) {
                brokenIds.add(row.text("Id"));
            }
            rowOf.putIfAbsent(row.text("Id"), row.file() + ":" + row.line());
        }
        return activities;
    }

    /** One row of activities.csv; the activity is added only when the whole row is right. */
    private static void readActivity(CsvTable.Row row, Map<String, Activity> activities, Map<String, Body> bodies,
            Settings settings, boolean bodiesUnreadable) {
        String id = row.required("Id");
        if (activities.containsKey(id)) {
            throw row.error("Id", "activity '" + id + "' is listed twice");
        }
        Activity activity = newActivity(row, id, settings);
        activity.setBaselineDate(row.optionalDate(DATUM));
        Set<ProcessArea> processes = EnumSet.noneOf(ProcessArea.class);
        for (ProcessArea process : ProcessArea.values()) {
            if (!row.text(process.name()).isEmpty()) {
                String mark = row.text(process.name());
                if (!mark.equalsIgnoreCase(process.name()) && !mark.equalsIgnoreCase("x")) {
                    throw row.error(process.name(), "'" + mark + "' is not a process mark; write "
                            + process.name() + " or leave it empty");
                }
                processes.add(process);
            }
        }
        activity.setProcesses(processes);
        activity.setYearInFocus(row.text(AR_I_FOKUS));
        activity.setPoliticalColumn(row.text(POLITISKA));
        activity.setCollaborationColumn(row.text(SAMVERKAN));
        activity.setManagementColumn(row.text(LEDNING));
        activity.setOperationsColumn(row.text(VERKSAMHET));
        activity.setFinanceColumn(row.text(EKONOMI));
        activity.setComment(row.text(KOMMENTAR));
        List<Body> sittingBodies = new ArrayList<>();
        for (String code : list(row.text("Body"))) {
            Body body = bodies.get(code);
            if (body == null && !bodiesUnreadable) {
                throw row.error("Body", "unknown body '" + code + "'; bodies.csv lists " + bodies.keySet());
            }
            if (body != null) {
                sittingBodies.add(body);
            }
        }
        activity.setBodies(sittingBodies);
        activity.setUnit(row.text("Unit"));
        LocalDate earliest = row.optionalDate("Earliest");
        LocalDate latest = row.optionalDate("Latest");
        if (earliest != null && latest != null && latest.isBefore(earliest)) {
            throw row.error("Latest", latest + " is before Earliest " + earliest);
        }
        activity.setWindow(earliest, latest);
        activity.setExternal(row.flag("External"));
        activity.setPinned(row.flag("Pinned"));
        activity.setBooked(row.flag("Booked"));
        if (activity.isBooked() && !(activity instanceof Meeting meeting && !meeting.getParticipants().isEmpty())) {
            throw row.error("Booked", "only a meeting with named participants is booked; give its " + TID + " and Participants");
        }
        activity.setNote(row.text("Note"));
        if (activity.isFixed() && activity.getBaselineDate() == null) {
            throw row.error(DATUM, "a pinned or external activity needs its date");
        }
        if (!activity.isExternal() && activity.getUnit().isEmpty()) {
            throw row.error("Unit", "must name the responsible unit (e.g. PoU) whose workload this adds to");
        }
        activities.put(id, activity);
    }

    /** A row with a time (Tid) is a meeting, which also gets a start time and has participants. */
    private static Activity newActivity(CsvTable.Row row, String id, Settings settings) {
        String name = row.required(AKTIVITET);
        String time = row.text(TID);
        List<String> participants = list(row.text("Participants"));
        if (time.isEmpty()) {
            if (!participants.isEmpty()) {
                throw row.error("Participants", "only a timed meeting has participants; give its " + TID);
            }
            return new Activity(id, name);
        }
        MeetingTime meetingTime = MeetingTime.parse(time);
        if (meetingTime == null) {
            throw row.error(TID, "'" + time + "' is not a time range; write e.g. 13:00 - 15:00");
        }
        if (meetingTime.minutes() > minutes(settings.officeHours())) {
            throw row.error(TID, "the meeting " + time + " is longer than the office hours "
                    + settings.officeHours().start() + " - " + settings.officeHours().end());
        }
        Meeting meeting = new Meeting(id, name, meetingTime.start(), meetingTime.minutes());
        meeting.setParticipants(new LinkedHashSet<>(participants));
        return meeting;
    }

    private static int minutes(Settings.Hours hours) {
        return (hours.end().toSecondOfDay() - hours.start().toSecondOfDay()) / 60;
    }

    /** A list cell: values separated by semicolons, e.g. {@code RS;RUN}. */
    static List<String> list(String cell) {
        List<String> values = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private void readMeetingBriefs(Map<String, Activity> activities) {
        if (!source.exists(MEETINGS)) {
            return;
        }
        for (CsvTable.Row row : table(MEETINGS,
                List.of("Id", "Purpose", "Basis", "Goal", "Documentation", "FollowUp")).rows()) {
            tryRow(() -> {
                Activity activity = activity(activities, row, "Id");
                if (activity != null) {
                    activity.setBrief(new MeetingBrief(row.text("Purpose"), row.text("Basis"), row.text("Goal"),
                            row.text("Documentation"), row.text("FollowUp")));
                }
            });
        }
    }

    private List<Dependency> readDependencies(Map<String, Activity> activities, Map<String, Integer> namedBuffers) {
        List<Dependency> dependencies = new ArrayList<>();
        Map<Dependency, CsvTable.Row> rows = new HashMap<>();
        // Where each ordered pair was first given: a second row for it is a copy or a contradiction, never meant.
        Map<List<String>, CsvTable.Row> pairs = new HashMap<>();
        for (CsvTable.Row row : table(DEPENDENCIES,
                List.of("Before", "After", "MinLag", "Buffer", "Unit", "Reason")).rows()) {
            tryRow(() -> {
                Activity before = activity(activities, row, "Before");
                Activity after = activity(activities, row, "After");
                if (before == null || after == null) {
                    return; // its activity's own row is broken, and already reported
                }
                if (before == after) {
                    throw row.error("After", "an activity cannot depend on itself");
                }
                CsvTable.Row first = pairs.putIfAbsent(List.of(before.getId(), after.getId()), row);
                if (first != null) {
                    throw row.error("After", before.getId() + " -> " + after.getId() + " is already line " + first.line()
                            + "; give each order once (merge the two rows' lag, buffer and reason)");
                }
                int minLag = row.integer("MinLag", 1, 0, 365);
                String bufferName = namedBuffers.containsKey(row.text("Buffer")) ? row.text("Buffer") : null;
                int buffer = bufferName != null ? namedBuffers.get(bufferName) : buffer(row, namedBuffers);
                LagUnit unit = switch (row.text("Unit").toLowerCase(java.util.Locale.ROOT)) {
                    case "", "working", "arbetsdagar" -> LagUnit.WORKING_DAYS;
                    case "calendar", "kalenderdagar" -> LagUnit.CALENDAR_DAYS;
                    default -> throw row.error("Unit", "'" + row.text("Unit") + "' is not a lag unit; write working or calendar");
                };
                Dependency dependency = new Dependency(before, after, minLag, buffer, unit, row.text("Reason"));
                dependency.setBufferName(bufferName);
                dependencies.add(dependency);
                rows.put(dependency, row);
            });
        }
        tryRow(() -> checkAcyclic(dependencies, rows));
        return dependencies;
    }

    /** A Buffer cell that names no setting: a number of days, or an error that lists the names there are. */
    private static int buffer(CsvTable.Row row, Map<String, Integer> namedBuffers) {
        String cell = row.text("Buffer");
        if (!cell.isEmpty() && !cell.matches("-?\\d+")) {
            throw row.error("Buffer", "'" + cell + "' is neither a number of days nor a buffer named in settings.json's"
                    + " namedBuffers " + namedBuffers.keySet());
        }
        return row.integer("Buffer", 0, 0, 365);
    }

    /** The activity a row names; null when that activity's own row was broken (already reported). */
    private Activity activity(Map<String, Activity> activities, CsvTable.Row row, String column) {
        String id = row.required(column);
        Activity activity = activities.get(id);
        if (activity == null && !brokenIds.contains(id) && !unreadable.contains(ACTIVITIES)) {
            throw row.error(column, "unknown activity '" + id + "'; it must be an Id in activities.csv");
        }
        return activity;
    }

    /** A cycle makes every calendar infeasible; name it so the user can break it. */
    private static void checkAcyclic(List<Dependency> dependencies, Map<Dependency, CsvTable.Row> rows) {
        // In file order, so the same file always names the same cycle.
        Map<Activity, List<Dependency>> outgoing = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            outgoing.computeIfAbsent(d.getBefore(), a -> new ArrayList<>()).add(d);
        }
        Map<Activity, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        Deque<Dependency> path = new ArrayDeque<>();
        for (Activity start : outgoing.keySet()) {
            visit(start, outgoing, state, path, rows);
        }
    }

    private static void visit(Activity activity, Map<Activity, List<Dependency>> outgoing,
            Map<Activity, Integer> state, Deque<Dependency> path, Map<Dependency, CsvTable.Row> rows) {
        Integer seen = state.get(activity);
        if (seen != null) {
            if (seen == 1) {
                List<String> cycle = new ArrayList<>();
                boolean inCycle = false;
                for (var it = path.descendingIterator(); it.hasNext(); ) {
                    Dependency d = it.next();
                    inCycle |= d.getBefore() == activity;
                    if (inCycle) {
                        cycle.add(d.getBefore().getId());
                    }
                }
                cycle.add(activity.getId());
                throw rows.get(path.peek()).error("After", "dependency cycle " + String.join(" -> ", cycle)
                        + "; no calendar can satisfy it");
            }
            return;
        }
        state.put(activity, 1);
        for (Dependency d : outgoing.getOrDefault(activity, List.of())) {
            path.push(d);
            visit(d.getAfter(), outgoing, state, path, rows);
            path.pop();
        }
        state.put(activity, 2);
    }
}

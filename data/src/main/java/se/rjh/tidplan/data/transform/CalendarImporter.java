package se.rjh.tidplan.data.transform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import se.rjh.tidplan.data.read.Bodies;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.read.Dataset;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.RepeatedMatters;
import se.rjh.tidplan.data.read.Settings;
import se.rjh.tidplan.data.read.SwedishHolidays;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * Turns a hand-made calendar into a first dataset: every row an activity with its date as the baseline,
 * the bodies a row names (in its columns or its text) with that date as a sitting day, SKR forecasts as
 * external events, and the dependencies the process implies for the rows it recognises: the steps of one
 * matter through the bodies (AU, board, council; co-determination before the board's decision, RS at least
 * 7 calendar days before RF), and budget decisions after the latest SKR forecast before them. Units,
 * participants, windows and the rest are left for the user to complete.
 */
public final class CalendarImporter {

    /** The dataset, and what the user should know about how it was made. */
    public record Result(Settings settings, Schedule schedule, List<String> notes) {
    }

    private static final Pattern FORECAST = Pattern.compile("(?i).*\\bSKR\\b.*prognos.*");
    private static final Pattern STEP_WORDS = Pattern.compile(
            "(?i)\\b(samverkas|beslutas|beslutar|bereds|bereder|behandlas|informeras|för information|i|av|rapport i)\\b");
    private static final Pattern ADMINISTRATION = Pattern.compile("\\b(HSF|RUF|RSF)\\b");

    private CalendarImporter() {
    }

    public static Result toDataset(CalendarFile.Content content, String name) {
        List<String> notes = new ArrayList<>();
        List<CalendarRow> rows = new ArrayList<>(content.rows());
        rows.sort(Comparator.comparing(CalendarRow::date));
        LocalDate first = rows.get(0).date();
        LocalDate last = rows.get(rows.size() - 1).date();
        Dataset region = DatasetReader.readDefault();
        Settings template = region.settings();
        Settings settings = new Settings(name, new Settings.Span(first.withDayOfMonth(1), last.withDayOfMonth(last.lengthOfMonth())),
                template.officeHours(), template.timeStepMinutes(), template.weakPeriods(), template.weakWeekWeight(),
                template.weights(), template.solver());
        WorkingCalendar calendar = new WorkingCalendar(first, last, SwedishHolidays.between(first, last), List.of(), 1);

        Map<String, TreeSet<LocalDate>> sittings = new LinkedHashMap<>();
        Map<String, List<String>> bodiesOf = new LinkedHashMap<>();
        List<Activity> activities = new ArrayList<>();
        int sequence = 0;
        for (CalendarRow row : rows) {
            sequence++;
            String id = row.id() != null ? row.id() : String.format(Locale.ROOT, "T%03d", sequence);
            Activity activity = row.isTimed()
                    ? new Meeting(id, row.name(), row.start(), (row.end().toSecondOfDay() - row.start().toSecondOfDay()) / 60)
                    : new Activity(id, row.name());
            activity.setBaselineDate(row.date());
            activity.setProcesses(row.processes());
            activity.setYearInFocus(row.yearInFocus());
            activity.setPoliticalColumn(row.political());
            activity.setCollaborationColumn(row.collaboration());
            activity.setManagementColumn(row.management());
            activity.setOperationsColumn(row.operations());
            activity.setFinanceColumn(row.finance());
            activity.setComment(row.comment());
            activity.setExternal(FORECAST.matcher(row.name()).matches());
            activity.setUnit(activity.isExternal() ? "" : unit(row));
            List<String> bodies = activity.isExternal() ? List.of() : row.bodies();
            bodiesOf.put(id, bodies);
            for (String body : bodies) {
                var reason = calendar.nonWorkingReason(row.date());
                if (reason.isPresent()) {
                    notes.add(content.file() + ":" + row.line() + ": " + body + " cannot sit on " + row.date() + " ("
                            + reason.get() + "); add its real sitting to sittings.csv");
                } else {
                    sittings.computeIfAbsent(body, b -> new TreeSet<>()).add(row.date());
                }
            }
            activities.add(activity);
        }
        Map<String, Body> bodies = new LinkedHashMap<>();
        for (String code : Bodies.KNOWN.keySet()) {
            boolean used = bodiesOf.values().stream().anyMatch(list -> list.contains(code));
            if (used) {
                bodies.put(code, new Body(code, Bodies.KNOWN.get(code), sittings.getOrDefault(code, new TreeSet<>())));
            }
        }
        for (Activity activity : activities) {
            activity.setBodies(bodiesOf.get(activity.getId()).stream().map(bodies::get).toList());
        }
        notes.addAll(RepeatedMatters.find(CalendarRow.steps(content.file(), rows)));
        List<Dependency> dependencies = new ArrayList<>();
        chainMatters(activities, dependencies);
        afterForecasts(activities, dependencies);
        long marked = rows.stream().filter(r -> !r.finance().isEmpty() || !r.operations().isEmpty()).count();
        notes.addAll(content.notes());
        notes.add("Units: " + marked + " rows carry the Tidplan's own responsibility mark (" + DatasetReader.EKONOMI
                + ": PoU; " + DatasetReader.VERKSAMHET + ": the administration the row names, or Verksamheterna); the other "
                + (rows.size() - marked) + " are PoU's unless their name names HSF, RUF or RSF: correct the Unit column.");
        notes.add("Participants of the " + activities.stream().filter(Activity::isMeeting).count()
                + " timed meetings are not in the calendar; fill in the Participants column so overlaps are checked.");
        // The same planning problem as a read dataset: the region's office hours and weights, as settings.json says.
        Schedule schedule = new Schedule(name, settings.horizon().start(), settings.horizon().end(),
                settings.timeStepMinutes(), calendar, region.schedule().getOfficeHours(), List.copyOf(bodies.values()),
                dependencies, activities, region.schedule().getConstraintWeightOverrides());
        return new Result(settings, schedule, notes);
    }

    /** The responsible unit: the Tidplan's own mark where the row has one, else a guess from the name. */
    private static String unit(CalendarRow row) {
        var administration = ADMINISTRATION.matcher(row.name());
        String named = administration.find() ? administration.group(1) : null;
        if (!row.finance().isEmpty()) {
            return "PoU";
        }
        if (!row.operations().isEmpty()) {
            return named != null ? named : "Verksamheterna";
        }
        return named != null ? named : "PoU";
    }

    /** A matter's name without its step and body: "Regionplan 2021 beslutas i RS" is "regionplan 2021". */
    static String matter(String name) {
        String text = name.replaceAll("\\b(" + String.join("|", Bodies.KNOWN.keySet()).replace(".", "\\.")
                + "|Rsau|RS-AU|RS AU)\\b", " ");
        text = STEP_WORDS.matcher(text).replaceAll(" ");
        return text.replaceAll("[;:,\\-]", " ").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Rows of the same matter (same name but for the step and the body) go through the bodies in order:
     * AU, board, council; a co-determination step (CSG, FSG) comes before the first board decision.
     */
    private static void chainMatters(List<Activity> activities, List<Dependency> dependencies) {
        Map<String, List<Activity>> matters = new TreeMap<>();
        for (Activity activity : activities) {
            if (!activity.getBodies().isEmpty()) {
                matters.computeIfAbsent(matter(activity.getName()), m -> new ArrayList<>()).add(activity);
            }
        }
        for (List<Activity> steps : matters.values()) {
            Map<String, List<Activity>> decisionsByLine = new TreeMap<>();
            for (Activity step : steps) {
                if (rank(step) >= 2) {
                    decisionsByLine.computeIfAbsent(line(step), l -> new ArrayList<>()).add(step);
                }
            }
            for (List<Activity> line : decisionsByLine.values()) {
                line.sort(Comparator.comparingInt(CalendarImporter::rank).thenComparing(Activity::getBaselineDate));
                for (int i = 1; i < line.size(); i++) {
                    Activity before = line.get(i - 1);
                    Activity after = line.get(i);
                    if (rank(before) == rank(after)) {
                        continue; // the same level twice (a matter prepared twice in RS AU): no order implied
                    }
                    boolean toCouncil = rank(after) == 4 && rank(before) == 3;
                    dependencies.add(toCouncil
                            ? new Dependency(before, after, 7, 7, LagUnit.CALENDAR_DAYS, "RS decides at least 7 calendar days before RF (imported)")
                            : new Dependency(before, after, 1, 0, LagUnit.WORKING_DAYS, "The matter goes AU, board, council (imported)"));
                }
                Activity firstBoardDecision = line.stream().filter(a -> rank(a) >= 3).findFirst().orElse(null);
                for (Activity step : steps) {
                    if (rank(step) == 1 && firstBoardDecision != null) {
                        dependencies.add(new Dependency(step, firstBoardDecision, 1, 3, LagUnit.WORKING_DAYS,
                                "MBL 14 §: co-determination before the decision (imported)"));
                    }
                }
            }
        }
    }

    /** The line of bodies a decision passes: a committee's AU and the committee, or RS AU, RS and RF. */
    private static String line(Activity activity) {
        String top = activity.getBodies().stream().map(Body::getCode).max(Comparator.comparingInt(Bodies::rank)).orElse("");
        return top.startsWith("HSN") ? "HSN" : top.startsWith("RUN") ? "RUN" : "RS";
    }

    private static int rank(Activity activity) {
        return activity.getBodies().stream().mapToInt(b -> Bodies.rank(b.getCode())).max().orElse(0);
    }

    /** A budget decision by RS, RF or a committee uses the latest SKR forecast published before it. */
    private static void afterForecasts(List<Activity> activities, List<Dependency> dependencies) {
        List<Activity> forecasts = activities.stream().filter(Activity::isExternal).toList();
        for (Activity activity : activities) {
            if (activity.isExternal() || !activity.getProcesses().contains(ProcessArea.B) || rank(activity) < 3) {
                continue;
            }
            forecasts.stream()
                    .filter(f -> f.getBaselineDate().isBefore(activity.getBaselineDate()))
                    .max(Comparator.comparing(Activity::getBaselineDate))
                    .ifPresent(f -> dependencies.add(new Dependency(f, activity, 1, 0, LagUnit.WORKING_DAYS,
                            "Budget work after the SKR forecast before it (imported)")));
        }
    }
}

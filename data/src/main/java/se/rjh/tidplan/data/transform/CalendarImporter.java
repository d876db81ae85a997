package se.rjh.tidplan.data.transform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.Bodies;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.RepeatedMatters;
import se.rjh.tidplan.data.read.SwedishHolidays;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
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

    private static final Pattern FOR_INFORMATION = Pattern.compile("(?iu)för information");
    private static final Pattern FORECAST = Pattern.compile("(?iu).*\\bSKR\\b.*prognos.*");
    private static final Pattern STEP_WORDS = Pattern.compile(
            "(?iu)\\b(samverkas|beslutas|beslutar|beslut om|bereds|bereder|behandlas|informeras|för information|i|av|rapport i)\\b");
    private static final Pattern BODY_IN_NAME = Pattern.compile("(?iu)\\b(RS ?-?AU|HSN ?-?AU|RUN ?-?AU|RS presidium|"
            + Bodies.KNOWN.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}\\d])");
    /** Matters the importer knows by name; the first that matches a row is its matter (delårsrapport before årsrapport). */
    private static final List<Pattern> RECOGNISED = Stream.of("regionplan", "\\bVP\\b|verksamhetsplan",
            "\\bPF\\b|planeringsförutsättningar", "internkontrollplan", "tillämpningsanvisningar", "uppföljningsplan",
            "årsredovisning", "delårsrapport \\d+", "årsrapport", "ersättningsmodell|hälsoval och tandvård")
            .map(p -> Pattern.compile("(?iu)" + p)).toList();
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
                template.weights(), template.solver(), template.namedBuffers(), template.budgetProposalInNovember());
        WorkingCalendar calendar = new WorkingCalendar(first, last, SwedishHolidays.between(first, last), List.of(), 1);

        Map<String, TreeMap<LocalDate, Sitting>> sittings = new LinkedHashMap<>();
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
                    sittings.computeIfAbsent(body, b -> new TreeMap<>())
                            .putIfAbsent(row.date(), Sitting.of(SittingSource.TIDPLAN, content.file() + ":" + row.line()));
                }
            }
            activities.add(activity);
        }
        Map<String, Body> bodies = new LinkedHashMap<>();
        for (String code : Bodies.KNOWN.keySet()) {
            boolean used = bodiesOf.values().stream().anyMatch(list -> list.contains(code));
            if (used) {
                bodies.put(code, new Body(code, Bodies.KNOWN.get(code), sittings.getOrDefault(code, new TreeMap<>())));
            }
        }
        for (Activity activity : activities) {
            activity.setBodies(bodiesOf.get(activity.getId()).stream().map(bodies::get).toList());
        }
        notes.addAll(RepeatedMatters.find(CalendarRow.steps(content.file(), rows)));
        List<Dependency> dependencies = new ArrayList<>();
        chainMatters(activities, dependencies);
        afterForecasts(activities, dependencies);
        int windows = LegalWindows.apply(activities);
        notes.add("Rules: " + dependencies.size() + " dependencies of the standard order and the SKR forecasts; " + windows
                + " rows with the law's windows (their Note says which rule).");
        unchained(activities, dependencies, rows, content.file()).ifPresent(notes::add);
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

    /** The rows in no dependency: nothing orders them, so the user should say what they come before or after. */
    private static Optional<String> unchained(List<Activity> activities, List<Dependency> dependencies,
            List<CalendarRow> rows, String file) {
        Set<Activity> chained = new HashSet<>();
        dependencies.forEach(d -> {
            chained.add(d.getBefore());
            chained.add(d.getAfter());
        });
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            if (!activity.isExternal() && !chained.contains(activity)) {
                lines.add(String.valueOf(rows.get(i).line()));
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(file + ": no chain for " + lines.size()
                + " rows (no recognised matter with another step; add their order to dependencies.csv): lines "
                + String.join(", ", lines));
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

    /**
     * A matter's key: a recognised matter by its kind (and report number) and year in focus, whatever the step
     * and the body ("Årsredovisning; bereds i RS-AU" and "Årsredovisning; behandlas i RF"); any other row by its
     * name without its step and body ("Regionplan 2021 beslutas i RS" is "regionplan 2021").
     */
    static String matter(Activity activity) {
        for (int i = 0; i < RECOGNISED.size(); i++) {
            var match = RECOGNISED.get(i).matcher(activity.getName());
            if (match.find()) {
                return "#" + i + match.group().replaceAll("\\D", "") + " " + activity.getYearInFocus();
            }
        }
        return matter(activity.getName());
    }

    static String matter(String name) {
        String text = BODY_IN_NAME.matcher(name).replaceAll(" ");
        text = STEP_WORDS.matcher(text).replaceAll(" ");
        return text.replaceAll("[;:,\\-]", " ").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The standard order of a matter's steps in each line of bodies it passes (a committee's, or RS's up to
     * RF): the staff groups (CLG, RSBG) prepare it, co-determination (CSG, FSG, VSG) comes before the deciding
     * body with the MBL buffer, then AU, board and council in turn, RS at least 7 calendar days before RF. The
     * hand-made calendar puts co-determination after RS AU as often as before it, so it binds only the decision.
     */
    private static void chainMatters(List<Activity> activities, List<Dependency> dependencies) {
        Map<String, List<Activity>> matters = new TreeMap<>();
        for (Activity activity : activities) {
            if (!activity.getBodies().isEmpty()) {
                matters.computeIfAbsent(matter(activity), m -> new ArrayList<>()).add(activity);
            }
        }
        Set<List<Activity>> linked = new HashSet<>();
        for (List<Activity> steps : matters.values()) {
            Map<String, List<Activity>> decisionsByLine = new TreeMap<>();
            for (Activity step : steps) {
                if (rank(step) >= 2) {
                    lines(step).forEach(line -> decisionsByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(step));
                }
            }
            for (var entry : decisionsByLine.entrySet()) {
                List<Activity> line = entry.getValue();
                line.sort(Comparator.comparingInt(CalendarImporter::rank).thenComparing(Activity::getBaselineDate));
                for (int i = 1; i < line.size(); i++) {
                    Activity before = line.get(i - 1);
                    Activity after = line.get(i);
                    if (rank(before) == rank(after) || !linked.add(List.of(before, after))) {
                        continue; // the same level twice (a matter prepared twice in RS AU): no order implied
                    }
                    dependencies.add(rank(after) == 4 && rank(before) == 3
                            ? new Dependency(before, after, 7, 7, LagUnit.CALENDAR_DAYS, "RS beslutar minst 7 kalenderdagar före RF (importerat)")
                            : new Dependency(before, after, 1, 0, LagUnit.WORKING_DAYS, "Ärendet går AU, styrelse, fullmäktige (importerat)"));
                }
                Activity decision = line.stream().filter(a -> rank(a) >= 3).findFirst().orElse(line.get(0));
                // A matter only "för information" in CSG or FSG is not negotiated: it prepares no decision.
                List<Activity> preparing = steps.stream().filter(s -> rank(s) < 2)
                        .filter(s -> !(rank(s) == 1 && FOR_INFORMATION.matcher(s.getName()).find()))
                        .filter(s -> entry.getKey().equals(lineOfPreparation(s, decisionsByLine.keySet()))).toList();
                List<Activity> coDetermination = preparing.stream().filter(s -> rank(s) == 1)
                        .sorted(Comparator.comparing(Activity::getBaselineDate)).toList();
                for (Activity step : preparing) {
                    if (rank(step) == 1) {
                        dependencies.add(rank(decision) >= 3
                                ? new Dependency(step, decision, 1, 3, LagUnit.WORKING_DAYS, "MBL 11 §: förhandling före beslutet (importerat)")
                                : new Dependency(step, decision, 1, 0, LagUnit.WORKING_DAYS, "Samverkan före förslaget (importerat)"));
                    } else {
                        Activity next = coDetermination.isEmpty() ? decision : coDetermination.get(0);
                        dependencies.add(new Dependency(step, next, 1, 0, LagUnit.WORKING_DAYS,
                                "Tjänstepersonerna bereder ärendet före " + next.getBodies().get(0).getCode() + " (importerat)"));
                    }
                }
            }
        }
    }

    /** The lines of bodies a decision passes: a committee's AU and the committee, or RS's up to RF. */
    private static Set<String> lines(Activity activity) {
        Set<String> lines = new TreeSet<>();
        activity.getBodies().forEach(body -> lines.add(line(body.getCode())));
        lines.remove("");
        return lines;
    }

    private static String line(String code) {
        if (code.startsWith("HSN") || code.equals("FSG HSF")) {
            return "HSN";
        }
        if (code.startsWith("RUN") || code.equals("FSG RUF")) {
            return "RUN";
        }
        return Bodies.rank(code) >= 2 || code.equals("FSG RSF") ? "RS" : "";
    }

    /**
     * The line a staff or co-determination step prepares: its administration's where its body says so (FSG HSF
     * prepares HSN's decision), else RS's if the matter goes there, else the matter's only line.
     */
    private static String lineOfPreparation(Activity step, Set<String> lines) {
        String own = step.getBodies().stream().map(b -> line(b.getCode())).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (!own.isEmpty()) {
            return own;
        }
        return lines.contains("RS") ? "RS" : lines.size() == 1 ? lines.iterator().next() : "";
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
                            "Budgetarbetet efter SKR-prognosen före det (importerat)")));
        }
    }
}

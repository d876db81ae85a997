package se.rjh.tidplan.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.solver.TidplanConstraintProvider;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.Parts;

/**
 * The calendar as an exact model for OR-Tools CP-SAT: the same hard rules as hard constraints and the same
 * soft objective, term for term, so that its optimum (or its proven bound) says how far tidplan's local
 * search is from the best calendar there is.
 * <p>
 * Each activity chooses one of its candidate dates (one boolean per date) and each meeting one of its
 * candidate starts; the dates tidplan's value ranges leave out (critical-path bounds) cannot be in any
 * feasible calendar, so the optimum is the same. The squared weekly load is written as a sum of odd
 * numbers, 1 + 3 + 5 + ..., one boolean per unit of load, which is exact and keeps the LP relaxation
 * tight. The result is checked by scoring the calendar with tidplan's own constraints.
 */
public final class ReferenceOptimum {

    /** What CP-SAT found: its status, the best objective, the proven bound, and the calendar, scored by tidplan. */
    public record Result(CpSolverStatus status, long objective, long bound, double seconds, Schedule calendar,
            HardSoftLongScore tidplanScore, List<Improvement> improvements) {

        public boolean isOptimal() {
            return status == CpSolverStatus.OPTIMAL;
        }

        /** The best objective when it was found. */
        public record Improvement(long millis, long objective) {
        }

        public String summary() {
            return String.format("CP-SAT %s after %.1f s: best calendar %s soft, bound %s soft; tidplan scores that calendar %s",
                    status, seconds, calendar == null ? "none" : -objective, -bound, tidplanScore);
        }
    }

    private static final int MINUTES_PER_DAY = 24 * 60;

    private final Schedule schedule;
    private final CpModel model = new CpModel();
    private final Map<Activity, Map<LocalDate, BoolVar>> dateChoices = new LinkedHashMap<>();
    private final Map<Meeting, Map<LocalTime, BoolVar>> startChoices = new LinkedHashMap<>();
    private final LinearExprBuilder objective = LinearExpr.newBuilder();

    /** Whether every activity keeps the date and start it has: the model then only checks and scores them. */
    private final boolean asPlaced;

    private ReferenceOptimum(Schedule schedule, boolean asPlaced) {
        this.schedule = schedule;
        this.asPlaced = asPlaced;
    }

    /**
     * {@code java -cp benchmarks/target/tidplan-benchmarks.jar se.rjh.tidplan.benchmarks.ReferenceOptimum
     * [--seconds 600] [--workers N] [--scale 1] [--coupled] [--whole] [--out benchmarks/target/cpsat-calendar.csv]}:
     * the region's calendar, or a generated one of the benchmark's at another scale; the seconds are per part
     * ({@code --whole}: one model of the whole instance, however it splits).
     */
    public static void main(String[] args) {
        int seconds = SolverBenchmarks.intArg(args, "--seconds", 600);
        int workers = SolverBenchmarks.intArg(args, "--workers", Runtime.getRuntime().availableProcessors());
        Path out = Path.of(SolverBenchmarks.stringArg(args, "--out", "benchmarks/target/cpsat-calendar.csv"));
        int scale = SolverBenchmarks.intArg(args, "--scale", 1);
        Schedule instance = SolverBenchmarks.flag(args, "--coupled") ? SolverBenchmarks.coupled(scale).get()
                : SolverBenchmarks.instance(scale).get();
        Result result = SolverBenchmarks.flag(args, "--whole")
                ? new ReferenceOptimum(instance, false).run(Duration.ofSeconds(seconds), workers)
                : solve(instance, Duration.ofSeconds(seconds), workers);
        System.out.println(result.summary());
        if (result.calendar() != null) {
            CalendarCsvWriter.write(result.calendar(), out);
            System.out.println("Calendar written to " + out);
        }
    }

    /**
     * Solves the schedule's calendar to optimality, or until the time limit, and sets the best calendar's
     * dates and starts on the schedule's activities. A schedule of independent parts ({@link Parts}) is solved
     * part by part, each with the limit, and the parts' objectives and bounds are added up: the whole's optimum
     * is the sum of its parts' optima, and one model per part is far smaller for CP-SAT than one of the whole.
     */
    public static Result solve(Schedule schedule, Duration limit, int workers) {
        List<Parts.Part> parts = Parts.of(schedule);
        if (parts.size() == 1) {
            return new ReferenceOptimum(schedule, false).run(limit, workers);
        }
        long objective = 0;
        long bound = 0;
        double seconds = 0;
        CpSolverStatus status = CpSolverStatus.OPTIMAL;
        for (int i = 0; i < parts.size(); i++) {
            Result part = new ReferenceOptimum(parts.get(i).schedule(schedule, i, parts.size()), false).run(limit, workers);
            seconds += part.seconds();
            bound += part.bound();
            if (part.calendar() == null) {
                return new Result(part.status(), 0, bound, seconds, null, null, List.of());
            }
            objective += part.objective();
            if (!part.isOptimal()) {
                status = CpSolverStatus.FEASIBLE;
            }
        }
        // Each part's calendar is on the whole's own activities: the whole is scored once, as tidplan sees it.
        return new Result(status, objective, bound, seconds, schedule, TidplanSolver.analyze(schedule).score(),
                List.of(new Result.Improvement(Math.round(seconds * 1000), objective)));
    }

    /**
     * The schedule's calendar as it is, through the same model: INFEASIBLE when it breaks a hard rule, else
     * OPTIMAL with its objective. A check that the model and tidplan's constraints agree.
     */
    public static Result evaluate(Schedule schedule) {
        return new ReferenceOptimum(schedule, true).run(Duration.ofSeconds(60), 1);
    }

    private Result run(Duration limit, int workers) {
        Loader.loadNativeLibraries();
        build();
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(limit.toMillis() / 1000.0).setNumWorkers(workers).setRandomSeed(0);
        String invalid = model.validate();
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("invalid CP-SAT model: " + invalid);
        }
        List<Result.Improvement> improvements = new ArrayList<>();
        CpSolverStatus status = solver.solve(model, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                improvements.add(new Result.Improvement(Math.round(wallTime() * 1000), Math.round(objectiveValue())));
            }
        });
        long bound = (long) Math.ceil(solver.bestObjectiveBound());
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Result(status, 0, bound, solver.wallTime(), null, null, improvements);
        }
        Schedule calendar = calendar(solver);
        return new Result(status, Math.round(solver.objectiveValue()), bound, solver.wallTime(), calendar,
                TidplanSolver.analyze(calendar).score(), improvements);
    }

    private void build() {
        for (Activity activity : schedule.getActivities()) {
            choose(activity);
        }
        for (Dependency dependency : schedule.getDependencies()) {
            order(dependency);
        }
        noDoubleBooking();
        evenWorkload();
        model.minimize(objective);
    }

    /** Exactly one allowed date (and start); the hand-made date and wanted time are what the choice costs against. */
    private void choose(Activity activity) {
        long baselineWeight = softWeight(TidplanConstraintProvider.BASELINE);
        long unconfirmedWeight = softWeight(TidplanConstraintProvider.CONFIRMED_SITTING);
        long bookedWeight = softWeight(TidplanConstraintProvider.BOOKED_MEETING);
        Map<LocalDate, BoolVar> dates = new LinkedHashMap<>();
        List<LocalDate> options = asPlaced ? List.of(activity.getDate())
                : activity.isFixed() ? List.of(activity.getBaselineDate()) : activity.getCandidateDates();
        for (LocalDate date : options) {
            if (allowed(activity, date)) {
                BoolVar chosen = model.newBoolVar(activity.getId() + "@" + date);
                dates.put(date, chosen);
                if (activity.getBaselineDate() != null) {
                    objective.addTerm(chosen, baselineWeight
                            * Math.abs(ChronoUnit.DAYS.between(activity.getBaselineDate(), date)));
                }
                // Both depend on the day alone: an unconfirmed sitting of each body, a booked meeting off its day.
                objective.addTerm(chosen, unconfirmedWeight * activity.countUnconfirmedSittingsOn(date)
                        + (activity.isBooked() && activity.getBaselineDate() != null
                                && !date.equals(activity.getBaselineDate()) ? bookedWeight : 0));
            }
        }
        model.addExactlyOne(dates.values().toArray(Literal[]::new)); // no allowed date: the model is infeasible, as the calendar is
        dateChoices.put(activity, dates);
        if (activity instanceof Meeting meeting) {
            long timeWeight = softWeight(TidplanConstraintProvider.MEETING_TIME);
            Map<LocalTime, BoolVar> starts = new LinkedHashMap<>();
            List<LocalTime> startOptions = asPlaced ? List.of(meeting.getStart())
                    : meeting.isFixed() ? List.of(meeting.getPreferredStart()) : meeting.getCandidateStarts();
            for (LocalTime start : startOptions) {
                if (schedule.getOfficeHours().contains(start, start.plusMinutes(meeting.getDurationMinutes()))) {
                    BoolVar chosen = model.newBoolVar(meeting.getId() + "@" + start);
                    starts.put(start, chosen);
                    long minutes = Math.abs(start.toSecondOfDay() - meeting.getPreferredStart().toSecondOfDay()) / 60;
                    objective.addTerm(chosen, timeWeight * ((minutes + 14) / 15));
                }
            }
            model.addExactlyOne(starts.values().toArray(Literal[]::new));
            startChoices.put(meeting, starts);
        }
    }

    /** The rules that depend on the date alone: working day, sitting day of every body, attendees' bodies not sitting, window. */
    private boolean allowed(Activity activity, LocalDate date) {
        if (!activity.isExternal() && !schedule.getCalendar().isWorkingDay(date)) {
            return false;
        }
        if (!activity.bodiesAbsentOn(date).isEmpty() || !activity.attendingBodiesSittingOn(schedule.getBodies(), date).isEmpty()) {
            return false;
        }
        return (activity.getEarliest() == null || !date.isBefore(activity.getEarliest()))
                && (activity.getLatest() == null || !date.isAfter(activity.getLatest()));
    }

    /** The minimum lag as a hard constraint; the shortfall of the buffer as a cost. */
    private void order(Dependency dependency) {
        LinearExpr gap = LinearExpr.newBuilder()
                .add(dayNumber(dependency.getAfter(), dependency.getUnit()))
                .addTerm(dayNumber(dependency.getBefore(), dependency.getUnit()), -1)
                .build();
        model.addGreaterOrEqual(gap, dependency.getMinLag());
        if (dependency.getBuffer() > 0) {
            IntVar shortfall = model.newIntVar(0, dependency.getBuffer(), "buffer " + dependency);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(shortfall).add(gap).build(),
                    dependency.getMinLag() + dependency.getBuffer());
            objective.addTerm(shortfall, softWeight(TidplanConstraintProvider.BUFFER));
        }
    }

    /** The chosen date as a number: calendar days, or working days, counted from the start of the horizon. */
    private LinearExpr dayNumber(Activity activity, LagUnit unit) {
        WorkingCalendar calendar = schedule.getCalendar();
        LocalDate origin = schedule.getHorizonStart();
        LinearExprBuilder number = LinearExpr.newBuilder();
        dateChoices.get(activity).forEach((date, chosen) -> number.addTerm(chosen, switch (unit) {
            case CALENDAR_DAYS -> ChronoUnit.DAYS.between(origin, date);
            case WORKING_DAYS -> calendar.workingDaysBetween(origin, date);
        }));
        return number.build();
    }

    /** A person's meetings do not overlap: one no-overlap constraint per person over minutes since the horizon start. */
    private void noDoubleBooking() {
        Map<String, List<IntervalVar>> byPerson = new HashMap<>();
        startChoices.forEach((meeting, starts) -> {
            LinearExprBuilder minute = LinearExpr.newBuilder();
            minute.add(LinearExpr.term(dayNumber(meeting, LagUnit.CALENDAR_DAYS), MINUTES_PER_DAY));
            starts.forEach((start, chosen) -> minute.addTerm(chosen, start.toSecondOfDay() / 60));
            // An interval starts at one variable, so the sum gets its own.
            IntVar start = model.newIntVar(Integer.MIN_VALUE, Integer.MAX_VALUE, meeting.getId() + " start");
            model.addEquality(start, minute.build());
            IntervalVar interval = model.newFixedSizeIntervalVar(start, meeting.getDurationMinutes(), meeting.getId());
            for (String person : meeting.getParticipants()) {
                byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(interval);
            }
        });
        byPerson.values().forEach(model::addNoOverlap);
    }

    /**
     * The weekly load of each unit, squared: load² = 1 + 3 + ... + (2·load − 1), one boolean per unit of
     * load an activity could bring to the week, the costlier ones only on once the cheaper are.
     */
    private void evenWorkload() {
        long weight = softWeight(TidplanConstraintProvider.EVEN_WORKLOAD);
        Map<String, Map<LocalDate, Map<Activity, List<Literal>>>> byUnitAndWeek = new LinkedHashMap<>();
        dateChoices.forEach((activity, dates) -> {
            if (!activity.getUnit().isEmpty()) {
                dates.forEach((date, chosen) -> byUnitAndWeek
                        .computeIfAbsent(activity.getUnit(), unit -> new LinkedHashMap<>())
                        .computeIfAbsent(WorkingCalendar.weekOf(date), week -> new LinkedHashMap<>())
                        .computeIfAbsent(activity, a -> new ArrayList<>()).add(chosen));
            }
        });
        byUnitAndWeek.forEach((unit, weeks) -> weeks.forEach((week, activities) -> {
            long weekWeight = weight * schedule.getCalendar().weekWeight(week);
            LinearExprBuilder load = LinearExpr.newBuilder();
            activities.values().forEach(chosen -> chosen.forEach(load::add));
            BoolVar previous = null;
            for (int k = 1; k <= activities.size(); k++) {
                BoolVar step = model.newBoolVar(unit + " " + week + " load " + k);
                load.addTerm(step, -1);
                objective.addTerm(step, weekWeight * (2L * k - 1));
                if (previous != null) {
                    model.addImplication(step, previous);
                }
                previous = step;
            }
            model.addEquality(load.build(), 0);
        }));
    }

    /** A soft constraint's weight as the dataset sets it; 1 where it sets none. */
    private long softWeight(String constraint) {
        HardSoftLongScore weight = schedule.getConstraintWeightOverrides().getConstraintWeight(constraint);
        return weight == null ? 1 : weight.softScore();
    }

    /** The chosen dates and starts, set on the schedule's activities. */
    private Schedule calendar(CpSolver solver) {
        for (Activity activity : schedule.getActivities()) {
            dateChoices.get(activity).forEach((date, chosen) -> {
                if (solver.booleanValue(chosen)) {
                    activity.setDate(date);
                }
            });
            if (activity instanceof Meeting meeting) {
                startChoices.get(meeting).forEach((start, chosen) -> {
                    if (solver.booleanValue(chosen)) {
                        meeting.setStart(start);
                    }
                });
            }
        }
        return schedule;
    }
}

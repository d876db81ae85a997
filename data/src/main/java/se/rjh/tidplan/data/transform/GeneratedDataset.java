package se.rjh.tidplan.data.transform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * Larger instances of the same shape, for benchmarks and tests: the region's calendar repeated for
 * {@code scale} organisations (a county's municipalities, a bigger region's committees), each with its
 * own bodies, sittings, units and directors, the same chains, SKR dates and Swedish holidays. Each copy
 * gets extra sitting days near its own ones and jittered hand-made dates, from a seed, so the copies
 * differ and the same seed gives the same instance.
 * <p>
 * Feasible by construction: given a calendar of the region's own dataset that keeps every hard rule (the
 * search's earliest-feasible one), each copy has all of the original's sitting days (extra ones only add
 * choice) and its own directors (no meeting of one copy can clash with another's), so that calendar, copied,
 * keeps them too.
 * <p>
 * A coupled instance is the same but for what its organisations share, as a region's administrations share
 * their centre: one council (RF, its sittings the region's), one central planning unit (PoU, whose weekly load
 * then counts every organisation's work) and one regional director (RD) in every budget dialogue. Nothing then
 * splits it into independent parts, and it is not feasible by construction: the director's dialogues of all the
 * organisations must find times that do not clash.
 */
public final class GeneratedDataset {

    /** The instance, and the calendar known to be feasible (dates and meeting starts, by activity id). */
    public record Result(Dataset dataset, Map<String, LocalDate> knownDates, Map<String, LocalTime> knownStarts) {
    }

    private GeneratedDataset() {
    }

    /** The council, the central unit and the person a coupled instance's organisations share, and where he sits. */
    static final String SHARED_BODY = "RF";
    static final String SHARED_UNIT = "PoU";
    static final String SHARED_PERSON = "RD";
    static final String SHARED_PERSON_MEETS_IN = "Budgetdialog";

    /**
     * {@code scale} copies of {@code template}, whose activities' dates (and meetings' starts) must be a
     * calendar that keeps every hard rule: it becomes the known feasible calendar of every copy.
     */
    public static Result generate(Dataset template, int scale, long seed) {
        return generate(template, scale, seed, false);
    }

    /** The same, {@code coupled}: the copies share RF, the PoU unit and the director of the budget dialogues. */
    public static Result generate(Dataset template, int scale, long seed, boolean coupled) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be 1 or more, not " + scale);
        }
        Schedule source = template.schedule();
        WorkingCalendar calendar = source.getCalendar();
        Random random = new Random(seed);
        List<Body> bodies = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Map<String, LocalDate> knownDates = new HashMap<>();
        Map<String, LocalTime> knownStarts = new HashMap<>();
        Map<String, Body> first = new LinkedHashMap<>();
        for (int copy = 0; copy < scale; copy++) {
            String suffix = copy == 0 ? "" : "#" + (copy + 1);
            Map<String, Body> copied = new LinkedHashMap<>();
            for (Body body : source.getBodies()) {
                if (coupled && copy > 0 && body.getCode().equals(SHARED_BODY)) {
                    copied.put(body.getCode(), first.get(body.getCode()));
                    continue;
                }
                TreeMap<LocalDate, Sitting> sittings = new TreeMap<>();
                body.getSittings().forEach(day -> sittings.put(day, body.getSitting(day)));
                if (copy > 0) {
                    for (LocalDate day : body.getSittings()) {
                        if (random.nextInt(3) == 0) {
                            LocalDate extra = jitter(calendar, day, random);
                            if (!extra.isBefore(source.getHorizonStart()) && !extra.isAfter(source.getHorizonEnd())) {
                                sittings.putIfAbsent(extra, Sitting.of(SittingSource.ASSUMED, "generated near " + day));
                            }
                        }
                    }
                }
                Body made = new Body(body.getCode() + suffix, body.getName() + suffix, sittings);
                copied.put(body.getCode(), made);
                bodies.add(made);
            }
            if (copy == 0) {
                first.putAll(copied);
            }
            Map<Activity, Activity> next = new IdentityHashMap<>();
            for (Activity activity : source.getActivities()) {
                Activity c = activity.copyAs(activity.getId() + suffix, activity.getName());
                c.setBodies(activity.getBodies().stream().map(b -> copied.get(b.getCode())).toList());
                boolean sharedUnit = coupled && activity.getUnit().equals(SHARED_UNIT);
                c.setUnit(activity.getUnit().isEmpty() || sharedUnit ? activity.getUnit() : activity.getUnit() + suffix);
                if (c instanceof Meeting meeting && copy > 0) {
                    boolean dialogue = coupled && activity.getName().startsWith(SHARED_PERSON_MEETS_IN);
                    Set<String> people = new LinkedHashSet<>();
                    meeting.getParticipants().forEach(person ->
                            people.add(dialogue && person.equals(SHARED_PERSON) ? person : person + suffix));
                    meeting.setParticipants(people);
                }
                if (copy > 0 && !activity.isFixed() && activity.getBaselineDate() != null) {
                    // Jittered, but inside the horizon: a hand-made date outside it is a dataset no calendar meets.
                    LocalDate jittered = activity.getBaselineDate().plusDays(random.nextInt(7) - 3);
                    c.setBaselineDate(jittered.isBefore(source.getHorizonStart()) ? source.getHorizonStart()
                            : jittered.isAfter(source.getHorizonEnd()) ? source.getHorizonEnd() : jittered);
                }
                knownDates.put(c.getId(), activity.getDate());
                if (activity.getStart() != null) {
                    knownStarts.put(c.getId(), activity.getStart());
                }
                next.put(activity, c);
                activities.add(c);
            }
            for (Dependency d : source.getDependencies()) {
                dependencies.add(d.between(next.get(d.getBefore()), next.get(d.getAfter())));
            }
        }
        Settings settings = template.settings();
        String name = source.getName() + (scale == 1 ? "" : ", " + scale + (coupled ? " coupled" : "") + " organisations (seed "
                + seed + ")");
        Schedule schedule = new Schedule(name, source.getHorizonStart(), source.getHorizonEnd(),
                source.getTimeStepMinutes(), calendar, source.getOfficeHours(), bodies, dependencies, activities,
                source.getConstraintWeightOverrides());
        Settings generated = new Settings(name, settings.horizon(), settings.officeHours(), settings.timeStepMinutes(),
                settings.weakPeriods(), settings.weakWeekWeight(), settings.weights(),
                new Settings.SolverBudget(settings.solver().seconds(), settings.solver().moves() * scale, seed,
                        settings.solver().until()), settings.namedBuffers(), settings.budgetProposalInNovember());
        return new Result(new Dataset(generated, schedule, List.of(), List.of(), Map.of(), template.settingsFile()),
                knownDates, knownStarts);
    }

    /** A sitting moved up to two working days either way, as another organisation would set it. */
    private static LocalDate jitter(WorkingCalendar calendar, LocalDate day, Random random) {
        return calendar.plusWorkingDays(day, random.nextInt(5) - 2);
    }
}

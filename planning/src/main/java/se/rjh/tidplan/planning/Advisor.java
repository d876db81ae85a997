package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * What would help after a change does damage: the fixes a planner can make (an extra sitting of a body near
 * the damage, an existing sitting moved there, a preliminary SKR date confirmed a little earlier or later, a pin
 * released), each tried by re-planning with it as the change was re-planned (past frozen, only what is forced
 * moving or the rest improved too, the same quick search, in parallel on the cores), and the best few returned,
 * fewest moves first. A fix never puts a sitting on a day off, outside the horizon or in the frozen past.
 */
public final class Advisor {

    /** How far from the damage an extra or moved sitting is looked for, in working days either side. */
    static final int REACH_WORKING_DAYS = 5;
    /** How far a preliminary SKR date may be confirmed earlier or later, in working days. */
    static final int FORECAST_REACH_WORKING_DAYS = 3;

    /** A fix: changes added to the planner's own, and changes of theirs taken back (a released pin). */
    public record Fix(List<Replanner.Change> added, List<Replanner.Change> dropped) {
        List<Replanner.Change> applyTo(List<Replanner.Change> changes) {
            List<Replanner.Change> all = new ArrayList<>(changes);
            all.removeAll(dropped);
            all.addAll(added);
            return all;
        }
    }

    /**
     * A fix and what the re-plan with it gives: how many activities move, the calendar's score under its rules,
     * whether every rule holds.
     */
    public record Advice(Fix fix, int moved, int movedWithout, HardSoftLongScore score, boolean keepsTheRules) {
    }

    private Advisor() {
    }

    /**
     * The best {@code count} fixes for the damage {@code changes} did ({@code damage}, the re-plan without a fix):
     * each candidate is re-planned on a fresh copy of the dataset with the same search; only fixes that keep every
     * rule from {@code today} on and move fewer activities than the change alone (or, when it left the calendar
     * infeasible, make it feasible) are advice.
     */
    public static List<Advice> advise(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<Replanner.Change> changes, Replanner.Result damage, TidplanSolver.Options options, int count) {
        Schedule damaged = damage.solved().schedule();
        List<Fix> candidates = candidates(damaged, today, changes, damage);
        int threads = Math.max(1, Math.min(candidates.size(), options.threads()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<Advice>>> tried = new ArrayList<>();
            for (Fix fix : candidates) {
                tried.add(pool.submit(() -> attempt(dataset, baseline, today, changes, fix, damage, options)));
            }
            List<Advice> advice = new ArrayList<>();
            for (Future<Optional<Advice>> attempt : tried) {
                attempt.get().ifPresent(advice::add);
            }
            // The planner's own changes are kept where a fix can: a released pin comes after every other fix.
            advice.sort(Comparator.comparing((Advice a) -> !a.fix().dropped().isEmpty()).thenComparingInt(Advice::moved)
                    .thenComparing(Advice::score, Comparator.reverseOrder()).thenComparing(a -> a.fix().toString()));
            return advice.stream().limit(count).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while advising", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<Advice> attempt(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<Replanner.Change> changes, Fix fix, Replanner.Result damage, TidplanSolver.Options options) {
        Replanner.Result result;
        try {
            result = Replanner.replan(dataset, baseline, today, fix.applyTo(changes), damage.improve(), options,
                    best -> { }, StopSignal.none());
        } catch (Replanner.InvalidChange notPossible) {
            return Optional.empty();
        }
        boolean helps = result.futureKeepsTheRules()
                && (!damage.futureKeepsTheRules() || result.moves().size() < damage.moves().size());
        return helps ? Optional.of(new Advice(fix, result.moves().size(), damage.moves().size(),
                result.score(), result.futureKeepsTheRules())) : Optional.empty();
    }

    /**
     * The fixes worth trying, nearest the damage first: sittings of the bodies whose sitting the change took away
     * and of the activities that lost their sitting or still break a rule, on working days near the date they
     * had; the body's next sitting brought there instead; a preliminary SKR date a moved activity waits for,
     * confirmed a little earlier or later; each pin of the change released.
     */
    static List<Fix> candidates(Schedule schedule, LocalDate today, List<Replanner.Change> changes, Replanner.Result damage) {
        Map<String, Activity> byId = schedule.getActivities().stream().collect(Collectors.toMap(Activity::getId, a -> a));
        Set<Damage> places = new LinkedHashSet<>();
        for (Replanner.Change change : changes) {
            if (change instanceof Replanner.CancelSitting cancel) {
                places.add(new Damage(cancel.body(), cancel.date()));
            } else if (change instanceof Replanner.MoveSitting move) {
                places.add(new Damage(move.body(), move.from()));
            }
        }
        for (Replanner.Moved move : damage.moves()) {
            if (move.why() instanceof Replanner.BodyNoLongerSits && move.oldDate() != null) {
                move.bodies().forEach(body -> places.add(new Damage(body, move.oldDate())));
            }
        }
        for (Replanner.Blocker blocker : damage.blockers()) {
            for (String id : blocker.finding().activityIds()) {
                Activity activity = byId.get(id);
                if (activity != null && !activity.isExternal()) {
                    activity.getBodies().forEach(body -> places.add(new Damage(body.getCode(), activity.getDate())));
                }
            }
        }
        // A fix never simply undoes the change: no sitting back on a day the change took away.
        Set<Damage> takenAway = new LinkedHashSet<>();
        changes.forEach(change -> {
            if (change instanceof Replanner.CancelSitting cancel) {
                takenAway.add(new Damage(cancel.body(), cancel.date()));
            } else if (change instanceof Replanner.MoveSitting move) {
                takenAway.add(new Damage(move.body(), move.from()));
            }
        });
        Set<Fix> fixes = new LinkedHashSet<>();
        for (Damage place : places) {
            Optional<Body> body = schedule.getBodies().stream().filter(b -> b.getCode().equals(place.body())).findFirst();
            if (body.isEmpty()) {
                continue;
            }
            List<LocalDate> days = near(schedule, today, place.date(), REACH_WORKING_DAYS).stream()
                    .filter(d -> !body.get().sitsOn(d) && !takenAway.contains(new Damage(place.body(), d))).toList();
            days.forEach(d -> fixes.add(new Fix(List.of(new Replanner.AddSitting(place.body(), d)), List.of())));
            body.get().getSittings().stream().filter(d -> d.isAfter(place.date())).findFirst().ifPresent(next ->
                    days.forEach(d -> fixes.add(new Fix(List.of(new Replanner.MoveSitting(place.body(), next, d)), List.of()))));
        }
        Set<String> moved = damage.moves().stream().map(Replanner.Moved::id).collect(Collectors.toSet());
        schedule.getDependencies().stream()
                .filter(d -> d.getBefore().isExternal() && moved.contains(d.getAfter().getId()))
                .map(d -> d.getBefore().getDate()).distinct().sorted()
                .forEach(forecast -> near(schedule, today, forecast, FORECAST_REACH_WORKING_DAYS).stream()
                        .filter(d -> !d.equals(forecast))
                        .forEach(d -> fixes.add(new Fix(List.of(new Replanner.MoveForecast(forecast, d)), List.of()))));
        changes.stream().filter(c -> c instanceof Replanner.Pin)
                .forEach(pin -> fixes.add(new Fix(List.of(), List.of(pin))));
        return List.copyOf(fixes);
    }

    /** Where the damage is: a body's sitting that was, or an activity's date, on which a fix centres. */
    private record Damage(String body, LocalDate date) {
    }

    /** The working days within {@code reach} working days of {@code date} (it too), from today, in the horizon. */
    private static List<LocalDate> near(Schedule schedule, LocalDate today, LocalDate date, int reach) {
        WorkingCalendar calendar = schedule.getCalendar();
        return calendar.workingDays(calendar.plusWorkingDays(date, -reach), calendar.plusWorkingDays(date, reach)).stream()
                .filter(d -> !d.isBefore(today) && !d.isBefore(schedule.getHorizonStart()) && !d.isAfter(schedule.getHorizonEnd()))
                .toList();
    }
}

package se.rjh.tidplan.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.BestScore;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.solver.search.CandidateValues;
import se.rjh.tidplan.solver.search.ChainRepairPhase;
import se.rjh.tidplan.solver.search.ChainShiftMoveFactory;
import se.rjh.tidplan.solver.search.Parts;

/**
 * The one place the solver is configured and run. A solve stops when its search stops improving or after a fixed
 * amount of search work (evaluated moves), so the same dataset and seed give the same calendar on any machine,
 * or at the time limit, whichever comes first; asked to search until stopped, only a stop or the time limit ends
 * it. A schedule of independent parts (see {@link Parts}) is solved part by part, the parts side by side on the
 * cores, each with its share of the move budget.
 */
public final class TidplanSolver {

    /**
     * What a solve is asked to do; {@code threads} is how many independent parts are solved at once;
     * {@code untilStopped} a search that does not end by itself (see {@link #config}).
     */
    public record Options(Duration timeLimit, long moveLimit, long seed, EnvironmentMode mode, int threads,
            boolean untilStopped) {

        public Options {
            if (timeLimit.isZero() || timeLimit.isNegative()) {
                throw new IllegalArgumentException("the time limit must be positive, not " + timeLimit);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("at least one thread, not " + threads);
            }
        }

        /** Ending when done, {@code threads} parts at a time. */
        public Options(Duration timeLimit, long moveLimit, long seed, EnvironmentMode mode, int threads) {
            this(timeLimit, moveLimit, seed, mode, threads, false);
        }

        /** Ending when done, on every core of the machine. */
        public Options(Duration timeLimit, long moveLimit, long seed, EnvironmentMode mode) {
            this(timeLimit, moveLimit, seed, mode, Runtime.getRuntime().availableProcessors());
        }

        /** The same, searching on until stopped or the time limit is up. */
        public Options searchingUntilStopped() {
            return new Options(timeLimit, moveLimit, seed, mode, threads, true);
        }

        /**
         * Without Timefold's own assertions (NO_ASSERT: as reproducible as the default PHASE_ASSERT, whose checks at
         * the end of every phase cost 0.1 s on the region); the calendar found is scored from scratch once, at the
         * end, and must agree (see {@link #sameScore}). Tests ask for FULL_ASSERT where they check the search.
         */
        public static Options of(Duration timeLimit, long moveLimit, long seed) {
            return new Options(timeLimit, moveLimit, seed, EnvironmentMode.NO_ASSERT);
        }
    }


    private TidplanSolver() {
    }

    /** Share of the move budget after which the tabu search hands over to the final descent. */
    private static final double SEARCH_SHARE = 0.9;

    /**
     * The tabu search's steps: each takes the best of this many accepted moves, so that a step is a fixed amount of
     * work however rarely a move improves.
     */
    private static final int TABU_MOVES_PER_STEP = 500;

    /** The repair's steps, as Timefold's tabu search takes them. */
    private static final int REPAIR_MOVES_PER_STEP = 1000;

    /** The single changes a search of the region's calendar may make (every date and start of its 117 activities). */
    private static final long REGION_CHANGES = 6_560;

    /** At most this many halvings of the steps: a step of a search of a few activities still weighs 15 moves. */
    private static final int MOST_HALVINGS = 5;

    /**
     * Steps without a new best calendar after which the tabu search ends: the search is done. Counted in steps,
     * not seconds, so the same seed and budget give the same calendar on any machine. Measured (RESULTS.md,
     * "Stop when done"): on the region and on each part of the generated instances the best calendar comes
     * within a few steps or not at all.
     */
    private static final int UNIMPROVED_STEPS = 10;

    /**
     * The search starts from the hand-made calendar made allowed (see CandidateValues.startFromBaseline).
     * First one pass along the chains repairs the order and the double bookings, moving as little as it can
     * (steps before a decision earlier, rather than decisions to a later sitting); tabu search then fixes
     * whatever hard rule is still broken. A steepest descent over single changes follows (on the region's
     * calendar it alone reaches the optimum), then tabu search with chain shifts to leave that local optimum
     * until it stops improving, and the descent again to settle what it found. Each part was measured against
     * the calendar without it: see benchmarks/RESULTS.md.
     *
     * <p>Searching until stopped, the tabu search has neither a move budget nor an end when it stops improving:
     * only a stop or the time limit ends it, with the best calendar found so far (no descent follows: it would
     * never be reached).
     */
    public static SolverConfig config(Options options) {
        return config(options, 0);
    }

    /**
     * The same for a search {@code halvings} times smaller than the region's (see {@link #halvings}): each tabu step
     * weighs half as many moves for each halving, and the repair gives up after {@link #UNIMPROVED_STEPS} steps
     * without a better calendar (a re-plan whose change no calendar meets would otherwise search its whole budget
     * in vain); the region and anything larger search as tuned.
     */
    static SolverConfig config(Options options, int halvings) {
        LocalSearchPhaseConfig repair = new LocalSearchPhaseConfig();
        TerminationConfig repaired = new TerminationConfig().withBestScoreFeasible(true);
        if (halvings == 0) {
            repair.withLocalSearchType(LocalSearchType.TABU_SEARCH);
        } else {
            // Timefold's tabu search, as LocalSearchType.TABU_SEARCH configures it, in smaller steps.
            repair.withAcceptorConfig(tabuOf(halvings))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(REPAIR_MOVES_PER_STEP >> halvings));
            repaired.withUnimprovedStepCountLimit(UNIMPROVED_STEPS);
        }
        repair.withTerminationConfig(repaired);
        LocalSearchPhaseConfig tabu = new LocalSearchPhaseConfig()
                .withAcceptorConfig(tabuOf(halvings))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(TABU_MOVES_PER_STEP >> halvings))
                .withMoveSelectorConfig(changeAndChainShift());
        if (options.untilStopped()) {
            return domain(options)
                    .withPhases(chainRepair(), repair, steepestDescent(), tabu)
                    .withTerminationConfig(new TerminationConfig().withSpentLimit(options.timeLimit()));
        }
        long searchMoves = Math.max(1, (long) (options.moveLimit() * SEARCH_SHARE));
        tabu.withTerminationConfig(new TerminationConfig().withMoveCountLimit(searchMoves)
                .withUnimprovedStepCountLimit(UNIMPROVED_STEPS));
        return domain(options)
                .withPhases(chainRepair(), repair, steepestDescent(), tabu, steepestDescent())
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(options.timeLimit())
                        .withMoveCountLimit(options.moveLimit()));
    }

    /**
     * The tabu list: a tenth of the activities, as Timefold's tabu search keeps it; in a smaller search a tenth of the
     * region's activities, halved as the search is (a tenth of all the activities, the pinned ones too, would make
     * every activity of a small neighbourhood tabu, and each step search its whole budget for a move it may make).
     */
    private static LocalSearchAcceptorConfig tabuOf(int halvings) {
        LocalSearchAcceptorConfig tabu = new LocalSearchAcceptorConfig();
        return halvings == 0 ? tabu.withEntityTabuRatio(0.1)
                : tabu.withEntityTabuSize(Math.max(1, REGION_TABU_ACTIVITIES >> halvings));
    }

    /** A tenth of the region's 117 activities. */
    private static final int REGION_TABU_ACTIVITIES = 12;

    /**
     * How many times smaller than the region's a search of {@code schedule} is: one halving for each time the single
     * changes it may make (every date and start of the activities not fixed) halve below half the region's, so a
     * re-plan of a neighbourhood of a few activities takes steps its size; 0 for the region and anything larger.
     */
    static int halvings(Schedule schedule) {
        long changes = 0;
        for (Activity activity : schedule.getActivities()) {
            if (!activity.isFixed()) {
                changes += activity.getCandidateDates().size()
                        + (activity instanceof Meeting meeting ? meeting.getCandidateStarts().size() : 0);
            }
        }
        int halvings = 0;
        while (halvings < MOST_HALVINGS && changes << (halvings + 1) <= REGION_CHANGES) {
            halvings++;
        }
        return halvings;
    }

    /** The model, the constraints, the environment and the seed, without phases or termination: for benchmarks. */
    public static SolverConfig domain(Options options) {
        return new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Activity.class, Meeting.class)
                .withConstraintProviderClass(TidplanConstraintProvider.class)
                .withEnvironmentMode(options.mode())
                .withRandomSeed(options.seed());
    }

    /**
     * Single changes (of a date or a start) and chain shifts, picked in proportion to how many there are. The
     * changes are Timefold's default selector, which draws a meeting's date twice as often as another activity's
     * (see {@link #changes}): on 10x that is better than drawing each change equally often (-54,410 to -54,430
     * against -54,550 to -54,580 on seeds 1 to 3, benchmarks/RESULTS.md, "Start-up").
     */
    public static UnionMoveSelectorConfig changeAndChainShift() {
        return new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig(),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(ChainShiftMoveFactory.class));
    }

    /**
     * Every single change once: an activity's date (a meeting's too) or a meeting's start. Named by class and
     * variable because Timefold's default change selector takes a meeting's date twice, once as an activity and
     * once as a meeting: a descent step on the region evaluated 11,589 moves instead of these 6,560.
     */
    public static UnionMoveSelectorConfig changes() {
        return new UnionMoveSelectorConfig().withMoveSelectors(dateChange(), startChange());
    }

    private static ChangeMoveSelectorConfig dateChange() {
        return new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(Activity.class))
                .withValueSelectorConfig(new ValueSelectorConfig(Activity.DATE));
    }

    private static ChangeMoveSelectorConfig startChange() {
        return new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(Meeting.class))
                .withValueSelectorConfig(new ValueSelectorConfig(Meeting.START));
    }

    /** One pass along the chains that moves only what breaks the order or books a person twice. */
    public static CustomPhaseConfig chainRepair() {
        return new CustomPhaseConfig().withCustomPhaseCommands(new ChainRepairPhase());
    }

    /** Every single change of every activity each step, the best one taken, until none improves. */
    public static LocalSearchPhaseConfig steepestDescent() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                .withMoveSelectorConfig(changes().withSelectionOrder(SelectionOrder.ORIGINAL))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(Integer.MAX_VALUE))
                .withTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(1));
    }

    /** Refuses a weight in settings.json that names no soft constraint, so a typo is not silently ignored. */
    public static void checkWeights(Dataset dataset) {
        Set<String> unknown = new TreeSet<>(dataset.schedule().getConstraintWeightOverrides().getKnownConstraintNames());
        unknown.removeAll(TidplanConstraintProvider.SOFT);
        if (!unknown.isEmpty()) {
            throw new InputException(dataset.settingsFile(), 0, "weights",
                    "unknown soft constraint " + unknown + "; the soft constraints are " + TidplanConstraintProvider.SOFT);
        }
    }

    public static SolveResult solve(Schedule problem, Options options, Consumer<BestScore> progress) {
        return solve(problem, options, progress, terminateEarly -> { });
    }

    /**
     * Solves; {@code stop} is handed what ends the search early (the caller runs it on a stop), and the best
     * calendar found so far is returned. A schedule of
     * several independent parts is solved as {@link #solveParts} says, unless the search goes on until stopped:
     * then it is searched whole, since parts take their turns on the cores and a stop would leave the ones not
     * yet started unsearched.
     */
    public static SolveResult solve(Schedule problem, Options options, Consumer<BestScore> progress, Consumer<Runnable> stop) {
        List<Parts.Part> parts = Parts.of(problem);
        boolean whole = parts.size() == 1 || options.untilStopped();
        SolveResult result = whole ? run(factory(options, halvings(problem)), problem, progress, stop)
                : solveParts(problem, parts, options, progress, stop);
        return new SolveResult(result.schedule(), result.analysis(), result.millisSpent(), result.millisToFeasible(),
                result.millisToBest(), result.moveEvaluationSpeed(), result.scoreCalculationSpeed(),
                result.stoppedByTime() || result.millisSpent() >= options.timeLimit().toMillis(), whole ? 1 : parts.size());
    }

    /**
     * Solves each part as a schedule of its own, {@code threads} at a time, largest first: each with the whole's
     * seed and the share of the move budget its size gives it, so the calendar depends on the seed and the
     * budget, never on which thread finished first. The time limit is only the cap: a part starting gets its
     * share of the cores' time that is left (see {@link TimeShares}). The parts' calendars are put back into the
     * whole, which is then scored once more. Progress is the sum of the parts' best scores (they are independent,
     * so that is the whole's score).
     */
    private static SolveResult solveParts(Schedule whole, List<Parts.Part> parts, Options options, Consumer<BestScore> progress,
            Consumer<Runnable> stop) {
        int total = whole.getActivities().size();
        int threads = Math.min(options.threads(), parts.size());
        SolutionManager<Schedule, HardSoftLongScore> scoring = Scoring.MANAGER;
        List<Schedule> schedules = new ArrayList<>();
        // A stop ends the parts running and keeps the others from starting.
        AtomicBoolean stopped = new AtomicBoolean();
        List<Runnable> running = new CopyOnWriteArrayList<>();
        Runnable stopAll = () -> {
            stopped.set(true);
            running.forEach(Runnable::run);
        };
        double[] shares = new double[parts.size()];
        HardSoftLongScore[] latest = new HardSoftLongScore[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            shares[i] = (double) parts.get(i).activities().size() / total;
            Schedule schedule = parts.get(i).schedule(whole, i, parts.size());
            latest[i] = scoring.update(schedule);
            schedules.add(schedule);
        }
        Progress sum = new Progress(latest, progress);
        TimeShares time = new TimeShares(options.timeLimit(), threads);
        stop.accept(stopAll);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Job>> jobs = new ArrayList<>();
        Duration[] limits = new Duration[parts.size()];
        try {
            for (int i = 0; i < parts.size(); i++) {
                int part = i;
                jobs.add(pool.submit(() -> {
                    limits[part] = time.next(shares[part]);
                    if (stopped.get()) {
                        return new Job(schedules.get(part), 0, -1, 0, 0, 0); // stopped before it started: as prepared
                    }
                    Options partOptions = new Options(limits[part], Math.max(1, Math.round(options.moveLimit() * shares[part])),
                            options.seed(), options.mode(), 1);
                    return job(factory(partOptions, halvings(schedules.get(part))),
                            schedules.get(part), best -> sum.improved(part, best.score()), terminateEarly -> {
                                running.add(terminateEarly);
                                if (stopped.get()) {
                                    terminateEarly.run(); // the stop came while this part was being set up
                                }
                            });
                }));
            }
            long moves = 0;
            long scores = 0;
            boolean timed = false;
            HardSoftLongScore found = HardSoftLongScore.ZERO;
            for (int i = 0; i < parts.size(); i++) {
                Job job = jobs.get(i).get();
                found = found.add(job.best().getScore());
                List<Activity> solved = job.best().getActivities();
                List<Activity> original = parts.get(i).activities();
                for (int a = 0; a < original.size(); a++) {
                    original.get(a).setDate(solved.get(a).getDate());
                    if (original.get(a) instanceof Meeting meeting) {
                        meeting.setStart(((Meeting) solved.get(a)).getStart());
                    }
                }
                timed |= job.millis() >= limits[i].toMillis();
                moves += job.moveEvaluationSpeed() * job.millis();
                scores += job.scoreCalculationSpeed() * job.millis();
            }
            long millis = sum.millis();
            ScoreAnalysis<HardSoftLongScore> analysis = sameScore(found, scoring.analyze(whole));
            whole.setScore(analysis.score());
            return new SolveResult(whole, analysis, millis, sum.millisToFeasible(), sum.millisToBest(),
                    moves / Math.max(1, millis), scores / Math.max(1, millis), timed, parts.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll.run();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The time cap of parts solved side by side: a part starting gets the time left, times the threads, in
     * proportion of its size to what is still unsolved (twice that, see {@link #SLACK}), never more than the time
     * left, and at least a second while there is one (a part must at least be repaired). A part that ends early, as
     * most do once their search stops improving, leaves its time to the parts after it. Rounded down to half
     * seconds, so parts share solver factories.
     */
    private static final class TimeShares {
        private static final long GRAIN_MILLIS = 500;
        private static final long LEAST_MILLIS = 1000;
        /** What a part that starts when the time is up still gets: its repair, so that it keeps the hard rules. */
        private static final long LAST_MILLIS = 100;
        /**
         * How many times its fair share a part may take: most parts end long before it, when their search stops
         * improving, and the first ones run on a cold JVM; what they take is taken from the parts after them.
         */
        private static final double SLACK = 2;
        private final long deadline;
        private final int threads;
        private double unsolved = 1;

        TimeShares(Duration limit, int threads) {
            this.deadline = System.nanoTime() + limit.toNanos();
            this.threads = threads;
        }

        synchronized Duration next(double share) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            long fair = Math.min(left, Math.round(SLACK * left * threads * share / Math.max(share, unsolved)));
            unsolved -= share;
            long least = Math.min(LEAST_MILLIS, Math.max(left, LAST_MILLIS));
            return Duration.ofMillis(Math.max(least, fair / GRAIN_MILLIS * GRAIN_MILLIS));
        }
    }

    /** The parts' best scores added up as they improve: the whole's best score, and when it was reached. */
    private static final class Progress {
        private final HardSoftLongScore[] latest;
        private final Consumer<BestScore> consumer;
        private final long started = System.nanoTime();
        private long millisToFeasible = -1;
        private long millisToBest;

        Progress(HardSoftLongScore[] latest, Consumer<BestScore> consumer) {
            this.latest = latest;
            this.consumer = consumer;
            if (total().isFeasible()) {
                millisToFeasible = 0;
            }
        }

        synchronized void improved(int part, HardSoftLongScore score) {
            latest[part] = score;
            HardSoftLongScore total = total();
            millisToBest = millis();
            if (millisToFeasible < 0 && total.isFeasible()) {
                millisToFeasible = millisToBest;
            }
            consumer.accept(new BestScore(millisToBest, total));
        }

        private HardSoftLongScore total() {
            HardSoftLongScore total = HardSoftLongScore.ZERO;
            for (HardSoftLongScore score : latest) {
                total = total.add(score);
            }
            return total;
        }

        long millis() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        synchronized long millisToFeasible() {
            return millisToFeasible;
        }

        synchronized long millisToBest() {
            return millisToBest;
        }
    }

    /** Jobs started, for a problem id of their own: solves side by side share Micrometer's registry. */
    private static final AtomicLong JOBS = new AtomicLong();

    /**
     * Runs one solver configuration on a problem through Timefold's {@link SolverManager}: every new best
     * calendar is told to {@code progress} (on the solver manager's thread, with the time since the start),
     * {@code stop} is handed the job's early end, and the result carries the job's own speeds.
     */
    public static SolveResult run(SolverConfig config, Schedule problem, Consumer<BestScore> progress, Consumer<Runnable> stop) {
        return run(SolverFactory.create(config), problem, progress, stop);
    }

    private static SolveResult run(SolverFactory<Schedule> factory, Schedule problem, Consumer<BestScore> progress,
            Consumer<Runnable> stop) {
        Job job = job(factory, problem, progress, stop);
        HardSoftLongScore found = job.best().getScore();
        ScoreAnalysis<HardSoftLongScore> analysis = analyze(factory, job.best());
        return new SolveResult(job.best(), sameScore(found, analysis), job.millis(), job.millisToFeasible(), job.millisToBest(),
                job.moveEvaluationSpeed(), job.scoreCalculationSpeed(), false, 1);
    }

    /**
     * The analysis of a calendar scored from scratch, when it agrees with the score the search gave it; they can
     * differ only through a bug (an incremental score gone wrong, parts that were not independent), which is
     * thrown rather than written.
     */
    private static ScoreAnalysis<HardSoftLongScore> sameScore(HardSoftLongScore found, ScoreAnalysis<HardSoftLongScore> analysis) {
        if (!analysis.score().equals(found)) {
            throw new IllegalStateException("the search scored its calendar " + found + ", scored from scratch it is "
                    + analysis.score());
        }
        return analysis;
    }

    /** A finished solver job: its best calendar, when it ended, was first feasible and found the best; its speeds. */
    private record Job(Schedule best, long millis, long millisToFeasible, long millisToBest, long moveEvaluationSpeed,
            long scoreCalculationSpeed) {
    }

    private static Job job(SolverFactory<Schedule> factory, Schedule problem, Consumer<BestScore> progress, Consumer<Runnable> stop) {
        long[] feasibleAndBest = {-1, 0};
        // Times count from the moment the job starts solving, as Timefold's own solver events did.
        AtomicLong started = new AtomicLong(System.nanoTime());
        AtomicBoolean finished = new AtomicBoolean();
        try (SolverManager<Schedule, String> manager = SolverManager.create(factory)) {
            SolverJob<Schedule, String> job = manager.solveBuilder()
                    .withProblemId((problem.getName() == null ? "tidplan" : problem.getName()) + " #" + JOBS.incrementAndGet())
                    .withProblem(problem)
                    .withSolverJobStartedEventConsumer(event -> started.set(System.nanoTime()))
                    .withBestSolutionEventConsumer(event -> {
                        HardSoftLongScore score = event.solution().getScore();
                        long millis = (System.nanoTime() - started.get()) / 1_000_000;
                        synchronized (feasibleAndBest) {
                            if (score.isFeasible() && feasibleAndBest[0] < 0) {
                                feasibleAndBest[0] = millis;
                            }
                            feasibleAndBest[1] = millis;
                        }
                        if (!finished.get()) {
                            progress.accept(new BestScore(millis, score));
                        }
                    })
                    .run();
            stop.accept(job::terminateEarly);
            Schedule best = finalBest(job, problem);
            if (best.getScore() == null) {
                // Stopped before its first step: the calendar it was given, which no one has scored yet.
                SolutionManager.<Schedule, HardSoftLongScore>create(factory).update(best);
            }
            finished.set(true);
            long millis = job.getSolvingDuration().toMillis();
            synchronized (feasibleAndBest) {
                if (feasibleAndBest[0] < 0 && best.getScore().isFeasible()) {
                    feasibleAndBest[0] = 0; // the starting calendar was already feasible
                }
                return new Job(best, millis, feasibleAndBest[0], Math.min(feasibleAndBest[1], millis),
                        job.getMoveEvaluationSpeed(), job.getScoreCalculationSpeed());
            }
        }
    }

    /** The job's final best calendar; what went wrong inside the solver is thrown as it was thrown there. */
    private static Schedule finalBest(SolverJob<Schedule, String> job, Schedule problem) {
        try {
            return job.getFinalBestSolution();
        } catch (CancellationException stoppedBeforeItBegan) {
            return problem; // a stop before the job began cancels it: the best calendar is the one it was given
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.terminateEarly();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    /** What went wrong on another thread, as it was thrown there. */
    private static RuntimeException rethrown(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }

    /** Whether a constraint is hard, as its weight in the score analysis says (a soft weight of 0 is still soft). */
    public static boolean isHard(ConstraintAnalysis<HardSoftLongScore> constraint) {
        return constraint.weight().hardScore() != 0;
    }

    /** The constraints of an analysis in the order a user is shown them: hard first, as the provider defines them. */
    public static List<ConstraintAnalysis<HardSoftLongScore>> inOrder(ScoreAnalysis<HardSoftLongScore> analysis) {
        List<ConstraintAnalysis<HardSoftLongScore>> constraints = new ArrayList<>(analysis.constraintAnalyses());
        constraints.sort(Comparator.comparingInt(c -> TidplanConstraintProvider.ALL.indexOf(c.constraintName())));
        return constraints;
    }

    /** Scores a calendar as it is, with the same constraints the solver uses. */
    public static ScoreAnalysis<HardSoftLongScore> analyze(Schedule schedule) {
        return Scoring.MANAGER.analyze(schedule);
    }

    /**
     * The one solution manager that scores calendars: the constraints are the same whatever the search (a dataset's
     * weights travel with its calendar), so they are built once, when first needed.
     */
    private static final class Scoring {
        static final SolutionManager<Schedule, HardSoftLongScore> MANAGER =
                SolutionManager.create(SolverFactory.create(config(Options.of(Duration.ofSeconds(1), 1, 0))));
    }

    /** Solver factories by what is asked of the search; a few at most in a process, so no more are kept. */
    private static final int FACTORIES_KEPT = 16;
    private static final Map<FactoryKey, SolverFactory<Schedule>> FACTORIES = new LinkedHashMap<>(FACTORIES_KEPT, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<FactoryKey, SolverFactory<Schedule>> eldest) {
            return size() > FACTORIES_KEPT;
        }
    };

    private record FactoryKey(Options options, int halvings) {
    }

    /**
     * The solver factory for these options and a search this much smaller than the region's, built once: building
     * one builds the constraints, which a re-plan, a what-if or a part solved the same way need not do again.
     */
    static SolverFactory<Schedule> factory(Options options, int halvings) {
        synchronized (FACTORIES) {
            return FACTORIES.computeIfAbsent(new FactoryKey(options, halvings), k -> SolverFactory.create(config(options, halvings)));
        }
    }

    private static ScoreAnalysis<HardSoftLongScore> analyze(SolverFactory<Schedule> factory, Schedule schedule) {
        SolutionManager<Schedule, HardSoftLongScore> manager = SolutionManager.create(factory);
        return manager.analyze(schedule);
    }

}

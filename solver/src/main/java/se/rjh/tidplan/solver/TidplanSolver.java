package se.rjh.tidplan.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import se.rjh.tidplan.data.read.Dataset;
import se.rjh.tidplan.data.read.DatasetException;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.solver.search.CandidateValues;
import se.rjh.tidplan.solver.search.ChainRepairPhase;
import se.rjh.tidplan.solver.search.ChainShiftMoveFactory;

/**
 * The one place the solver is configured and run. A solve stops after a fixed amount of search work
 * (evaluated moves), so the same dataset and seed give the same calendar on any machine, or at the time
 * limit, whichever comes first.
 */
public final class TidplanSolver {

    /** What a solve is asked to do. */
    public record Options(Duration timeLimit, long moveLimit, long seed, EnvironmentMode mode) {

        public Options {
            if (timeLimit.isZero() || timeLimit.isNegative()) {
                throw new IllegalArgumentException("the time limit must be positive, not " + timeLimit);
            }
        }

        public static Options of(Duration timeLimit, long moveLimit, long seed) {
            return new Options(timeLimit, moveLimit, seed, EnvironmentMode.PHASE_ASSERT);
        }
    }

    /** What a solve found, with the numbers the summary prints. */
    public record Result(Schedule schedule, ScoreAnalysis<HardSoftLongScore> analysis, long millisSpent,
            long millisToFeasible, long millisToBest, long moveEvaluationSpeed, long scoreCalculationSpeed,
            boolean stoppedByTime) {

        public boolean isFeasible() {
            return schedule.getScore().isFeasible();
        }
    }

    private TidplanSolver() {
    }

    /** Share of the move budget after which late acceptance hands over to the final descent. */
    private static final double SEARCH_SHARE = 0.9;

    /**
     * The search starts from the hand-made calendar made allowed (see CandidateValues.startFromBaseline).
     * First one pass along the chains repairs the order and the double bookings, moving as little as it can
     * (steps before a decision earlier, rather than decisions to a later sitting); tabu search then fixes
     * whatever hard rule is still broken. A steepest descent over single changes follows (on the region's
     * calendar it alone nearly reaches the optimum), then late acceptance with chain shifts to leave that
     * local optimum, and the descent again to settle what late acceptance found. Each part was measured
     * against the calendar without it: see benchmarks/RESULTS.md.
     */
    public static SolverConfig config(Options options) {
        long searchMoves = Math.max(1, (long) (options.moveLimit() * SEARCH_SHARE));
        LocalSearchPhaseConfig repair = new LocalSearchPhaseConfig()
                .withLocalSearchType(LocalSearchType.TABU_SEARCH)
                .withTerminationConfig(new TerminationConfig().withBestScoreFeasible(true));
        LocalSearchPhaseConfig lateAcceptance = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(changeAndChainShift())
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(searchMoves));
        return domain(options)
                .withPhases(chainRepair(), repair, steepestDescent(), lateAcceptance, steepestDescent())
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(options.timeLimit())
                        .withMoveCountLimit(options.moveLimit()));
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

    /** Single changes (of a date or a start) and chain shifts, picked in proportion to how many there are. */
    public static UnionMoveSelectorConfig changeAndChainShift() {
        return new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig(),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(ChainShiftMoveFactory.class));
    }

    /** One pass along the chains that moves only what breaks the order or books a person twice. */
    public static CustomPhaseConfig chainRepair() {
        return new CustomPhaseConfig().withCustomPhaseCommands(new ChainRepairPhase());
    }

    /** Every single change of every activity each step, the best one taken, until none improves. */
    public static LocalSearchPhaseConfig steepestDescent() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                .withMoveSelectorConfig(new ChangeMoveSelectorConfig().withSelectionOrder(SelectionOrder.ORIGINAL))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(Integer.MAX_VALUE))
                .withTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(1));
    }

    /** Refuses a weight in settings.json that names no soft constraint, so a typo is not silently ignored. */
    public static void checkWeights(Dataset dataset) {
        Set<String> unknown = new TreeSet<>(dataset.schedule().getConstraintWeightOverrides().getKnownConstraintNames());
        unknown.removeAll(TidplanConstraintProvider.SOFT);
        if (!unknown.isEmpty()) {
            throw new DatasetException(dataset.settingsFile(), 0, "weights",
                    "unknown soft constraint " + unknown + "; the soft constraints are " + TidplanConstraintProvider.SOFT);
        }
    }

    public static Result solve(Schedule problem, Options options, Consumer<BestScore> progress) {
        return solve(problem, options, progress, StopSignal.none());
    }

    /** Solves; a signal stops the search early, and the best calendar found so far is returned. */
    public static Result solve(Schedule problem, Options options, Consumer<BestScore> progress, StopSignal stop) {
        Result result = run(config(options), problem, progress, stop);
        return new Result(result.schedule(), result.analysis(), result.millisSpent(), result.millisToFeasible(),
                result.millisToBest(), result.moveEvaluationSpeed(), result.scoreCalculationSpeed(),
                result.millisSpent() >= options.timeLimit().toMillis());
    }

    /**
     * Runs one solver configuration on a problem through Timefold's {@link SolverManager}: every new best
     * calendar is told to {@code progress} (on the solver manager's thread, with the time since the start),
     * a signal stops the job early, and the result carries the job's own speeds.
     */
    private static final AtomicLong JOBS = new AtomicLong();

    public static Result run(SolverConfig config, Schedule problem, Consumer<BestScore> progress, StopSignal stop) {
        SolverFactory<Schedule> factory = SolverFactory.create(config);
        long[] feasibleAndBest = {-1, 0};
        // Times count from the moment the job starts solving, as Timefold's own solver events did.
        AtomicLong started = new AtomicLong(System.nanoTime());
        AtomicBoolean finished = new AtomicBoolean();
        try (SolverManager<Schedule, String> manager = SolverManager.create(factory)) {
            SolverJob<Schedule, String> job = manager.solveBuilder()
                    // Unique per job: solves run side by side (advice, sweeps, the workspace) share Micrometer's registry.
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
            stop.attach(job::terminateEarly);
            Schedule best = finalBest(job);
            finished.set(true);
            long millis = job.getSolvingDuration().toMillis();
            ScoreAnalysis<HardSoftLongScore> analysis = analyze(factory, best);
            synchronized (feasibleAndBest) {
                if (feasibleAndBest[0] < 0 && best.getScore().isFeasible()) {
                    feasibleAndBest[0] = 0; // the starting calendar was already feasible
                }
                return new Result(best, analysis, millis, feasibleAndBest[0], Math.min(feasibleAndBest[1], millis),
                        job.getMoveEvaluationSpeed(), job.getScoreCalculationSpeed(), false);
            }
        }
    }

    /** The job's final best calendar; what went wrong inside the solver is thrown as it was thrown there. */
    private static Schedule finalBest(SolverJob<Schedule, String> job) {
        try {
            return job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.terminateEarly();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
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
        return analyze(SolverFactory.create(config(Options.of(Duration.ofSeconds(1), 1, 0))), schedule);
    }

    private static ScoreAnalysis<HardSoftLongScore> analyze(SolverFactory<Schedule> factory, Schedule schedule) {
        SolutionManager<Schedule, HardSoftLongScore> manager = SolutionManager.create(factory);
        return manager.analyze(schedule);
    }

    /** A new best calendar was found: when, and its score. */
    public record BestScore(long millisSpent, HardSoftLongScore score) {
    }
}

package se.rjh.tidplan.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.score.director.AbstractScoreDirector;
import ai.timefold.solver.core.impl.solver.DefaultSolverFactory;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * Score calculations per second, as the local search does them: one activity moved to another of its
 * allowed dates, then the incremental score. Timefold's score director is internal API; this benchmark
 * uses it the way the solver does, on the region's calendar and on generated ones 10 and 100 times larger.
 * <p>
 * {@code java -cp benchmarks/target/tidplan-benchmarks.jar org.openjdk.jmh.Main ScoreCalculationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoreCalculationBenchmark {

    @Param({"1", "10", "100"})
    public int scale;

    private AbstractScoreDirector<Schedule, ?, ?> director;
    private List<Activity> movable;
    private Random random;

    @Setup(Level.Trial)
    public void setUp() {
        Schedule schedule = SolverBenchmarks.instance(scale).get();
        DefaultSolverFactory<Schedule> factory = (DefaultSolverFactory<Schedule>) SolverFactory.<Schedule>create(
                TidplanSolver.config(TidplanSolver.Options.of(Duration.ofSeconds(1), 1, 0)));
        director = factory.getScoreDirectorFactory().buildScoreDirector();
        director.setWorkingSolution(schedule);
        director.calculateScore();
        movable = schedule.getActivities().stream().filter(a -> !a.isFixed() && a.getCandidateDates().size() > 1).toList();
        random = new Random(0);
    }

    @Benchmark
    public Object moveOneActivityAndScore() {
        Activity activity = movable.get(random.nextInt(movable.size()));
        List<LocalDate> dates = activity.getCandidateDates();
        director.beforeVariableChanged(activity, "date");
        activity.setDate(dates.get(random.nextInt(dates.size())));
        director.afterVariableChanged(activity, "date");
        return director.calculateScore();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        director.close();
    }
}

package se.rjh.tidplan.planning;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.Dataset;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.transform.CalendarImporter;
import se.rjh.tidplan.data.transform.GeneratedDataset;
import se.rjh.tidplan.data.transform.RollForward;
import se.rjh.tidplan.solver.StopSignal;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.ChainScheduler;
import se.rjh.tidplan.solver.search.ElectionYearBudget;
import se.rjh.tidplan.solver.search.Preparation;

/**
 * The application's services: the one door every front end goes through (the command line today, the web
 * workspace next). Inputs and outputs are typed values: datasets and calendars as read, changes as
 * {@link Replanner.Change} records, scores as {@code HardSoftLongScore}, findings with their constraint and
 * activities. Nothing here prints or knows a command-line option.
 */
public final class Planner {

    /** How hard to search: an upper bound on time, the move budget that makes a solve repeatable, the seed. */
    public record Search(Duration timeLimit, long moveLimit, long seed) {

        /** The dataset's own settings ({@code solver} in settings.json), a {@code share}-th of the moves. */
        public static Search of(Dataset dataset, int share) {
            var solver = dataset.settings().solver();
            return new Search(Duration.ofSeconds(solver.seconds()), Math.max(1, solver.moves() / share), solver.seed());
        }

        TidplanSolver.Options options() {
            return TidplanSolver.Options.of(timeLimit, moveLimit, seed);
        }
    }

    /** What a dataset needs a look at before solving: its warnings, what to review once, what no calendar meets. */
    public record Validation(List<String> warnings, List<String> reviews, List<String> unmeetable) {
        public boolean ready() {
            return unmeetable.isEmpty();
        }
    }

    /** A solve running in the background: its result when it ends, and a way to stop it early. */
    public record Solving(CompletableFuture<TidplanSolver.Result> result, StopSignal stop) {
        /** Stops the search; the result is then the best calendar found so far. */
        public void requestStop() {
            stop.request();
        }
    }

    private Planner() {
    }

    /**
     * Reads a dataset directory, or the embedded region's dataset for {@code null}, checks its weights, and
     * prepares it for the search (see {@link Preparation}).
     */
    public static Dataset load(Path directory) {
        Dataset dataset = directory == null ? DatasetReader.readDefault() : DatasetReader.read(directory);
        TidplanSolver.checkWeights(dataset);
        Preparation.prepare(dataset.schedule());
        return dataset;
    }

    /** A loaded dataset's warnings, what to review, and what no calendar can meet. */
    public static Validation validate(Dataset dataset) {
        return new Validation(dataset.warnings(), dataset.reviews(),
                Preparation.unmeetable(dataset.schedule(), dataset.rows()));
    }

    /** Plans the dataset's calendar; every new best score goes to {@code progress}; {@code stop} ends it early. */
    public static TidplanSolver.Result solve(Dataset dataset, Search search, Consumer<TidplanSolver.BestScore> progress,
            StopSignal stop) {
        return TidplanSolver.solve(dataset.schedule(), search.options(), progress, stop);
    }

    /** The same, on another thread: for a front end that stays responsive and shows the progress live. */
    public static Solving solveInBackground(Dataset dataset, Search search, Consumer<TidplanSolver.BestScore> progress) {
        StopSignal stop = StopSignal.none();
        return new Solving(CompletableFuture.supplyAsync(() -> solve(dataset, search, progress, stop)), stop);
    }

    /** Re-plans a calendar after the changes, the past before {@code today} frozen; says why each activity moved. */
    public static Replanner.Result replan(Dataset dataset, CalendarFile.Content baseline, LocalDate today,
            List<Replanner.Change> changes, Search search, Consumer<TidplanSolver.BestScore> progress, StopSignal stop) {
        return Replanner.replan(dataset, baseline, today, changes, search.options(), progress, stop);
    }

    /** What is wrong with a calendar under the dataset's rules, rule by rule, without changing it. */
    public static CalendarExplainer.Explanation explain(Dataset dataset, CalendarFile.Content calendar) {
        return CalendarExplainer.explain(dataset, calendar);
    }

    /** Two calendars under the same rules: each rule's score, what moved, each unit's weekly load. */
    public static CalendarComparison.Comparison compare(Supplier<Dataset> rules, CalendarFile.Content a,
            CalendarFile.Content b) {
        // Each calendar is placed on a dataset of its own: scoring puts the calendar's dates on its activities.
        return CalendarComparison.compare(CalendarExplainer.score(rules.get(), a), CalendarExplainer.score(rules.get(), b));
    }

    /** Next year's dataset; {@code sittings} (CSV of Body, Date) gives the decided sitting days, or null to roll them. */
    public static RollForward.Result rollForward(Dataset dataset, int year, Path sittings) {
        RollForward.Result rolled = RollForward.roll(dataset, year, sittings);
        List<String> notes = new ArrayList<>(rolled.notes());
        notes.addAll(ElectionYearBudget.place(rolled.schedule()));
        return new RollForward.Result(rolled.settings(), rolled.schedule(), notes);
    }

    /** A first dataset from a hand-made calendar. */
    public static CalendarImporter.Result importCalendar(CalendarFile.Content calendar, String name) {
        return CalendarImporter.toDataset(calendar, name);
    }

    /** A larger instance of the region's shape, {@code scale} organisations, feasible by construction. */
    public static GeneratedDataset.Result generate(int scale, long seed) {
        Dataset region = load(null);
        ChainScheduler.earliest(region.schedule());
        GeneratedDataset.Result generated = GeneratedDataset.generate(region, scale, seed);
        Preparation.prepare(generated.dataset().schedule());
        return generated;
    }
}

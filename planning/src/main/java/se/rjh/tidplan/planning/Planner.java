package se.rjh.tidplan.planning;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.data.transform.CalendarImporter;
import se.rjh.tidplan.data.transform.GeneratedDataset;
import se.rjh.tidplan.data.transform.RollForward;
import se.rjh.tidplan.data.write.EditedDataset;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.BestScore;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.CandidateValues;
import se.rjh.tidplan.solver.search.ChainScheduler;
import se.rjh.tidplan.solver.search.ElectionYearBudget;
import se.rjh.tidplan.solver.search.Preparation;

/**
 * The application's services: the one door every front end goes through (the command line and the web
 * workspace). Inputs and outputs are typed values: datasets and calendars as read, changes as
 * {@link Replanner.Change} records, scores as {@code HardSoftLongScore}, findings with their constraint and
 * activities. Nothing here prints or knows a command-line option.
 */
public final class Planner {

    /**
     * How hard to search: an upper bound on time, the move budget that makes a solve repeatable, the seed,
     * whether the search goes on until stopped instead of ending when it stops improving, and on how many cores
     * (independent parts solved side by side, fixes tried for advice at once).
     */
    public record Search(Duration timeLimit, long moveLimit, long seed, boolean untilStopped, int cores) {

        public Search {
            if (cores < 1) {
                throw new IllegalArgumentException("at least one core, not " + cores);
            }
        }

        /** A search that ends when done, on every core of the machine. */
        public Search(Duration timeLimit, long moveLimit, long seed) {
            this(timeLimit, moveLimit, seed, false, Runtime.getRuntime().availableProcessors());
        }

        /**
         * The dataset's own settings ({@code solver} in settings.json), a {@code share}-th of the moves, on every
         * core. Only a full solve ({@code share} 1) searches until stopped when the settings ask for it: a re-plan,
         * a what-if or advice is an answer someone waits for, so it always ends when done.
         */
        public static Search of(Dataset dataset, int share) {
            var solver = dataset.settings().solver();
            return new Search(Duration.ofSeconds(solver.seconds()), Math.max(1, solver.moves() / share), solver.seed(),
                    share == 1 && solver.until() == Settings.Until.STOPPED, Runtime.getRuntime().availableProcessors());
        }

        /** The same search, going on until stopped or the time limit is up. */
        public Search searchingUntilStopped() {
            return new Search(timeLimit, moveLimit, seed, true, cores);
        }

        /** The same search on at most {@code cores} cores: what a server that shares its cores gives each job. */
        public Search onCores(int cores) {
            return new Search(timeLimit, moveLimit, seed, untilStopped, cores);
        }

        TidplanSolver.Options options() {
            TidplanSolver.Options options = new TidplanSolver.Options(timeLimit, moveLimit, seed,
                    TidplanSolver.Options.of(timeLimit, moveLimit, seed).mode(), cores);
            return untilStopped ? options.searchingUntilStopped() : options;
        }
    }

    /**
     * What a dataset needs a look at before solving: its warnings, what to review once, what no calendar meets,
     * the activities bound by nothing but the working day (no order, sitting, window, pin, shared person),
     * which the solver may put on any working day its soft rules like, and the sitting days still to confirm.
     */
    public record Validation(List<String> warnings, List<String> reviews, List<String> unmeetable, List<Activity> unbound,
            List<String> toConfirm) {
        public boolean ready() {
            return unmeetable.isEmpty();
        }
    }

    /**
     * The share of a full solve's move budget a re-plan gets (and each what-if of a sweep, each fix tried for
     * advice): it starts from a finished calendar, so a thirtieth is plenty.
     */
    public static final int REPLAN_SHARE = 30;

    /** A solve running in the background: its result when it ends, and a way to stop it early. */
    public record Solving(CompletableFuture<SolveResult> result, StopSignal stop) {
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
        return prepared(directory == null ? DatasetReader.readDefault() : DatasetReader.read(directory));
    }

    /** The same for a dataset's files from elsewhere (a scenario in the workspace's database). */
    public static Dataset loadFrom(DatasetSource source) {
        return prepared(DatasetReader.read(source));
    }

    private static Dataset prepared(Dataset dataset) {
        TidplanSolver.checkWeights(dataset);
        Preparation.prepare(dataset.schedule());
        return dataset;
    }

    /** A loaded dataset's warnings, what to review, what no calendar can meet, and the sitting days to confirm. */
    public static Validation validate(Dataset dataset) {
        return new Validation(dataset.warnings(), dataset.reviews(),
                Preparation.unmeetable(dataset.schedule(), dataset.rows()), unbound(dataset.schedule()),
                toConfirm(dataset.schedule()));
    }

    /**
     * The sitting days a body has yet to confirm (Source assumed, to confirm or added), one line for each body,
     * Source and Note: "RF 2022-11-08: added: ...", "CLG 2021-05-17, 2021-05-24: assumed: CLG meets on Mondays".
     */
    private static List<String> toConfirm(Schedule schedule) {
        List<String> lines = new ArrayList<>();
        for (Body body : schedule.getBodies()) {
            Map<String, List<String>> daysByNote = new LinkedHashMap<>();
            for (LocalDate day : body.getSittings()) {
                Sitting sitting = body.getSitting(day);
                if (sitting.toConfirm()) {
                    daysByNote.computeIfAbsent(sitting.describe(), n -> new ArrayList<>()).add(day.toString());
                }
            }
            daysByNote.forEach((note, days) -> lines.add(body.getCode() + " " + String.join(", ", days) + ": " + note));
        }
        return lines;
    }

    private static List<Activity> unbound(Schedule schedule) {
        Set<Activity> ordered = new HashSet<>();
        schedule.getDependencies().forEach(d -> {
            ordered.add(d.getBefore());
            ordered.add(d.getAfter());
        });
        return schedule.getActivities().stream()
                .filter(a -> !a.isFixed() && a.getBodies().isEmpty() && a.getEarliest() == null && a.getLatest() == null)
                .filter(a -> !ordered.contains(a))
                .filter(a -> !(a instanceof Meeting meeting) || meeting.getParticipants().isEmpty())
                .toList();
    }

    /**
     * The dataset with its past fixed: every activity that {@code calendar} (or, when null, the dataset itself) has
     * on a day before {@code today} stays on that day, at that time; it happened. Pinned in the model, so no search
     * can move it whatever its costs say. Returns the same dataset, ready to solve.
     */
    public static Dataset freezePast(Dataset dataset, CalendarFile.Content calendar, LocalDate today) {
        Schedule schedule = dataset.schedule();
        Map<Activity, CalendarRow> rows = calendar == null ? Map.of() : CalendarMatch.match(schedule, calendar, new ArrayList<>());
        for (Activity activity : schedule.getActivities()) {
            CalendarRow row = rows.get(activity);
            LocalDate date = row != null ? row.date() : calendar == null ? activity.getBaselineDate() : null;
            if (date == null || !date.isBefore(today)) {
                continue;
            }
            activity.setBaselineDate(date);
            if (row != null && row.start() != null && activity instanceof Meeting meeting) {
                meeting.setPreferredStart(row.start());
            }
            activity.setPinned(true);
        }
        Preparation.prepare(schedule);
        return dataset;
    }

    /**
     * Whether the solved calendar keeps every hard rule from {@code today} on: a rule broken only by activities
     * before it is the frozen past's, which happened and is no one's to re-plan.
     */
    public static boolean keepsTheRulesFrom(SolveResult result, LocalDate today) {
        Map<String, LocalDate> dates = new HashMap<>();
        result.schedule().getActivities().forEach(a -> dates.put(a.getId(), a.getDate()));
        return Rules.inOrder(result.analysis()).stream().filter(c -> c.score().hardScore() < 0)
                .flatMap(c -> c.matches().stream()).map(Rules::finding)
                .allMatch(finding -> finding.inThePast(dates, today));
    }

    /**
     * What a new publication changes for the people concerned: each activity of {@code next} that lies on another
     * day or at another time than in {@code published} (named {@code publishedName} in the notice), or is new.
     */
    public static List<Replanner.Moved> changedSince(Schedule published, String publishedName, Schedule next) {
        Map<String, Activity> before = new HashMap<>();
        published.getActivities().forEach(a -> before.put(a.getId(), a));
        List<Replanner.Moved> moves = new ArrayList<>();
        for (Activity activity : next.getActivities()) {
            Activity old = before.get(activity.getId());
            if (old == null || !old.getDate().equals(activity.getDate())
                    || !java.util.Objects.equals(old.getStart(), activity.getStart())) {
                moves.add(Replanner.Moved.of(activity, old == null ? null : old.getDate(), old == null ? null : old.getStart(),
                        new Replanner.SincePublished(publishedName)));
            }
        }
        moves.sort(Comparator.comparing(Replanner.Moved::newDate).thenComparing(Replanner.Moved::id));
        return moves;
    }

    /** Plans the dataset's calendar; every new best score goes to {@code progress}; {@code stop} ends it early. */
    public static SolveResult solve(Dataset dataset, Search search, Consumer<BestScore> progress,
            StopSignal stop) {
        return TidplanSolver.solve(dataset.schedule(), search.options(), progress, stop::attach);
    }

    /** A repaired calendar, and each activity that had to leave its hand-made date, with the rule that made it. */
    public record Repaired(SolveResult solved, List<Replanner.Moved> moves) {
    }

    /**
     * The hand-made calendar with only its mistakes fixed: every activity stays on its hand-made date and time
     * unless a hard rule forces a move, and then moves as little as it can (the only costs are days and
     * quarter-hours from the hand-made ones; even workload and buffers are not asked for).
     */
    public static Repaired repair(Dataset dataset, Search search, Consumer<BestScore> progress,
            StopSignal stop) {
        Replanner.weighOnlyMoves(dataset.schedule());
        SolveResult solved = solve(dataset, search, progress, stop);
        List<Replanner.Moved> moves = new ArrayList<>();
        for (Activity activity : solved.schedule().getActivities()) {
            LocalDate handMade = activity.getBaselineDate();
            LocalTime wanted = activity instanceof Meeting meeting ? meeting.getPreferredStart() : null;
            boolean moved = handMade != null && !handMade.equals(activity.getDate())
                    || wanted != null && !wanted.equals(activity.getStart());
            if (moved) {
                moves.add(Replanner.Moved.of(activity, handMade, wanted, Replanner.ruleItBroke(solved.schedule(), activity)));
            }
        }
        moves.sort(Comparator.comparing(Replanner.Moved::newDate).thenComparing(Replanner.Moved::id));
        return new Repaired(solved, moves);
    }

    /**
     * The same, on a thread of {@code executor}: for a front end that stays responsive, shows the progress live and
     * bounds how many solves run at once. A stop requested before the solve starts ends it at once.
     */
    public static Solving solveInBackground(Dataset dataset, Search search, Consumer<BestScore> progress,
            Executor executor) {
        StopSignal stop = StopSignal.none();
        return new Solving(CompletableFuture.supplyAsync(() -> solve(dataset, search, progress, stop), executor), stop);
    }

    /**
     * Re-plans a calendar after the changes, the past before {@code today} frozen: only what the changes force moves,
     * or, with {@code improve}, also what the soft goals gain from; says why each activity moved. {@code dataset}
     * gives a fresh copy of the dataset each time it is asked (see {@link Replanner#replan}).
     */
    public static Replanner.Result replan(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<Replanner.Change> changes, boolean improve, Search search, Consumer<BestScore> progress, StopSignal stop) {
        return Replanner.replan(dataset, baseline, today, changes, improve, search.options(), progress, stop);
    }

    /** The same, a minimal re-plan searching as far as {@code reach} says (the whole calendar, to compare with). */
    public static Replanner.Result replan(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<Replanner.Change> changes, boolean improve, Search search, Consumer<BestScore> progress, StopSignal stop,
            Replanner.Reach reach) {
        return Replanner.replan(dataset, baseline, today, changes, improve, search.options(), progress, stop, reach);
    }

    /**
     * The best {@code count} fixes for the damage a change did (see {@link Advisor}), each re-planned as the damage
     * was (minimal, or improving the rest); {@code dataset} gives a fresh copy of the dataset for each fix tried.
     */
    public static List<Advisor.Advice> advise(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<Replanner.Change> changes, Replanner.Result damage, Search search, int count) {
        return Advisor.advise(dataset, baseline, today, changes, damage, search.options(), count);
    }

    /** Many what-ifs against one calendar, {@code threads} at a time (see {@link Sweep}). */
    public static List<Sweep.Outcome> sweep(Supplier<Dataset> dataset, CalendarFile.Content baseline, LocalDate today,
            List<Sweep.WhatIf> whatIfs, Search search, int threads) {
        return Sweep.run(dataset, baseline, today, whatIfs, search.options(), threads);
    }

    /**
     * The dataset a re-plan worked under, written to {@code target}: the source's files as they are, but for the
     * changes (a moved, cancelled or added sitting; SKR's new date; a pinned row), each marked in its row's
     * {@code Note} with the day of the re-plan, so that the next re-plan continues from it. A moved or added
     * sitting is the body's decision: its Source is {@link SittingSource#PROTOCOL}. {@code source} is
     * the dataset directory, or null for the embedded one.
     */
    public static void writeChangedDataset(Path source, List<Replanner.Change> changes, LocalDate today, Path target) {
        String when = " at the re-plan of " + today;
        Map<String, UnaryOperator<EditedDataset.Table>> edits = Map.of(
                DatasetReader.SITTINGS, sittings -> {
                    List<Map<String, String>> rows = new ArrayList<>(sittings.rows());
                    String decided = SittingSource.PROTOCOL.label();
                    for (Replanner.Change change : changes) {
                        if (change instanceof Replanner.MoveSitting move) {
                            rows.stream().filter(r -> move.body().equals(r.get("Body")) && move.from().toString().equals(r.get("Date")))
                                    .forEach(r -> {
                                        r.put("Note", "moved from " + move.from() + when + noted(r.get("Note")));
                                        r.put("Date", move.to().toString());
                                        r.put("Source", decided);
                                    });
                        } else if (change instanceof Replanner.CancelSitting cancel) {
                            rows.removeIf(r -> cancel.body().equals(r.get("Body")) && cancel.date().toString().equals(r.get("Date")));
                        } else if (change instanceof Replanner.AddSitting add) {
                            Map<String, String> row = new LinkedHashMap<>();
                            row.put("Body", add.body());
                            row.put("Date", add.date().toString());
                            row.put("Source", decided);
                            row.put("Note", "added" + when);
                            rows.add(row);
                        }
                    }
                    // A dataset written before the Source and Note columns gets them, so that the changes are marked.
                    List<String> header = new ArrayList<>(sittings.header());
                    DatasetReader.SITTING_COLUMNS.stream().filter(c -> !header.contains(c)).forEach(header::add);
                    return new EditedDataset.Table(header, rows);
                },
                DatasetReader.ACTIVITIES, activities -> {
                    for (Replanner.Change change : changes) {
                        if (change instanceof Replanner.MoveForecast move) {
                            activities.rows().stream().filter(r -> "x".equalsIgnoreCase(r.get("External"))
                                    && move.from().toString().equals(r.get(DatasetReader.DATUM))).forEach(r -> {
                                        r.put(DatasetReader.DATUM, move.to().toString());
                                        r.put("Note", "SKR's date moved from " + move.from() + when + noted(r.get("Note")));
                                    });
                        } else if (change instanceof Replanner.Pin pin) {
                            activities.rows().stream().filter(r -> pin.id().equals(r.get("Id"))).forEach(r -> {
                                r.put(DatasetReader.DATUM, pin.date().toString());
                                r.put("Pinned", "x");
                                r.put("Note", "pinned on " + pin.date() + when + noted(r.get("Note")));
                            });
                        } else if (change instanceof Replanner.Unpin unpin) {
                            activities.rows().stream().filter(r -> unpin.id().equals(r.get("Id"))).forEach(r -> {
                                r.put("Pinned", "");
                                r.put("Note", "unpinned" + when + noted(r.get("Note")));
                            });
                        }
                    }
                    return activities;
                });
        EditedDataset.write(source == null ? DatasetSource.embedded(Dataset.DEFAULT) : DatasetSource.directory(source),
                edits, target);
    }

    private static String noted(String earlier) {
        return earlier == null || earlier.isEmpty() ? "" : "; " + earlier;
    }

    /** The dataset's calendar as it stands, scored with the solver's rules. */
    public static HardSoftLongScore score(Dataset dataset) {
        return TidplanSolver.analyze(dataset.schedule()).score();
    }

    /**
     * The dates each activity could move to, every other activity staying put, without breaking a hard rule of its
     * own: its candidate days (working days its bodies sit, inside its window, after its forecast) that its chain
     * allows; none for a fixed activity. A meeting's people's other meetings are not looked at here; a re-plan
     * checks them.
     */
    public static Map<Activity, List<LocalDate>> possibleDates(Schedule schedule) {
        Map<Activity, CandidateValues.Bounds> fixed = new IdentityHashMap<>();
        schedule.getActivities().forEach(a -> fixed.put(a, new CandidateValues.Bounds(a.getDate(), a.getDate())));
        Map<Activity, CandidateValues.Bounds> chains = CandidateValues.chainWindows(schedule, fixed);
        Map<Activity, List<LocalDate>> possible = new IdentityHashMap<>();
        for (Activity activity : schedule.getActivities()) {
            CandidateValues.Bounds chain = chains.get(activity);
            possible.put(activity, activity.isFixed() ? List.of() : activity.getCandidateDates().stream()
                    .filter(d -> !d.isBefore(chain.earliest()) && !d.isAfter(chain.latest())).toList());
        }
        return possible;
    }

    /** What is wrong with a calendar under the dataset's rules, rule by rule, without changing it. */
    public static CalendarExplainer.Explanation explain(Dataset dataset, CalendarFile.Content calendar) {
        return CalendarExplainer.explain(dataset, calendar);
    }

    /**
     * Two calendars, each under its own dataset's rules (as {@code explain} scores it): each rule's score and the
     * difference, what moved, each unit's weekly load. A calendar re-planned after a sitting moved is judged under
     * the dataset with the moved sitting, the one it was planned for.
     */
    public static CalendarComparison.Comparison compare(Supplier<Dataset> rulesA, CalendarFile.Content a,
            Supplier<Dataset> rulesB, CalendarFile.Content b) {
        // Each calendar is placed on a dataset of its own: scoring puts the calendar's dates on its activities.
        return CalendarComparison.compare(CalendarExplainer.score(rulesA.get(), a), CalendarExplainer.score(rulesB.get(), b));
    }

    /** Next year's dataset; {@code sittings} (CSV of Body, Date) gives the decided sitting days, or null to roll them. */
    public static RollForward.Result rollForward(Dataset dataset, int year, Path sittings) {
        RollForward.Result rolled = RollForward.roll(dataset, year, sittings);
        List<String> notes = new ArrayList<>(rolled.notes());
        notes.addAll(ElectionYearBudget.place(rolled.schedule()));
        return new RollForward.Result(rolled.settings(), rolled.schedule(), rolled.kept(), notes);
    }

    /** A first dataset from a hand-made calendar. */
    public static CalendarImporter.Result importCalendar(CalendarFile.Content calendar, String name) {
        return CalendarImporter.toDataset(calendar, name);
    }

    /** A larger instance of the region's shape, {@code scale} organisations, feasible by construction. */
    public static GeneratedDataset.Result generate(int scale, long seed) {
        return generate(scale, seed, false);
    }

    /** The same, {@code coupled}: organisations sharing RF, the PoU unit and the director (see {@link GeneratedDataset}). */
    public static GeneratedDataset.Result generate(int scale, long seed, boolean coupled) {
        Dataset region = load(null);
        ChainScheduler.earliest(region.schedule());
        GeneratedDataset.Result generated = GeneratedDataset.generate(region, scale, seed, coupled);
        Preparation.prepare(generated.dataset().schedule());
        return generated;
    }
}

package se.rjh.tidplan.workspace;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.cli.ChangeOptions;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.data.write.IcsWriter;
import se.rjh.tidplan.data.write.XlsxWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.pages.YearViewMarks;
import se.rjh.tidplan.pages.YearViewPage;
import se.rjh.tidplan.planning.Advisor;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.StopSignal;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;

/**
 * The planners' workspace as a service: scenarios kept in the {@link ScenarioStore}, and what a planner does
 * with them (solve, stop, re-plan after a change, copy, compare, publish, undo) done through the same
 * {@link Planner} services as the command line. Plain typed records in and out; the web front end is a thin
 * layer over this class.
 */
public final class Workspace {

    /** A scenario as the page lists it; {@code feed} is the published calendar's subscription address (a path). */
    public record Summary(long id, String name, int version, boolean published, Status status, String score,
            Instant savedAt, String what, String feed) {
    }

    /**
     * The published calendar as a feed: what a client caches it by, and the iCalendar text, made only when asked
     * for (a client that has this version already is answered without it).
     */
    public record Feed(String etag, Instant lastModified, java.util.function.Supplier<String> ics) {
    }

    /** Where a scenario's solve is: waiting for a free solver thread, running, or not (ended or never started). */
    public enum Status {
        QUEUED, SOLVING, NOT_SOLVING;

        boolean active() {
            return this != NOT_SOLVING;
        }
    }

    /** A solve in progress or just ended: the best score so far and when it was found. */
    public record Progress(Status status, String bestScore, long millis, String error) {
    }

    /** One activity as the page shows it, with the chain around it. */
    public record ActivityView(String id, String name, LocalDate date, LocalTime start, LocalTime end,
            List<String> processes, List<String> bodies, String unit, List<String> participants, String yearInFocus,
            String comment, LocalDate baseline, LocalDate earliest, LocalDate latest, boolean pinned,
            boolean external, String note, List<Link> before, List<Link> after, List<LocalDate> possibleDates) {
    }

    /** A dependency seen from one end: the other activity, the lag and why. */
    public record Link(String id, int minLag, int buffer, String unit, String reason) {
    }

    /** The calendar of a scenario with what the page needs to draw it. */
    public record CalendarView(Summary scenario, LocalDate start, LocalDate end, List<ActivityView> activities,
            Map<String, List<LocalDate>> sittings, Map<LocalDate, String> daysOff, List<LocalDate> weakWeeks) {
    }

    /**
     * A re-plan's changes in the command line's own syntax, based on a version of the scenario; with
     * {@code advise}, the fixes that would do better are looked for when the change does damage.
     */
    public record ReplanRequest(int version, LocalDate today, List<String> moveSitting, List<String> cancelSitting,
            List<String> addSitting, List<String> moveForecast, List<String> pin, boolean advise) {
    }

    /**
     * What a re-plan did: the new version, its score, every moved activity and why, what it could not meet, and
     * the advice asked for.
     */
    public record Replanned(Summary scenario, List<Replanner.Moved> moves, List<String> blockers, List<AdviceView> advice) {
    }

    /**
     * A fix: in replan's syntax ({@code options}), as request fields to add to the change ({@code add}, e.g.
     * {@code {"addSitting": ["RS:2021-06-08"]}}) and pins to take back ({@code without}), and what it gives.
     */
    public record AdviceView(String options, Map<String, List<String>> add, List<String> without, int moved,
            int movedWithout, String score) {

        static AdviceView of(Advisor.Advice advice) {
            Map<String, List<String>> add = new TreeMap<>();
            advice.fix().added().forEach(change ->
                    add.computeIfAbsent(field(change), k -> new ArrayList<>()).add(ChangeOptions.value(change)));
            List<String> without = advice.fix().dropped().stream().map(ChangeOptions::value).toList();
            return new AdviceView(ChangeOptions.format(advice.fix()), add, without, advice.moved(), advice.movedWithout(),
                    advice.score().toString());
        }

        /** The request field that carries a change of this kind: {@code --add-sitting} is {@code addSitting}. */
        private static String field(Replanner.Change change) {
            String option = ChangeOptions.option(change).substring(2);
            int dash = option.indexOf('-');
            return dash < 0 ? option
                    : option.substring(0, dash) + Character.toUpperCase(option.charAt(dash + 1)) + option.substring(dash + 2);
        }
    }

    /** Where a scenario's calendar CSV and dataset come from in messages. */
    private static String source(long id) {
        return "scenario " + id;
    }

    private final ScenarioStore store;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    /**
     * Re-plans and advice run at most one per core at a time: each is seconds of CPU, and many at once would
     * starve every other request. One that cannot start within {@code busyWaitSeconds} is refused with
     * {@link Busy}, to be tried again.
     */
    private final Semaphore heavy;
    private final int busyWaitSeconds;
    static final int BUSY_WAIT_SECONDS = 10;

    /** A solve of one scenario: its handle, the version it started from, and its latest progress. */
    private static final class Job {
        final int basedOn;
        final String who;
        volatile Planner.Solving solving;
        /** Completes once the solve's calendar is saved (or could not be). */
        volatile CompletableFuture<?> saved;
        volatile Progress progress = new Progress(Status.QUEUED, null, 0, null);
        /** Stopped while still queued: it never runs. Guarded by the job's monitor, as the move out of the queue. */
        private boolean cancelled;

        Job(int basedOn, String who) {
            this.basedOn = basedOn;
            this.who = who;
        }

        /** The solver thread takes the job out of the queue (unless it was stopped there). */
        synchronized void start() {
            if (!cancelled) {
                progress = new Progress(Status.SOLVING, null, 0, null);
            }
        }

        /** Stops the solve: a queued one never starts, a running one ends with its best calendar so far. */
        synchronized void stop() {
            if (progress.status() == Status.QUEUED) {
                cancelled = true;
                solving.result().cancel(false);
            } else {
                solving.requestStop();
            }
        }
    }

    /**
     * The solves run here, one per core at a time; more wait in the queue (shown as {@link Status#QUEUED}) rather
     * than share the cores and all be slow.
     */
    private final ExecutorService solves;

    public Workspace(ScenarioStore store) {
        this(store, Runtime.getRuntime().availableProcessors(), BUSY_WAIT_SECONDS);
    }

    /** With {@code heavyAtOnce} re-plans at a time, each waiting at most {@code busyWaitSeconds} to start. */
    Workspace(ScenarioStore store, int heavyAtOnce, int busyWaitSeconds) {
        this.store = store;
        this.heavy = new Semaphore(heavyAtOnce, true);
        this.busyWaitSeconds = busyWaitSeconds;
        AtomicInteger solvers = new AtomicInteger();
        this.solves = Executors.newFixedThreadPool(heavyAtOnce, task -> {
            Thread thread = new Thread(task, "tidplan-solve-" + solvers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (store.list().isEmpty()) {
            create(DatasetFiles.embeddedDefault(), "Region Jämtland Härjedalen, Tidplan 2021",
                    "Regionens dataset 2021, med Tidplanens egna datum", null);
        }
    }

    /** Whether the scenarios' database answers now. */
    public boolean databaseReachable() {
        return store.reachable();
    }

    public List<Summary> scenarios() {
        return store.list().stream().map(this::summary).toList();
    }

    public Summary scenario(long id) {
        return summary(existing(id));
    }

    private ScenarioStore.Scenario existing(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("no scenario " + id));
    }

    private Summary summary(ScenarioStore.Scenario s) {
        Job job = jobs.get(s.id());
        Status status = job == null ? Status.NOT_SOLVING : job.progress.status();
        return new Summary(s.id(), s.name(), s.version(), s.published(), status, s.score(), s.savedAt(), s.what(),
                s.published() && s.feedSecret() != null ? "/feeds/" + s.feedSecret() + ".ics" : null);
    }

    private State current(long id) {
        ScenarioStore.Scenario scenario = existing(id);
        return store.state(id, scenario.version()).orElseThrow();
    }

    /** The scenario's dataset, read and prepared as for a solve. */
    private static Dataset dataset(long id, State state) {
        return Planner.loadFrom(DatasetSource.inMemory(source(id), state.dataset()));
    }

    private static CalendarFile.Content calendar(long id, String csv) {
        return CalendarFile.read(source(id) + "/calendar.csv", csv);
    }

    // --- Reading

    public CalendarView calendarView(long id) {
        Schedule schedule = scored(id).schedule();
        Map<String, List<Link>> before = new TreeMap<>();
        Map<String, List<Link>> after = new TreeMap<>();
        for (Dependency d : schedule.getDependencies()) {
            before.computeIfAbsent(d.getAfter().getId(), k -> new ArrayList<>()).add(link(d, d.getBefore()));
            after.computeIfAbsent(d.getBefore().getId(), k -> new ArrayList<>()).add(link(d, d.getAfter()));
        }
        Map<Activity, List<LocalDate>> possible = Planner.possibleDates(schedule);
        List<ActivityView> activities = CalendarCsvWriter.inCalendarOrder(schedule).stream()
                .map(a -> view(a, before.getOrDefault(a.getId(), List.of()), after.getOrDefault(a.getId(), List.of()),
                        possible.get(a)))
                .toList();
        Map<String, List<LocalDate>> sittings = new LinkedHashMap<>();
        for (Body body : schedule.getBodies()) {
            sittings.put(body.getCode(), List.copyOf(body.getSittings()));
        }
        Map<LocalDate, String> daysOff = new TreeMap<>();
        List<LocalDate> weak = new ArrayList<>();
        LocalDate start = schedule.getHorizonStart();
        LocalDate end = schedule.getHorizonEnd();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            LocalDate date = day;
            schedule.getCalendar().nonWorkingReason(day).filter(r -> schedule.getCalendar().getHolidays().containsKey(date))
                    .ifPresent(reason -> daysOff.put(date, reason));
            if (day.getDayOfWeek() == java.time.DayOfWeek.MONDAY && schedule.getCalendar().isWeakWeek(day)) {
                weak.add(day);
            }
        }
        return new CalendarView(scenario(id), start, end, activities, sittings, daysOff, weak);
    }

    private static Link link(Dependency d, Activity other) {
        return new Link(other.getId(), d.getMinLag(), d.getBuffer(), d.getUnit().name(), d.getReason());
    }

    private static ActivityView view(Activity a, List<Link> before, List<Link> after, List<LocalDate> possible) {
        return new ActivityView(a.getId(), a.getName(), a.getDate(), a.getStart(), a.getEnd(),
                a.getProcesses().stream().map(ProcessArea::name).toList(),
                a.getBodies().stream().map(Body::getCode).toList(), a.getUnit(),
                a instanceof Meeting m ? List.copyOf(m.getParticipants()) : List.of(), a.getYearInFocus(), a.getComment(),
                a.getBaselineDate(), a.getEarliest(), a.getLatest(), a.isPinned(), a.isExternal(), a.getNote(), before, after,
                possible);
    }

    /** The scenario's calendar placed on its dataset and scored. */
    private CalendarExplainer.Scored scored(long id) {
        State state = current(id);
        return CalendarExplainer.score(dataset(id, state), calendar(id, state.calendar()));
    }

    /** The calendar for Outlook and Google Calendar (as {@code --ics}). */
    public String ics(long id) {
        return IcsWriter.render(scored(id).schedule());
    }

    /** The calendar as an Excel workbook (as {@code --xlsx}). */
    public byte[] xlsx(long id) {
        return XlsxWriter.bytes(scored(id).schedule());
    }

    /** The scenario's dataset as a zip of its files: {@code solve --data} reads it unpacked, and import takes it back. */
    public byte[] datasetZip(long id) {
        return DatasetFiles.zip(current(id).dataset());
    }

    /** The static year view, its broken rules flagged (as {@code --html}). */
    public String yearView(long id) {
        CalendarExplainer.Scored scored = scored(id);
        return YearViewPage.render(scored.schedule(), YearViewMarks.of(scored.analysis(), List.of()));
    }

    /** The calendar CSV, exactly as {@code solve} writes it. */
    public String calendarCsv(long id) {
        return current(id).calendar();
    }

    /** The calendar as one version of the scenario saved it: what the history's versions are, to look at or keep. */
    public String calendarCsv(long id, int version) {
        return state(id, version).calendar();
    }

    /** One version of an existing scenario, as it was saved. */
    private State state(long id, int version) {
        existing(id);
        return store.state(id, version).orElseThrow(() -> new NotFound("scenario " + id + " has no version " + version));
    }

    /** What is wrong with the calendar, rule by rule (as {@code explain}). */
    public CalendarExplainer.Explanation analysis(long id) {
        State state = current(id);
        return Planner.explain(dataset(id, state), calendar(id, state.calendar()));
    }

    /** Two scenarios' calendars under the first one's rules (as {@code compare}). */
    public CalendarComparison.Comparison compare(long a, long b) {
        State stateA = current(a);
        State stateB = current(b);
        return Planner.compare(() -> dataset(a, stateA), calendar(a, stateA.calendar()), calendar(b, stateB.calendar()));
    }

    public List<ScenarioStore.Version> history(long id) {
        existing(id);
        return store.history(id);
    }

    // --- Changing

    /** A new scenario from a hand-made calendar (the Tidplan text, an Excel workbook or CSV) or a dataset folder as a zip. */
    public Summary importScenario(String name, String fileName, byte[] content, String by) {
        Map<String, String> files = DatasetFiles.fromUpload(fileName, content);
        return create(files, name, "Importerad från " + fileName, by);
    }

    private Summary create(Map<String, String> files, String name, String what, String by) {
        Dataset dataset = Planner.loadFrom(DatasetSource.inMemory(name, files));
        String csv = baselineCalendar(dataset, files);
        HardSoftLongScore score = Planner.score(dataset);
        long id = store.create(name, new State(files, csv, score.toString()), what, by);
        return scenario(id);
    }

    /** The dataset's own dates (its hand-made calendar), placed and written as the calendar CSV. */
    private static String baselineCalendar(Dataset dataset, Map<String, String> files) {
        CalendarFile.Content own = CalendarFile.read(DatasetReader.ACTIVITIES, files.get(DatasetReader.ACTIVITIES));
        return csv(CalendarExplainer.score(dataset, own).schedule());
    }

    private static String csv(Schedule schedule) {
        StringWriter out = new StringWriter();
        try {
            CalendarCsvWriter.write(schedule, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public Summary copy(long id, String name, String by) {
        State state = current(id);
        ScenarioStore.Scenario from = existing(id);
        long copy = store.create(name == null || name.isBlank() ? from.name() + " (kopia)" : name, state,
                "Kopia av " + from.name() + " version " + from.version(), by);
        return scenario(copy);
    }

    /** Marks the scenario as the calendar everyone uses; its feed address is kept from an earlier publication. */
    public void publish(long id) {
        existing(id);
        store.publish(id, newSecret());
    }

    /**
     * Deletes a scenario with every version of it. The published calendar stays until another is published (its
     * subscribers would lose it), and a scenario being solved until its solve is stopped.
     */
    public void delete(long id) {
        // Under the scenario's entry in the jobs, as a solve starts: no solve can start between the check and the delete.
        jobs.compute(id, (key, job) -> {
            if (job != null && job.progress.status().active()) {
                throw new Conflict("scenario " + id + " is being solved: stop the solve first");
            }
            if (!store.delete(id)) {
                existing(id);
                throw new Conflict("scenario " + id + " is the published calendar: publish another before deleting it");
            }
            return null;
        });
    }

    /** A new feed address for the scenario: subscribers of the old one must subscribe again. */
    public Summary rotateFeed(long id) {
        existing(id);
        store.rotateFeed(id, newSecret());
        return scenario(id);
    }

    /**
     * The published calendar behind a feed address: each event's SEQUENCE is how often it moved over the
     * scenario's versions, so a calendar program applies every re-plan; its UID is the activity's, so events move
     * instead of multiplying.
     */
    public Optional<Feed> feed(String secret) {
        return store.byFeed(secret).map(s -> new Feed("\"" + s.id() + "-" + s.version() + "\"", s.savedAt(),
                () -> IcsWriter.render(scored(s.id()).schedule(), moves(s.id()))));
    }

    /** How often each activity's date or time changed over the scenario's versions. */
    private Map<String, Integer> moves(long id) {
        Map<String, Integer> moves = new TreeMap<>();
        Map<String, String> when = new TreeMap<>();
        for (String csv : store.calendars(id)) {
            for (var row : calendar(id, csv).rows()) {
                String at = row.date() + " " + row.start() + " " + row.end();
                String before = when.put(row.id(), at);
                if (before != null && !before.equals(at)) {
                    moves.merge(row.id(), 1, Integer::sum);
                }
            }
        }
        return moves;
    }

    /** 32 random bytes, URL-safe: an address no one can guess or work out from a scenario's number. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        SECRETS.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final java.security.SecureRandom SECRETS = new java.security.SecureRandom();

    /** Restores the version before {@code basedOn}, as a new version (nothing is ever deleted). */
    public Summary undo(long id, int basedOn, String by) {
        if (basedOn <= 1) {
            throw new BadRequest("version " + basedOn + " is the first: there is nothing to undo");
        }
        return restore(id, basedOn - 1, basedOn, by);
    }

    /** Restores an earlier version as a new one, based on {@code basedOn} (the version the planner sees). */
    public Summary restore(long id, int version, int basedOn, String by) {
        State earlier = state(id, version);
        store.save(id, basedOn, earlier, "Återställde version " + version, by);
        return scenario(id);
    }

    /** Starts solving in the background; the new calendar is saved as a new version when the solve ends. */
    public Summary solve(long id) {
        return solve(id, null);
    }

    /** The same, started by {@code who} (a user's name, or null without accounts): a second solver is told who it is. */
    public Summary solve(long id, String who) {
        ScenarioStore.Scenario scenario = existing(id);
        State state = store.state(id, scenario.version()).orElseThrow();
        Job job = new Job(scenario.version(), who);
        Job running = jobs.compute(id, (k, other) -> other != null && other.progress.status().active() ? other : job);
        if (running != job) {
            throw new Conflict("scenario " + id + " is already being solved" + (running.who == null ? "" : " by " + running.who));
        }
        Dataset dataset = dataset(id, state);
        job.solving = Planner.solveInBackground(dataset, Planner.Search.of(dataset, 1),
                best -> job.progress = new Progress(Status.SOLVING, best.score().toString(), best.millisSpent(), null),
                task -> solves.execute(() -> {
                    job.start();
                    task.run();
                }));
        job.saved = job.solving.result().whenComplete((result, failure) -> {
            if (failure instanceof CancellationException) {
                job.progress = new Progress(Status.NOT_SOLVING, null, 0, null);
                return;
            }
            if (failure != null) {
                job.progress = new Progress(Status.NOT_SOLVING, job.progress.bestScore(), job.progress.millis(),
                        String.valueOf(failure.getMessage()));
                return;
            }
            String score = result.schedule().getScore().toString();
            try {
                store.save(id, job.basedOn, new State(state.dataset(), csv(result.schedule()), score),
                        "Löst: " + score + (job.solving.stop().wasRequested() ? " (stoppad)" : ""), job.who);
                job.progress = new Progress(Status.NOT_SOLVING, score, result.millisSpent(), null);
            } catch (RuntimeException e) { // a newer version came first (Conflict), or the scenario was deleted meanwhile
                job.progress = new Progress(Status.NOT_SOLVING, score, result.millisSpent(), e.getMessage());
            }
        });
        return scenario(id);
    }

    public Summary stop(long id) {
        existing(id);
        Job job = jobs.get(id);
        if (job != null && job.solving != null && job.saved != null) {
            job.stop();
            job.saved.exceptionally(e -> null).join();
        }
        return scenario(id);
    }

    public Progress progress(long id) {
        existing(id);
        Job job = jobs.get(id);
        return job == null ? new Progress(Status.NOT_SOLVING, null, 0, null) : job.progress;
    }

    /**
     * Re-plans the scenario after the changes (as {@code replan}): the past before {@code today} frozen, each
     * moved activity listed with why; the calendar and the dataset with the changes applied are saved as one new
     * version, so the next re-plan builds on this one.
     */
    public Replanned replan(long id, ReplanRequest request, String by) {
        return heavily(() -> replanNow(id, request, by));
    }

    private Replanned replanNow(long id, ReplanRequest request, String by) {
        ScenarioStore.Scenario scenario = existing(id);
        if (request.version() != scenario.version()) {
            throw new ScenarioStore.Conflict(id, request.version(), scenario.version());
        }
        State state = store.state(id, scenario.version()).orElseThrow();
        List<Replanner.Change> changes = changes(request);
        if (changes.isEmpty()) {
            throw new BadRequest("no change given: moveSitting, cancelSitting, addSitting, moveForecast or pin");
        }
        Attempt attempt = attempt(id, state, changes, request.today());
        Replanner.Result result = attempt.result();
        LocalDate today = attempt.today();
        List<AdviceView> advice = request.advise() && result.didDamage() ? advice(attempt) : List.of();
        Map<String, String> changed = DatasetFiles.changed(state.dataset(), changes, today);
        String csv = csv(result.solved().schedule());
        // The re-plan's own objective also weighs closeness to the calendar before it; what is stored and shown
        // is the calendar's score under the dataset's rules, the one explain and compare give.
        String score = Planner.explain(Planner.loadFrom(DatasetSource.inMemory(source(id), changed)), calendar(id, csv))
                .score().toString();
        String what = "Omplanerad från " + today + ": " + describe(changes) + "; " + result.moves().size()
                + (result.moves().size() == 1 ? " aktivitet flyttad" : " aktiviteter flyttade");
        store.save(id, scenario.version(), new State(changed, csv, score), what, by);
        List<String> blockers = result.blockers().stream().map(b -> b.constraint() + ": " + b.finding().description()).toList();
        return new Replanned(scenario(id), result.moves(), blockers, advice);
    }

    /**
     * The advice for a change made to {@code request.version()} (usually the version before the re-plan that did
     * the damage), without saving anything: the page asks for it after a drag or a sitting change moved activities.
     */
    public List<AdviceView> advise(long id, ReplanRequest request) {
        return heavily(() -> adviseNow(id, request));
    }

    private List<AdviceView> adviseNow(long id, ReplanRequest request) {
        return advice(attempt(id, state(id, request.version()), changes(request), request.today()));
    }

    /** A request's changes re-planned on one version of a scenario: where a re-plan and its advice both start. */
    private record Attempt(long id, State state, List<Replanner.Change> changes, LocalDate today, Planner.Search search,
            CalendarFile.Content before, Replanner.Result result) {
    }

    /** Re-plans {@code changes} on {@code state}, the past before {@code today} (or nothing, if null) frozen. */
    private Attempt attempt(long id, State state, List<Replanner.Change> changes, LocalDate today) {
        Dataset dataset = dataset(id, state);
        LocalDate from = today != null ? today : dataset.schedule().getHorizonStart();
        Planner.Search search = Planner.Search.of(dataset, Planner.REPLAN_SHARE);
        CalendarFile.Content before = calendar(id, state.calendar());
        Replanner.Result result = Planner.replan(dataset, before, from, changes, search, best -> { }, StopSignal.none());
        return new Attempt(id, state, changes, from, search, before, result);
    }

    /** The fixes that would do better than the attempt, best first. */
    private List<AdviceView> advice(Attempt attempt) {
        return Planner.advise(() -> dataset(attempt.id(), attempt.state()), attempt.before(), attempt.today(), attempt.changes(),
                attempt.result(), attempt.search(), ADVICE_SHOWN).stream().map(AdviceView::of).toList();
    }

    /** More changes than a planner makes at once: refused before any work, since the search grows with them. */
    static final int MOST_CHANGES = 100;

    private static List<Replanner.Change> changes(ReplanRequest request) {
        List<List<String>> given = List.of(list(request.moveSitting()), list(request.cancelSitting()),
                list(request.addSitting()), list(request.moveForecast()), list(request.pin()));
        if (given.stream().flatMap(List::stream).anyMatch(java.util.Objects::isNull)) {
            throw new BadRequest("a change is empty (null); each is text such as \"BD22-KOMM=2021-01-20\"");
        }
        if (given.stream().mapToInt(List::size).sum() > MOST_CHANGES) {
            throw new BadRequest("at most " + MOST_CHANGES + " changes in one re-plan");
        }
        return ChangeOptions.read(given.get(0), given.get(1), given.get(2), given.get(3), given.get(4));
    }

    /**
     * Runs CPU-heavy work once a core is free, or refuses it with {@link Busy} after a while. Package-private so
     * that a test can hold the slot for as long as it needs.
     */
    <T> T heavily(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = heavy.tryAcquire(busyWaitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for a free core");
        }
        if (!acquired) {
            throw new Busy("every core is re-planning other changes; try again in a few seconds");
        }
        try {
            return work.get();
        } finally {
            heavy.release();
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String describe(List<Replanner.Change> changes) {
        return String.join(" ", changes.stream().map(ChangeOptions::format).toList());
    }

    /** How many fixes a re-plan with advice shows. */
    private static final int ADVICE_SHOWN = 5;

    /** Shuts down: running solves are stopped and their best calendars saved before the database closes. */
    public void stopAll() {
        jobs.keySet().forEach(this::stop);
        solves.shutdown();
    }

    /** A request for something that does not exist. */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** A request that cannot be carried out as asked. */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(message);
        }
    }

    /** Too much is being re-planned at once: the request was not carried out; try it again shortly. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    /** A request that clashes with what is going on (a second solve of one scenario). */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }
}

package se.rjh.tidplan.workspace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.BestScore;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.StopSignal;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;
import se.rjh.tidplan.workspace.store.SolveJobStore;
import se.rjh.tidplan.workspace.store.SolveJobStore.Job;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * The scenarios' solves as jobs in the database ({@link SolveJobStore}), run by db-scheduler on whichever server of
 * the database has a free core ({@link Cores}): one per scenario at a time, queued while every core is busy,
 * stoppable from any server, and saved as a new version when they end. A server that dies mid-solve stops beating;
 * another (or the same, restarted) then runs the job again from the version it was asked for.
 */
public final class Solves {

    private static final Logger LOG = LoggerFactory.getLogger(Solves.class);

    /** Where a scenario's solve is: waiting for a free core, running, or not (ended or never started). */
    public enum Status {
        QUEUED, SOLVING, NOT_SOLVING;

        boolean active() {
            return this != NOT_SOLVING;
        }
    }

    /** A solve in progress or just ended: the best score so far and when it was found. */
    public record Progress(Status status, String bestScore, long millis, String error) {
        static final Progress NONE = new Progress(Status.NOT_SOLVING, null, 0, null);

        static Progress of(Job job) {
            return switch (job.state()) {
                case QUEUED -> new Progress(Status.QUEUED, null, 0, null);
                case SOLVING -> new Progress(Status.SOLVING, job.bestScore(), job.millis(), null);
                case ENDED -> new Progress(Status.NOT_SOLVING, job.bestScore(), job.millis(), job.error());
            };
        }
    }

    private static final String TASK = "solve";
    /** How often a server tells the database it is alive while it solves, and how many beats it may miss. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final int MISSED_HEARTBEATS = 6;
    /** How often a server looks for waiting jobs (a job queued on this server starts at once). */
    private static final Duration POLLING = Duration.ofSeconds(1);
    /** How often a running solve's stop is looked for, and how often its best score is written at most. */
    private static final Duration CHECK = Duration.ofMillis(250);
    /** How long a stop waits for the solve's calendar to be saved: a hang, not a slow save. */
    private static final Duration STOP_WAIT = Duration.ofMinutes(5);

    private final Versions versions;
    private final Cores cores;
    private final SolveJobStore jobs;
    /** This server, as the jobs it runs name it. */
    private final String node;
    /** A solve this server runs: its job, its stop, and its best score, written to the job every {@link #CHECK}. */
    private static final class Running {
        final Job job;
        final StopSignal stop = StopSignal.none();
        volatile BestScore best;
        BestScore written;

        Running(Job job) {
            this.job = job;
        }
    }

    /** The solves this server runs now, by scenario. */
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final OneTimeTask<Void> task = Tasks.oneTime(TASK).execute((instance, context) -> run(instance.getId()));
    private final Scheduler scheduler;
    private final ScheduledExecutorService checks;

    Solves(Versions versions, Cores cores, DataSource database) {
        this.versions = versions;
        this.cores = cores;
        this.jobs = SolveJobStore.on(database);
        this.node = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.scheduler = Scheduler.create(database, task).threads(cores.count()).pollingInterval(POLLING)
                .heartbeatInterval(HEARTBEAT).missedHeartbeatsLimit(MISSED_HEARTBEATS).enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(node)).shutdownMaxWait(STOP_WAIT)
                // Every server writes and reads its times the same way, whatever the database keeps of a zone.
                .alwaysPersistTimestampInUTC().build();
        this.checks = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "tidplan-solve-checks");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.start();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "tidplan";
        }
    }

    Status status(long id) {
        return jobs.find(id).map(Progress::of).orElse(Progress.NONE).status();
    }

    /** Does {@code work} unless the scenario is being solved. */
    void unlessSolving(long id, Runnable work) {
        if (status(id).active()) {
            throw new WorkspaceError.Conflict(Text.ERROR_STOP_SOLVE_FIRST, id);
        }
        work.run();
    }

    /** Queues a solve of the scenario's latest version, for {@code who} (a user's name, or null): a second solver is told who. */
    public Status solve(long id, String who) {
        ScenarioStore.Scenario scenario = versions.existing(id);
        String instance = id + ":" + UUID.randomUUID();
        Optional<Job> other = jobs.queue(id, instance, scenario.version(), who);
        if (other.isPresent()) {
            String by = other.get().requestedBy();
            throw by == null ? new WorkspaceError.Conflict(Text.ERROR_ALREADY_SOLVING, id)
                    : new WorkspaceError.Conflict(Text.ERROR_ALREADY_SOLVING_BY, id, by);
        }
        try {
            scheduler.schedule(task.instance(instance), Instant.now());
        } catch (RuntimeException e) {
            jobs.end(id, instance, null, 0, Words.planners().say(Text.ERROR_SOLVE_NOT_QUEUED));
            throw e;
        }
        return Status.QUEUED;
    }

    /** Runs a job once this server has a core free for it, unless it was stopped while it waited. */
    private void run(String instance) {
        long id = Long.parseLong(instance.substring(0, instance.indexOf(':')));
        try {
            cores.whenFree(() -> jobs.take(id, instance, node).ifPresent(job -> solve(job)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // this server is stopping: the job waits for another
        }
    }

    private void solve(Job job) {
        long id = job.scenario();
        if (job.stopRequested()) { // stopped while its server was dead: it ends without a search
            jobs.end(id, job.task(), job.bestScore(), job.millis(), null);
            return;
        }
        if (job.node() != null && !job.node().equals(node)) {
            LOG.info("scenario {}: the solve of {} is taken over from {}, whose heartbeat stopped", id, job.task(), job.node());
        }
        LOG.info("scenario {}: solving version {} on {}", id, job.basedOn(), node);
        Running solve = new Running(job);
        StopSignal stop = solve.stop;
        running.put(id, solve);
        try {
            State state = versions.state(id, job.basedOn());
            Dataset dataset = Versions.dataset(id, state);
            LocalDate today = versions.existing(id).today();
            if (today != null) {
                Planner.freezePast(dataset, Versions.calendar(id, state.calendar()), today);
            }
            SolveResult result = Planner.solve(dataset, Planner.Search.of(dataset, 1).onCores(1), best -> solve.best = best,
                    stop);
            String score = result.schedule().getScore().toString();
            String error = null;
            try {
                versions.store().save(id, job.basedOn(), new State(state.dataset(), CalendarCsvWriter.text(result.schedule()), score),
                        new VersionEvent.Solved(score, stop.wasRequested()), job.requestedBy());
            } catch (ScenarioStore.Conflict e) { // a newer version came first
                error = Words.planners().say(e.phrase());
            } catch (WorkspaceError e) { // the scenario was deleted meanwhile
                error = Words.planners().say(e.phrase());
            }
            jobs.end(id, job.task(), score, result.millisSpent(), error);
        } catch (RuntimeException e) {
            LOG.error("the solve of scenario {} failed", id, e);
            jobs.end(id, job.task(), null, 0, Words.planners().say(Text.ERROR_SOLVE_FAILED));
        } finally {
            running.remove(id);
        }
    }

    /**
     * For each solve this server runs: writes its newest best score for every server to read, and passes on a stop
     * asked for on any server (or the job's end: its scenario deleted).
     */
    private void check() {
        running.forEach((id, solve) -> {
            try {
                BestScore best = solve.best;
                if (best != null && best != solve.written) {
                    jobs.progress(id, solve.job.task(), best.score().toString(), best.millisSpent());
                    solve.written = best;
                }
                if (jobs.find(id).map(Job::stopRequested).orElse(true)) {
                    solve.stop.request();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not write or read the solve of scenario {}", id, e);
            }
        });
    }

    /**
     * Stops the scenario's solve: a waiting one never runs, a running one (on any server) ends with its best
     * calendar so far, which this waits to see saved.
     */
    public void stop(long id) {
        versions.existing(id);
        Optional<Job> job = jobs.find(id);
        if (job.isEmpty() || !job.get().active()) {
            return;
        }
        if (jobs.cancelIfQueued(id)) {
            try {
                scheduler.cancel(TaskInstanceId.of(TASK, job.get().task()));
            } catch (RuntimeException alreadyPicked) {
                // A server picked it as it was stopped: that server finds it ended and does not run it.
            }
            return;
        }
        jobs.requestStop(id);
        Optional.ofNullable(running.get(id)).ifPresent(solve -> solve.stop.request());
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (jobs.find(id).map(Job::active).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50); // the server running it writes the end; this only looks for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public Progress progress(long id) {
        versions.existing(id);
        return jobs.find(id).map(Progress::of).orElse(Progress.NONE);
    }

    /**
     * Shuts this server's part down: the solves it runs are stopped and their best calendars saved before the
     * database closes; jobs still waiting stay queued for another server, or this one when it starts again.
     */
    void close() {
        running.keySet().forEach(this::stop);
        scheduler.stop();
        checks.shutdownNow();
    }
}

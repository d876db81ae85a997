package se.rjh.tidplan.workspace;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * The scenarios' solves, run in the background on the server's {@link Cores}: one per scenario at a time, queued
 * while every core is busy, stoppable, and saved as a new version when they end.
 */
public final class Solves {

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
    }

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

        /** The job leaves the queue for a core (unless it was stopped there). */
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

    private final Versions versions;
    private final Cores cores;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    /** One thread per core: a solve waits for its core here, shown as {@link Status#QUEUED}. */
    private final ExecutorService threads;

    Solves(Versions versions, Cores cores) {
        this.versions = versions;
        this.cores = cores;
        AtomicInteger solvers = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(cores.count(), task -> {
            Thread thread = new Thread(task, "tidplan-solve-" + solvers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Status status(long id) {
        Job job = jobs.get(id);
        return job == null ? Status.NOT_SOLVING : job.progress.status();
    }

    /** Does {@code work} unless the scenario is being solved; no solve of it can start meanwhile. */
    void unlessSolving(long id, Runnable work) {
        jobs.compute(id, (key, job) -> {
            if (job != null && job.progress.status().active()) {
                throw new WorkspaceError.Conflict("scenario " + id + " is being solved: stop the solve first");
            }
            work.run();
            return null;
        });
    }

    /** Starts solving in the background, for {@code who} (a user's name, or null): a second solver is told who. */
    public Status solve(long id, String who) {
        ScenarioStore.Scenario scenario = versions.existing(id);
        State state = versions.store().state(id, scenario.version()).orElseThrow();
        Job job = new Job(scenario.version(), who);
        Job running = jobs.compute(id, (k, other) -> other != null && other.progress.status().active() ? other : job);
        if (running != job) {
            throw new WorkspaceError.Conflict("scenario " + id + " is already being solved"
                    + (running.who == null ? "" : " by " + running.who));
        }
        Dataset dataset = Versions.dataset(id, state);
        job.solving = Planner.solveInBackground(dataset, Planner.Search.of(dataset, 1).onCores(1),
                best -> job.progress = new Progress(Status.SOLVING, best.score().toString(), best.millisSpent(), null),
                task -> threads.execute(() -> {
                    try {
                        cores.whenFree(() -> {
                            job.start();
                            task.run();
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the server is stopping: the queued solve never runs
                    }
                }));
        job.saved = job.solving.result().whenComplete((result, failure) -> {
            if (failure instanceof CancellationException) {
                job.progress = Progress.NONE;
                return;
            }
            if (failure != null) {
                job.progress = new Progress(Status.NOT_SOLVING, job.progress.bestScore(), job.progress.millis(),
                        String.valueOf(failure.getMessage()));
                return;
            }
            String score = result.schedule().getScore().toString();
            try {
                versions.store().save(id, job.basedOn, new State(state.dataset(), Versions.csv(result.schedule()), score),
                        new VersionEvent.Solved(score, job.solving.stop().wasRequested()), job.who);
                job.progress = new Progress(Status.NOT_SOLVING, score, result.millisSpent(), null);
            } catch (RuntimeException e) { // a newer version came first (Conflict), or the scenario was deleted meanwhile
                job.progress = new Progress(Status.NOT_SOLVING, score, result.millisSpent(), e.getMessage());
            }
        });
        return job.progress.status();
    }

    /** Stops the scenario's solve, if any, and waits until its calendar so far is saved. */
    public void stop(long id) {
        versions.existing(id);
        Job job = jobs.get(id);
        if (job != null && job.solving != null && job.saved != null) {
            job.stop();
            job.saved.exceptionally(e -> null).join();
        }
    }

    public Progress progress(long id) {
        versions.existing(id);
        Job job = jobs.get(id);
        return job == null ? Progress.NONE : job.progress;
    }

    /** Shuts down: running solves are stopped and their best calendars saved before the database closes. */
    void stopAll() {
        jobs.keySet().forEach(this::stop);
        threads.shutdownNow();
    }
}

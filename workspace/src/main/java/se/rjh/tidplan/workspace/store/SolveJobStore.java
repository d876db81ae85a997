package se.rjh.tidplan.workspace.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Each scenario's latest solve as every server of the database sees it: waiting for a core, running on a server, or
 * ended, with its best score so far and whether a planner asked it to stop. Every change of state is one
 * conditional update, so two servers never both take a job, and a job stopped while it waits never runs.
 */
public final class SolveJobStore {

    /** Where a job is. */
    public enum State {
        QUEUED, SOLVING, ENDED
    }

    /** A scenario's latest solve. */
    public record Job(long scenario, String task, int basedOn, String requestedBy, State state, String node,
            String bestScore, long millis, String error, boolean stopRequested) {

        public boolean active() {
            return state != State.ENDED;
        }
    }

    private final Jdbi jdbi;

    private SolveJobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The jobs of a database whose schema {@link ScenarioStore#open} has brought up to date. */
    public static SolveJobStore on(DataSource dataSource) {
        return new SolveJobStore(Jdbi.create(dataSource));
    }

    public Optional<Job> find(long scenario) {
        return jdbi.withHandle(h -> find(h, scenario, false));
    }

    private static Optional<Job> find(Handle h, long scenario, boolean forUpdate) {
        return h.createQuery("SELECT * FROM solve_job WHERE scenario_id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", scenario)
                .map((rs, ctx) -> new Job(rs.getLong("scenario_id"), rs.getString("task"), rs.getInt("based_on"),
                        rs.getString("requested_by"), State.valueOf(rs.getString("status")), rs.getString("node"),
                        rs.getString("best_score"), rs.getLong("millis"), rs.getString("error"),
                        rs.getBoolean("stop_requested")))
                .findOne();
    }

    /**
     * A new job for the scenario, waiting, unless one is waiting or running already: then that one is returned and
     * nothing changes.
     */
    public Optional<Job> queue(long scenario, String task, int basedOn, String by) {
        return jdbi.inTransaction(h -> {
            Optional<Job> current = find(h, scenario, true);
            if (current.isPresent() && current.get().active()) {
                return current;
            }
            h.createUpdate("DELETE FROM solve_job WHERE scenario_id = :id").bind("id", scenario).execute();
            h.createUpdate("INSERT INTO solve_job (scenario_id, task, based_on, requested_by, status, millis, stop_requested,"
                            + " updated_at) VALUES (:id, :task, :basedOn, :by, 'QUEUED', 0, FALSE, :at)")
                    .bind("id", scenario).bind("task", task).bind("basedOn", basedOn).bind("by", by).bind("at", now())
                    .execute();
            return Optional.empty();
        });
    }

    /**
     * The job of {@code task} taken by {@code node} to run: from the queue, or from a server that stopped beating
     * while running it (its search starts again: no best score yet). The job is returned as it was before (its
     * {@code node}, the server it is taken from, if any); empty when it is no longer there to take (stopped while it waited, or replaced).
     */
    public Optional<Job> take(long scenario, String task, String node) {
        return jdbi.inTransaction(h -> {
            Optional<Job> before = find(h, scenario, true).filter(job -> job.active() && job.task().equals(task));
            before.ifPresent(job -> h.createUpdate("UPDATE solve_job SET status = 'SOLVING', node = :node,"
                            + " best_score = NULL, millis = 0, updated_at = :at WHERE scenario_id = :id").bind("id", scenario).bind("node", node).bind("at", now()).execute());
            return before;
        });
    }

    /** A new best score of the running job. */
    public void progress(long scenario, String task, String bestScore, long millis) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE solve_job SET best_score = :score, millis = :millis, updated_at = :at"
                        + " WHERE scenario_id = :id AND task = :task AND status = 'SOLVING'")
                .bind("id", scenario).bind("task", task).bind("score", bestScore).bind("millis", millis).bind("at", now())
                .execute());
    }

    /** The job has ended: its last score, and what went wrong (null if nothing did). */
    public void end(long scenario, String task, String bestScore, long millis, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE solve_job SET status = 'ENDED', best_score = :score, millis = :millis,"
                        + " error = :error, updated_at = :at WHERE scenario_id = :id AND task = :task")
                .bind("id", scenario).bind("task", task).bind("score", bestScore).bind("millis", millis)
                .bind("error", error).bind("at", now()).execute());
    }

    /** Ends the job if it is still waiting; says whether it did (then it never runs). */
    public boolean cancelIfQueued(long scenario) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE solve_job SET status = 'ENDED', updated_at = :at"
                + " WHERE scenario_id = :id AND status = 'QUEUED'").bind("id", scenario).bind("at", now()).execute()) == 1;
    }

    /** Asks the running job to stop; the server running it ends it with its best calendar so far. */
    public void requestStop(long scenario) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE solve_job SET stop_requested = TRUE, updated_at = :at"
                + " WHERE scenario_id = :id AND status = 'SOLVING'").bind("id", scenario).bind("at", now()).execute());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

package se.rjh.tidplan.workspace.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.Solves;
import se.rjh.tidplan.workspace.Solves.Progress;
import se.rjh.tidplan.workspace.WorkspaceError;

/**
 * A scenario's solve as server-sent events ({@code GET /api/scenarios/{id}/events}), which the page follows
 * instead of asking for the progress again and again. On connecting the client gets the progress as it is
 * ({@code event: progress}); then, checked every {@link #CHECK} for each client, every change while the solve
 * is queued or running ({@code event: progress}), and, when the solve has ended, the last progress as
 * {@code event: end}, after which the server closes the stream. Each event's data is the progress as
 * {@code GET /api/scenarios/{id}/progress} gives it: {@code {"status":"SOLVING","bestScore":"0hard/-4530soft",
 * "millis":812,"error":null}}. A comment every {@link #HEARTBEAT} while nothing changes keeps proxies from
 * timing the stream out and finds a client that has gone away. The checks share one thread; a client's end
 * (gone, or its solve ended) or the server's stop ends its checks.
 */
final class ProgressEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressEvents.class);

    /** How often each client's scenario is looked at. */
    static final Duration CHECK = Duration.ofMillis(250);
    /** The longest a stream stays silent. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final LongFunction<Progress> progress;
    private final ScheduledExecutorService checks;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    /** Reads each scenario's progress with {@code progress} (the workspace's, which says 404 for an unknown one). */
    ProgressEvents(LongFunction<Progress> progress) {
        this.progress = progress;
        AtomicInteger threads = new AtomicInteger();
        this.checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tidplan-progress-events-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Answers the request with the stream of scenario {@code id}'s progress. An unknown scenario is 404 and a
     * request that does not accept {@code text/event-stream} (an EventSource does) is 406, both before the
     * stream starts.
     */
    void stream(Context ctx, long id) {
        progress.apply(id);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new Refused(HttpStatus.NOT_ACCEPTABLE, Text.ERROR_NOT_AN_EVENT_STREAM);
        }
        new SseHandler(client -> follow(client, id)).handle(ctx);
    }

    private void follow(SseClient client, long id) {
        client.keepAlive();
        Follower follower = new Follower(client, id);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        client.onClose(() -> {
            clients.remove(client);
            ScheduledFuture<?> checking = task.get();
            if (checking != null) {
                checking.cancel(false);
            }
        });
        clients.add(client);
        try {
            task.set(checks.scheduleWithFixedDelay(follower::check, 0, CHECK.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException stopping) {
            client.close();
            return;
        }
        if (client.terminated()) { // closed before its task was set: the callback found nothing to cancel
            task.get().cancel(false);
        }
    }

    /** Ends every stream and the checks: the server is stopping. */
    @Override
    public void close() {
        checks.shutdownNow();
        clients.forEach(SseClient::close);
    }

    /** One client's stream: what it was sent last, and when. */
    private final class Follower {
        private final SseClient client;
        private final long id;
        private Progress last;
        private long lastSent;
        private boolean failing;

        Follower(SseClient client, long id) {
            this.client = client;
            this.id = id;
        }

        /** Runs on the checks' thread only; never throws, or the check would not run again. */
        void check() {
            if (client.terminated()) {
                return;
            }
            try {
                Progress now = progress.apply(id);
                failing = false;
                if (now.equals(last)) {
                    if (System.nanoTime() - lastSent >= HEARTBEAT.toNanos()) {
                        client.sendComment("no change");
                        lastSent = System.nanoTime();
                    }
                    return;
                }
                // A change that leaves the scenario not solving is a solve that ended, whether or not a check saw it run.
                boolean ended = last != null && now.status() == Solves.Status.NOT_SOLVING;
                client.sendEvent(ended ? "end" : "progress", now);
                last = now;
                lastSent = System.nanoTime();
                if (ended) {
                    client.close();
                }
            } catch (WorkspaceError.NotFound deleted) {
                client.close();
            } catch (RuntimeException e) { // the database not answering, say: the next check tries again
                if (!failing) {
                    LOG.warn("the progress of scenario {} could not be read for its event stream; trying again", id, e);
                }
                failing = true;
            }
        }
    }
}

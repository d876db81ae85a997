package se.rjh.tidplan.planning;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C or SIGTERM during a solve: the solver is told to stop early, and the process waits for the best
 * calendar so far to be written before it exits. Use with try-with-resources around solving and writing.
 */
public final class StopSignal implements AutoCloseable {

    /** How long a signalled process waits for the calendar to be written. */
    private static final long WRITE_GRACE_SECONDS = 60;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable terminate;
    private volatile boolean requested;
    private boolean listening;

    private StopSignal() {
        hook = new Thread(this::stop, "tidplan-stop");
    }

    /** How many signals listen for SIGINT and SIGTERM now. */
    private static final AtomicInteger LISTENING = new AtomicInteger();

    /** Listens for SIGINT and SIGTERM until closed. */
    public static StopSignal onInterrupt() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        LISTENING.incrementAndGet();
        signal.listening = true;
        return signal;
    }

    /** Whether a signal now answers SIGINT and SIGTERM (and so says what it wrote). */
    public static boolean anyListening() {
        return LISTENING.get() > 0;
    }

    /** A signal that comes only when {@link #request()}ed: for tests, tools and solves in the background. */
    public static StopSignal none() {
        return new StopSignal();
    }

    /** Stops the running search (or the next one attached) early; its best calendar so far is its result. */
    public void request() {
        requested = true;
        Runnable running = terminate;
        if (running != null) {
            running.run();
        }
    }

    /** What stops the running work early: a solver job's {@code terminateEarly}, or a server's shutdown. */
    public void attach(Runnable terminateEarly) {
        terminate = terminateEarly;
        if (requested) {
            terminateEarly.run();
        }
    }

    public boolean wasRequested() {
        return requested;
    }

    private void stop() {
        request();
        try {
            written.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        written.countDown();
        if (listening) {
            listening = false;
            LISTENING.decrementAndGet();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException alreadyStoppingOrNeverAdded) {
            // The JVM is shutting down (the hook is running) or this signal was never installed.
        }
    }
}

package se.rjh.tidplan.workspace;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's cores, one budget for every CPU-heavy job: a solve holds one core for as long as it runs, a re-plan
 * or advice for as long as it computes, and each searches on that one core; so no more searches run at once than
 * there are cores, and none is slowed by the others.
 */
final class Cores {

    private final Semaphore free;
    private final int count;
    private final int busyWaitSeconds;

    /** {@code count} cores; work that must answer now waits at most {@code busyWaitSeconds} for one. */
    Cores(int count, int busyWaitSeconds) {
        this.free = new Semaphore(count, true);
        this.count = count;
        this.busyWaitSeconds = busyWaitSeconds;
    }

    int count() {
        return count;
    }

    /**
     * Runs work someone waits for (a re-plan, advice) once a core is free, or refuses it with
     * {@link WorkspaceError.Busy} after a while.
     */
    <T> T now(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = free.tryAcquire(busyWaitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceError.Busy();
        }
        if (!acquired) {
            throw new WorkspaceError.Busy();
        }
        try {
            return work.get();
        } finally {
            free.release();
        }
    }

    /** Runs work that can wait its turn (a queued solve) once a core is free. */
    void whenFree(Runnable work) throws InterruptedException {
        free.acquire();
        try {
            work.run();
        } finally {
            free.release();
        }
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.workspace.store.Database;

/**
 * Solves and re-plans run a bounded number at a time: a solve beyond it waits in a queue (and can be stopped
 * there), a re-plan that cannot start in time is refused, and nothing is saved for either.
 */
class BusyTest {

    private static Replans.ReplanRequest pin(int version, String id, LocalDate date) {
        return new Replans.ReplanRequest(version, LocalDate.of(2020, 5, 1), List.of(new Replanner.Pin(id, date)), false, false);
    }

    @Test
    void aReplanThatCannotStartInTimeIsRefusedAndSavesNothing(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = Database.open(Database.h2Url(dir), null, null)) {
            Cores cores = new Cores(1, 0);
            try (Workspace workspace = Workspace.open(pool, cores)) {
                long scenario = workspace.scenarios().list().get(0).id();
                // Other heavy work holds the only slot until the test lets it go: the re-plan may not wait.
                CountDownLatch holding = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> cores.now(() -> {
                    holding.countDown();
                    try {
                        return release.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
                try {
                    assertTrue(holding.await(5, TimeUnit.MINUTES), "the other work never started");
                    assertThrows(WorkspaceError.Busy.class,
                            () -> workspace.replans().replan(scenario, pin(1, "BD22-HR", LocalDate.of(2021, 1, 20)), null));
                    assertEquals(1, workspace.scenarios().get(scenario).version(), "the refused re-plan saved nothing");
                } finally {
                    release.countDown();
                }
                assertTrue(other.get(5, TimeUnit.MINUTES));
                // Once the slot is free, the same request goes through.
                assertEquals(2, workspace.replans().replan(scenario, pin(1, "BD22-HR", LocalDate.of(2021, 1, 20)), null)
                        .scenario().version());
            }
        }
    }

    @Test
    void aSolveBeyondTheCoresWaitsInTheQueueAndCanBeStoppedThere(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = Database.open(Database.h2Url(dir), null, null)) {
            Cores cores = new Cores(1, 0);
            Workspace workspace = Workspace.open(pool, cores);
            try {
                // Both search until stopped: the first holds the only solver thread until the test stops it.
                long first = workspace.scenarios().importFile("A", "endless.zip", RunningWorkspace.endlessRegionZip(), null).id();
                long second = workspace.scenarios().copy(first, "B", null).id();
                assertTrue(workspace.solves().solve(first, null).active());
                awaitSolving(workspace, first);
                assertEquals(Solves.Status.QUEUED, workspace.solves().solve(second, null));
                assertEquals(Solves.Status.QUEUED, workspace.solves().progress(second).status());
                assertThrows(WorkspaceError.Conflict.class, () -> workspace.solves().solve(second, null), "a queued solve is a solve");

                workspace.solves().stop(second);
                Scenarios.Summary stopped = workspace.scenarios().get(second);
                assertEquals(Solves.Status.NOT_SOLVING, stopped.status());
                assertEquals(1, stopped.version(), "a solve stopped in the queue saves nothing");
                assertNull(workspace.solves().progress(second).error());
                assertTrue(workspace.scenarios().get(first).status().active(), "stopping the queued solve left the running one");

                // Queued again, it starts as soon as the first is stopped, and its calendar is saved when it is stopped.
                assertEquals(Solves.Status.QUEUED, workspace.solves().solve(second, null));
                workspace.solves().stop(first);
                assertEquals(2, workspace.scenarios().get(first).version());
                awaitSolving(workspace, second);
                workspace.solves().stop(second);
                assertEquals(2, workspace.scenarios().get(second).version());
            } finally {
                workspace.close(); // nothing searches on after the test, whatever its outcome
            }
        }
    }

    /** Waits until the scenario's solve has left the queue and is searching. */
    private static void awaitSolving(Workspace workspace, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // catches a hang, not a slow minute
        while (workspace.solves().progress(id).status() != Solves.Status.SOLVING) {
            assertTrue(System.nanoTime() < deadline, "the solve never left the queue: " + workspace.solves().progress(id));
            Thread.sleep(20);
        }
    }
}

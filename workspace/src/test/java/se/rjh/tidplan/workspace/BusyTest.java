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

import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.ScenarioStore;

/**
 * Solves and re-plans run a bounded number at a time: a solve beyond it waits in a queue (and can be stopped
 * there), a re-plan that cannot start in time is refused, and nothing is saved for either.
 */
class BusyTest {

    private static Workspace.ReplanRequest pin(int version, String pin) {
        return new Workspace.ReplanRequest(version, LocalDate.of(2020, 5, 1), null, null, null, null, List.of(pin), false);
    }

    @Test
    void aReplanThatCannotStartInTimeIsRefusedAndSavesNothing(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = Database.open(Database.h2Url(dir), null, null)) {
            Workspace workspace = new Workspace(ScenarioStore.open(pool), 1, 0);
            long scenario = workspace.scenarios().get(0).id();
            // Other heavy work holds the only slot until the test lets it go: the re-plan may not wait.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> workspace.heavily(() -> {
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
                assertThrows(Workspace.Busy.class, () -> workspace.replan(scenario, pin(1, "BD22-HR=2021-01-20"), null));
                assertEquals(1, workspace.scenario(scenario).version(), "the refused re-plan saved nothing");
            } finally {
                release.countDown();
            }
            assertTrue(other.get(5, TimeUnit.MINUTES));
            // Once the slot is free, the same request goes through.
            assertEquals(2, workspace.replan(scenario, pin(1, "BD22-HR=2021-01-20"), null).scenario().version());
        }
    }

    @Test
    void aSolveBeyondTheCoresWaitsInTheQueueAndCanBeStoppedThere(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = Database.open(Database.h2Url(dir), null, null)) {
            Workspace workspace = new Workspace(ScenarioStore.open(pool), 1, 0);
            try {
                // Both search until stopped: the first holds the only solver thread until the test stops it.
                long first = workspace.importScenario("A", "endless.zip", RunningWorkspace.endlessRegionZip(), null).id();
                long second = workspace.copy(first, "B", null).id();
                assertTrue(workspace.solve(first).status().active());
                awaitSolving(workspace, first);
                assertEquals(Workspace.Status.QUEUED, workspace.solve(second).status());
                assertEquals(Workspace.Status.QUEUED, workspace.progress(second).status());
                assertThrows(Workspace.Conflict.class, () -> workspace.solve(second), "a queued solve is a solve");

                Workspace.Summary stopped = workspace.stop(second);
                assertEquals(Workspace.Status.NOT_SOLVING, stopped.status());
                assertEquals(1, stopped.version(), "a solve stopped in the queue saves nothing");
                assertNull(workspace.progress(second).error());
                assertTrue(workspace.scenario(first).status().active(), "stopping the queued solve left the running one");

                // Queued again, it starts as soon as the first is stopped, and its calendar is saved when it is stopped.
                assertEquals(Workspace.Status.QUEUED, workspace.solve(second).status());
                assertEquals(2, workspace.stop(first).version());
                awaitSolving(workspace, second);
                assertEquals(2, workspace.stop(second).version());
            } finally {
                workspace.stopAll(); // nothing searches on after the test, whatever its outcome
            }
        }
    }

    /** Waits until the scenario's solve has left the queue and is searching. */
    private static void awaitSolving(Workspace workspace, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // catches a hang, not a slow minute
        while (workspace.progress(id).status() != Workspace.Status.SOLVING) {
            assertTrue(System.nanoTime() < deadline, "the solve never left the queue: " + workspace.progress(id));
            Thread.sleep(20);
        }
    }
}

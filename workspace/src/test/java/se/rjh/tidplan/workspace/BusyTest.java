package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
            long first = workspace.scenarios().get(0).id();
            long second = workspace.copy(first, "B", null).id();
            // The first re-plan holds the only slot for a second or more; the second, on another scenario, may not wait.
            CompletableFuture<Workspace.Replanned> running = CompletableFuture.supplyAsync(
                    () -> workspace.replan(first, pin(1, "BD22-KOMM=2021-01-20"), null));
            Thread.sleep(200);
            assertThrows(Workspace.Busy.class, () -> workspace.replan(second, pin(1, "BD22-HR=2021-01-20"), null));
            assertEquals(2, running.get().scenario().version());
            assertEquals(1, workspace.scenario(second).version(), "the refused re-plan saved nothing");
            // Once the slot is free, the same request goes through.
            assertEquals(2, workspace.replan(second, pin(1, "BD22-HR=2021-01-20"), null).scenario().version());
        }
    }

    @Test
    void aSolveBeyondTheCoresWaitsInTheQueueAndCanBeStoppedThere(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = Database.open(Database.h2Url(dir), null, null)) {
            Workspace workspace = new Workspace(ScenarioStore.open(pool), 1, 0);
            long first = workspace.scenarios().get(0).id();
            long second = workspace.copy(first, "B", null).id();
            assertTrue(workspace.solve(first).status().active());
            // The only solver thread is the first's for seconds: the second waits, and says so.
            assertEquals(Workspace.Status.QUEUED, workspace.solve(second).status());
            assertEquals(Workspace.Status.QUEUED, workspace.progress(second).status());
            assertThrows(Workspace.Conflict.class, () -> workspace.solve(second), "a queued solve is a solve");

            Workspace.Summary stopped = workspace.stop(second);
            assertEquals(Workspace.Status.NOT_SOLVING, stopped.status());
            assertEquals(1, stopped.version(), "a solve stopped in the queue saves nothing");
            assertNull(workspace.progress(second).error());
            assertTrue(workspace.scenario(first).status().active(), "stopping the queued solve left the running one");

            // Queued again, it starts as soon as the first is stopped, and its calendar is saved when it is stopped.
            workspace.solve(second);
            assertEquals(2, workspace.stop(first).version());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (workspace.progress(second).status() != Workspace.Status.SOLVING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(Workspace.Status.SOLVING, workspace.progress(second).status());
            assertEquals(2, workspace.stop(second).version());
        }
    }
}

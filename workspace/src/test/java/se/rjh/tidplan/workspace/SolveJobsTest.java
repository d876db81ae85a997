package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.zaxxer.hikari.HikariDataSource;

import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.SolveJobStore;

/**
 * Solves are jobs in the database: two servers of one database share them. A job queued on one server is run by
 * another that has a core free, every server shows its progress, and a stop asked for on either ends it where it runs.
 */
class SolveJobsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoServersOfOneDatabaseShareTheSolves(TestDatabase database, @TempDir Path dir) throws Exception {
        String url = database.url(dir);
        try (HikariDataSource poolA = Database.open(url, null, null); HikariDataSource poolB = Database.open(url, null, null)) {
            Workspace a = Workspace.open(poolA, new Cores(1, 0));
            Workspace b = Workspace.open(poolB, new Cores(1, 0));
            try {
                // Two scenarios whose solves search until stopped: each holds its server's only core until stopped.
                long first = a.scenarios().importFile("A", "endless.zip", RunningWorkspace.endlessRegionZip(), null).id();
                long second = a.scenarios().copy(first, "B", null).id();
                a.solves().solve(first, "anna");
                a.solves().solve(second, "bo");
                // Both are asked of server A, which has one core: server B runs the other.
                awaitSolving(b, first);
                awaitSolving(b, second);
                SolveJobStore jobs = SolveJobStore.on(poolA);
                assertNotEquals(jobs.find(first).orElseThrow().node(), jobs.find(second).orElseThrow().node(),
                        "each server runs one");
                // Either server knows a scenario is being solved, and by whom.
                WorkspaceError.Conflict again = assertThrows(WorkspaceError.Conflict.class, () -> b.solves().solve(first, "cia"));
                assertEquals("Scenario " + first + " löses redan av anna.", Words.swedish().say(again.phrase()));

                // A stop asked for on one server ends the solve where it runs; its best calendar is saved.
                b.solves().stop(first);
                a.solves().stop(second);
                for (long id : new long[] {first, second}) {
                    assertEquals(Solves.Status.NOT_SOLVING, a.solves().progress(id).status());
                    assertEquals(Solves.Status.NOT_SOLVING, b.solves().progress(id).status());
                    assertEquals(2, a.scenarios().get(id).version());
                    assertTrue(a.scenarios().get(id).what().endsWith("(stoppad)"), a.scenarios().get(id).what());
                }
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** Waits until the scenario's solve is running on some server, as this server reads it from the database. */
    private static void awaitSolving(Workspace server, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // catches a hang, not a slow minute
        while (server.solves().progress(id).status() != Solves.Status.SOLVING) {
            assertTrue(System.nanoTime() < deadline, "the solve never started: " + server.solves().progress(id));
            Thread.sleep(20);
        }
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.ScenarioStore;

/** Re-plans run a bounded number at a time; one that cannot start in time is refused, and nothing is saved for it. */
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
}

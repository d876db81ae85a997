package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.UserStore;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * A workspace database written by the release before this one (src/test/resources/upgrade) opens after the upgrade:
 * its history's text becomes typed events, and its versions, accounts and feed secrets are kept.
 */
class UpgradeTest {

    /** The published scenario's feed secret in the old database: an Outlook subscription of it must keep working. */
    private static final String FEED = "gX65qJLtZ9zttMhl3cd7BCWgAWYBe4mnE9XtON4swG0";
    /** The old database's admin token, issued by {@code users add}. */
    private static final String ADMIN_TOKEN = "srB8FPipxSol0tDqismjpD8uTOToe0R7GYYjhjR_ufA";

    private static void unpackOldDatabase(Path dir) throws IOException {
        try (InputStream in = new GZIPInputStream(UpgradeTest.class.getResourceAsStream("/upgrade/tidplan-0.1.0.mv.db.gz"))) {
            Files.copy(in, dir.resolve("tidplan.mv.db"));
        }
    }

    @Test
    void theOldHistoryBecomesTypedEventsAndVersionsAccountsAndFeedsAreKept(@TempDir Path dir) throws Exception {
        unpackOldDatabase(dir);
        try (var pool = Database.open(Database.h2Url(dir), null, null)) {
            ScenarioStore store = ScenarioStore.open(pool);
            assertEquals(List.of(1L, 2L, 3L, 4L), store.list().stream().map(ScenarioStore.Scenario::id).toList());
            // The history is newest first; events.get(v - 1) is what made version v.
            List<VersionEvent> events = new ArrayList<>(store.history(1).stream().map(ScenarioStore.Version::event).toList());
            Collections.reverse(events);
            assertEquals(13, events.size());
            assertEquals(new VersionEvent.Created("Regionens dataset 2021, med Tidplanens egna datum"), events.get(0));
            assertEquals(new VersionEvent.Solved("0hard/-4530soft", false), events.get(1));
            assertEquals(new VersionEvent.Replanned(LocalDate.of(2021, 1, 4),
                    List.of(new Replanner.Pin("BD22-KOMM", LocalDate.of(2021, 1, 20))), 2), events.get(2));
            assertEquals(new VersionEvent.Replanned(LocalDate.of(2021, 1, 4),
                    List.of(new Replanner.MoveForecast(LocalDate.of(2021, 8, 24), LocalDate.of(2021, 8, 26))), 1), events.get(6));
            // Every kind at once, bodies with a space in their names (quoted in the old text).
            assertEquals(new VersionEvent.Replanned(LocalDate.of(2021, 3, 1), List.of(
                    new Replanner.MoveSitting("RS AU", LocalDate.of(2021, 5, 4), LocalDate.of(2021, 5, 6)),
                    new Replanner.MoveSitting("HSN", LocalDate.of(2021, 6, 16), LocalDate.of(2021, 6, 15)),
                    new Replanner.CancelSitting("RS", LocalDate.of(2021, 11, 23)),
                    new Replanner.AddSitting("RS Pres.", LocalDate.of(2021, 5, 20)),
                    new Replanner.AddSitting("CSG", LocalDate.of(2021, 9, 9)),
                    new Replanner.MoveForecast(LocalDate.of(2021, 10, 1), LocalDate.of(2021, 9, 30)),
                    new Replanner.Pin("DR2-STOPP", LocalDate.of(2021, 10, 4)),
                    new Replanner.Pin("HV22-CSG", LocalDate.of(2021, 9, 9))), 4), events.get(7));
            assertEquals(new VersionEvent.Restored(8), events.get(9));
            assertEquals(new VersionEvent.Solved("0hard/-4510soft", false), events.get(11));
            assertEquals(new VersionEvent.Copied("Region Jämtland Härjedalen, Tidplan 2021", 12),
                    store.history(2).get(3).event());
            assertEquals(new VersionEvent.Solved("0hard/-4540soft", true), store.history(2).get(0).event());
            assertEquals(new VersionEvent.Imported("s2-dataset.zip"), store.history(4).get(0).event());
            assertEquals("Omplanerad från 2021-01-04: BD22-KOMM låses till 2021-01-20; 2 aktiviteter flyttade",
                    Words.swedish().say(events.get(2).phrase()));
            // Versions kept whole: the published scenario at 13, its feed at the same address; accounts as they were.
            assertEquals(13, store.find(1).orElseThrow().version());
            assertEquals(1L, store.byFeed(FEED).orElseThrow().id());
            UserStore users = UserStore.on(pool);
            assertTrue(users.byPassword("admin", "olddb-admin-pass-2021").isPresent());
            assertTrue(users.byPassword("planer", "olddb-planer-pass-2021").isPresent());
            assertEquals("admin", users.byToken(ADMIN_TOKEN).orElseThrow().name());
        }
    }

    @Test
    void theUpgradedWorkspaceServesItsHistoryInWordsAndItsFeed(@TempDir Path dir) throws Exception {
        unpackOldDatabase(dir);
        try (RunningWorkspace server = new RunningWorkspace(Database.h2Url(dir))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> history = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios/1/history")))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, history.statusCode(), history.body());
            JsonNode version3 = new ObjectMapper().readTree(history.body()).get(10);
            assertEquals(3, version3.path("version").asInt());
            assertEquals("replanned", version3.path("event").path("type").asText());
            assertEquals("pin", version3.path("event").path("changes").get(0).path("type").asText());
            assertEquals("Omplanerad från 2021-01-04: BD22-KOMM låses till 2021-01-20; 2 aktiviteter flyttade",
                    version3.path("what").asText());
            HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(server.url("/feeds/" + FEED + ".ics"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, feed.statusCode());
            assertTrue(feed.body().startsWith("BEGIN:VCALENDAR"), feed.body());
        }
    }
}

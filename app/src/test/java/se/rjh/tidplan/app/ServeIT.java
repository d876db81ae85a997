package se.rjh.tidplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.app.ServedJar.Server;
import se.rjh.tidplan.data.read.CalendarFile;

/**
 * {@code serve} as a real process from the jar: killed with SIGKILL in the middle of a solve it loses nothing
 * saved, and after a restart the scenario is there and solves again; stopped with SIGTERM (Ctrl-C) it stops the
 * running solve, saves its best calendar and closes the database. The solves stopped search until stopped, so
 * the signal always comes mid-search; every wait is for a state the server reports.
 */
class ServeIT {

    private final ServedJar jar = new ServedJar();

    @AfterEach
    void killLeftovers() {
        jar.close();
    }

    private Server serve(Path workspace) throws Exception {
        return jar.serve(workspace.getParent(), "--workspace", workspace.toString());
    }

    private JsonNode call(Server server, String method, String path) throws Exception {
        return jar.call(server, method, path);
    }

    private JsonNode post(Server server, String path, String json) throws Exception {
        return jar.post(server, path, json);
    }

    private HttpResponse<String> send(Server server, String path, String json) throws Exception {
        return jar.send(server, path, json);
    }

    private JsonNode solveToTheEnd(Server server, long id) throws Exception {
        call(server, "POST", "/api/scenarios/" + id + "/solve");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // catches a hang, not a slow minute
        while (call(server, "GET", "/api/scenarios/" + id + "/progress").path("status").asText().matches("QUEUED|SOLVING")) {
            assertTrue(System.nanoTime() < deadline, "the solve did not end");
            Thread.sleep(100);
        }
        return call(server, "GET", "/api/scenarios/" + id);
    }

    /** Starts a solve and waits until it is mid-search: solving, with a calendar that keeps every hard rule found. */
    private void solveUntilMidSearch(Server server, long id) throws Exception {
        String status = post(server, "/api/scenarios/" + id + "/solve", "").path("status").asText();
        assertTrue(status.matches("QUEUED|SOLVING"), status);
        jar.awaitMidSearch(server, id);
    }

    @Test
    void killedMidSolveItLosesNothingSavedAndStoppedItSavesTheBestSoFar(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        Server first = serve(workspace);
        long region = call(first, "GET", "/api/scenarios").get(0).path("id").asLong();
        long endless = jar.importEndless(first);
        String handMade = call(first, "GET", "/api/scenarios/" + endless).path("score").asText();
        solveUntilMidSearch(first, endless);
        first.process().destroyForcibly(); // SIGKILL mid-search: no hook runs
        assertTrue(first.process().waitFor(5, TimeUnit.MINUTES));

        Server second = serve(workspace);
        JsonNode after = call(second, "GET", "/api/scenarios/" + endless);
        assertEquals(1, after.path("version").asInt(), "the interrupted solve saved nothing, half or whole");
        assertEquals(handMade, after.path("score").asText());
        // The solve is a job in the database: it outlives its server, to be run again once that server is known dead.
        assertTrue(after.path("status").asText().matches("QUEUED|SOLVING"), after.toString());
        // Stopped, it ends: at once if it had not started again, else with its best calendar so far, saved whole.
        JsonNode stopped = post(second, "/api/scenarios/" + endless + "/stop", "");
        assertEquals("NOT_SOLVING", stopped.path("status").asText(), stopped.toString());
        int kept = stopped.path("version").asInt();
        assertTrue(kept == 1 || kept == 2 && call(second, "GET", "/api/scenarios/" + endless + "/history").get(0)
                .path("what").asText().endsWith("(stoppad)"), stopped.toString());
        JsonNode solved = solveToTheEnd(second, region);
        assertEquals(2, solved.path("version").asInt());
        assertTrue(solved.path("score").asText().startsWith("0hard/"), solved.toString());

        // SIGTERM mid-search: the solve stops, its best calendar is saved, the process ends by itself.
        solveUntilMidSearch(second, endless);
        second.process().destroy();
        assertTrue(second.process().waitFor(5, TimeUnit.MINUTES), "serve did not stop on SIGTERM");
        String said = second.said();
        assertTrue(said.contains("Stopped: every change is saved"), said);

        Server third = serve(workspace);
        JsonNode history = call(third, "GET", "/api/scenarios/" + endless + "/history");
        assertEquals(kept + 1, history.get(0).path("version").asInt(), history.toString());
        assertTrue(history.get(0).path("what").asText().endsWith("(stoppad)"), history.toString());
        assertTrue(history.get(0).path("score").asText().startsWith("0hard/"), "stopped mid-search, after a feasible calendar");
        third.process().destroy();
        assertTrue(third.process().waitFor(5, TimeUnit.MINUTES));
    }

    /** An edit the server acknowledged: the version it made, and the activity it pinned and where. */
    private record Edit(long scenario, int version, String activity, String date) {
    }

    @Test
    void killedUnderEditsTheDatabaseHoldsEveryAcknowledgedEdit(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        Server first = serve(workspace);
        int planners = 4;
        int editsBeforeTheKill = 2;
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < planners; i++) {
            own.add(post(first, "/api/scenarios/1/copy", "{\"name\":\"p" + i + "\"}").path("id").asLong());
        }
        List<String[]> pins = List.of(new String[] {"BD22-KOMM", "2021-01-20"}, new String[] {"BD22-KOMM", "2021-01-21"},
                new String[] {"BD22-HR", "2021-01-20"}, new String[] {"BD22-HR", "2021-01-21"});
        List<Edit> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch enough = new CountDownLatch(planners);
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < planners; i++) {
            long scenario = own.get(i);
            Thread client = new Thread(() -> {
                for (int n = 0; ; n++) {
                    try {
                        int version = call(first, "GET", "/api/scenarios/" + scenario).path("version").asInt();
                        String[] pin = pins.get(n % pins.size());
                        HttpResponse<String> response = send(first, "/api/scenarios/" + scenario + "/replan",
                                "{\"version\":" + version + ",\"changes\":[{\"type\":\"pin\",\"id\":\"" + pin[0]
                                        + "\",\"date\":\"" + pin[1] + "\"}]}");
                        if (response.statusCode() == 200) {
                            acknowledged.add(new Edit(scenario, new ObjectMapper().readTree(response.body())
                                    .path("scenario").path("version").asInt(), pin[0], pin[1]));
                            if (n + 1 == editsBeforeTheKill) {
                                enough.countDown();
                            }
                        } else if (response.statusCode() != 503) { // 503: every core busy re-planning; tried again
                            unexpected.add(scenario + ": " + response.statusCode() + " " + response.body());
                            enough.countDown();
                            return;
                        } else {
                            n--;
                        }
                    } catch (Exception e) {
                        if (!killed.get()) {
                            unexpected.add(scenario + ": " + e);
                            enough.countDown();
                        }
                        return; // after the kill the server is gone: what was acknowledged before is what counts
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        assertTrue(enough.await(5, TimeUnit.MINUTES), "the planners' edits were not acknowledged");
        killed.set(true);
        first.process().destroyForcibly();
        assertTrue(first.process().waitFor(5, TimeUnit.MINUTES));
        for (Thread client : clients) {
            client.join(TimeUnit.MINUTES.toMillis(5));
        }
        assertEquals(List.of(), unexpected, "a planner got an answer no planner should get");
        assertTrue(acknowledged.size() >= planners * editsBeforeTheKill, acknowledged.toString());

        // Each acknowledged edit, looked up by its data: its version's calendar has the activity on the pinned day.
        Server second = serve(workspace);
        for (Edit edit : acknowledged) {
            HttpResponse<String> csv = jar.get(second, "/api/scenarios/" + edit.scenario() + "/versions/" + edit.version()
                    + "/calendar.csv");
            assertEquals(200, csv.statusCode(), "an acknowledged edit's version is missing after kill -9: " + edit);
            assertTrue(CalendarFile.read("calendar.csv", csv.body()).hasActivityOn(edit.activity(), LocalDate.parse(edit.date())),
                    "an acknowledged edit is missing from its version after kill -9: " + edit);
        }
        second.process().destroy();
        assertTrue(second.process().waitFor(5, TimeUnit.MINUTES));
    }


}

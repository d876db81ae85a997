package se.rjh.tidplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.app.ServedJar.Server;
import se.rjh.tidplan.workspace.TestDatabase;

/**
 * Two {@code serve} processes from the jar on one PostgreSQL database, as behind a load balancer: a session made
 * on one works on the other; a solve started on one shows on the other, which refuses a second solve of it; and
 * when the server running it is killed with SIGKILL, the other takes the job over and finishes it.
 */
class ClusterIT {

    @Test
    void twoServersOnOneDatabaseShareSessionsAndSolvesAndTakeOverADeadServersJob(@TempDir Path dir) throws Exception {
        String database = TestDatabase.POSTGRESQL.url(dir);
        String token = addAdmin(database, "ada", "ada-lösenord-2021");
        try (ServedJar jar = new ServedJar(token)) {
            Server a = jar.serve(dir, "--db", database);
            // Queued while A is the only server, so A runs it: the test then kills the server it knows runs it.
            long endless = jar.importEndless(a);
            assertEquals(202, jar.send(a, "/api/scenarios/" + endless + "/solve", "").statusCode());
            jar.awaitMidSearch(a, endless);

            Server b = jar.serve(dir, "--db", database);
            assertEquals("SOLVING", jar.call(b, "GET", "/api/scenarios/" + endless + "/progress").path("status").asText(),
                    "a solve started on A shows on B");
            HttpResponse<String> second = jar.send(b, "/api/scenarios/" + endless + "/solve", "");
            assertEquals(409, second.statusCode(), second.body());
            assertTrue(second.body().contains("Scenario " + endless + " löses redan av ada."), second.body());
            assertSessionFromOneWorksOnTheOther(a, b);

            a.process().destroyForcibly(); // SIGKILL mid-search: A's heartbeat stops
            assertTrue(a.process().waitFor(5, TimeUnit.MINUTES));
            jar.awaitSaid(b, "is taken over from");
            jar.awaitMidSearch(b, endless);
            JsonNode stopped = jar.post(b, "/api/scenarios/" + endless + "/stop", "");
            assertEquals("NOT_SOLVING", stopped.path("status").asText(), stopped.toString());
            assertEquals(2, stopped.path("version").asInt(), "B finished the job: its best calendar is the new version");
            JsonNode saved = jar.call(b, "GET", "/api/scenarios/" + endless + "/history").get(0);
            assertTrue(saved.path("what").asText().endsWith("(stoppad)") && saved.path("score").asText().startsWith("0hard/"),
                    saved.toString());
            assertEquals("ada", saved.path("by").asText(), "the job keeps who asked for it");
        }
    }

    /** Logs in on A (a browser's session, kept in the database) and uses the session's cookie on B. */
    private static void assertSessionFromOneWorksOnTheOther(Server a, Server b) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(a.url() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ada\",\"password\":\"ada-lösenord-2021\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(URI.create(b.url() + "/api/session"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, onB.statusCode(), onB.body());
        assertEquals("ada", new ObjectMapper().readTree(onB.body()).path("name").asText(), onB.body());
    }

    /** An admin account made with the jar's own {@code users add}; returns its API token. */
    private static String addAdmin(String database, String name, String password) throws Exception {
        Process users = new ProcessBuilder(List.of(ServedJar.java(), "-jar", ServedJar.JAR.toString(), "users", "add", name,
                "--role", "admin", "--password-stdin", "--db", database)).redirectErrorStream(true).start();
        try (OutputStream stdin = users.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(users.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(users.waitFor(5, TimeUnit.MINUTES) && users.exitValue() == 0, said);
        String[] lines = said.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}

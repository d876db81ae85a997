package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code serve} as a real process from the jar: killed with SIGKILL in the middle of a solve it loses nothing
 * saved, and after a restart the scenario is there and solves again; stopped with SIGTERM (Ctrl-C) it stops the
 * running solve, saves its best calendar and closes the database.
 */
class ServeIT {

    private static final Path JAR = Path.of("../solver/target/tidplan.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+) ");
    private final HttpClient http = HttpClient.newHttpClient();

    /** A running {@code serve}, the address it printed, and the file its output goes to. */
    private record Server(Process process, String url, Path output) {
    }

    private static Server serve(Path workspace) throws Exception {
        Path output = Files.createTempFile(workspace.getParent(), "serve", ".out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "serve", "--port", "0", "--workspace", workspace.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (m.find()) {
                return new Server(process, m.group(1), output);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say where it listens: " + Files.readString(output, StandardCharsets.UTF_8));
    }

    private JsonNode call(Server server, String method, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private JsonNode solveToTheEnd(Server server, long id) throws Exception {
        call(server, "POST", "/api/scenarios/" + id + "/solve");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (call(server, "GET", "/api/scenarios/" + id + "/progress").path("status").asText().equals("SOLVING")) {
            assertTrue(System.nanoTime() < deadline, "the solve did not end");
            Thread.sleep(100);
        }
        return call(server, "GET", "/api/scenarios/" + id);
    }

    @Test
    void killedMidSolveItLosesNothingSavedAndStoppedItSavesTheBestSoFar(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        Server first = serve(workspace);
        long id = call(first, "GET", "/api/scenarios").get(0).path("id").asLong();
        String handMade = call(first, "GET", "/api/scenarios/" + id).path("score").asText();
        call(first, "POST", "/api/scenarios/" + id + "/solve");
        Thread.sleep(500);
        first.process().destroyForcibly();
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));

        Server second = serve(workspace);
        JsonNode after = call(second, "GET", "/api/scenarios/" + id);
        assertEquals(1, after.path("version").asInt(), "the interrupted solve saved nothing, half or whole");
        assertEquals(handMade, after.path("score").asText());
        assertEquals("NOT_SOLVING", after.path("status").asText());
        JsonNode solved = solveToTheEnd(second, id);
        assertEquals(2, solved.path("version").asInt());
        assertTrue(solved.path("score").asText().startsWith("0hard/"), solved.toString());

        // SIGTERM during a solve: the solve stops, its best calendar is saved, the process ends by itself.
        call(second, "POST", "/api/scenarios/" + id + "/solve");
        Thread.sleep(1500);
        second.process().destroy();
        assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        String said = Files.readString(second.output(), StandardCharsets.UTF_8);
        assertTrue(said.contains("Stopped: every change is saved"), said);

        Server third = serve(workspace);
        JsonNode history = call(third, "GET", "/api/scenarios/" + id + "/history");
        assertEquals(3, history.get(0).path("version").asInt(), history.toString());
        assertTrue(history.get(0).path("what").asText().endsWith("(stoppad)"), history.toString());
        third.process().destroy();
        assertTrue(third.process().waitFor(60, TimeUnit.SECONDS));
    }
}

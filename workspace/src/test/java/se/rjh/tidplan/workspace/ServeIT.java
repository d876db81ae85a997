package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.data.read.Dataset;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.planning.Planner;

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
        while (call(server, "GET", "/api/scenarios/" + id + "/progress").path("status").asText().matches("QUEUED|SOLVING")) {
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

        // SIGTERM during a solve: the solve stops, its best calendar is saved, the process ends by itself. The
        // region's calendar solves in a second on a warm JVM, so the solve stopped is one of ten organisations.
        long large = new ObjectMapper().readTree(http.send(RunningWorkspace.importRequest(second.url() + "/api/scenarios",
                "ten-organisations.zip", generatedDatasetZip(dir.resolve("generated"))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("id").asLong();
        call(second, "POST", "/api/scenarios/" + large + "/solve");
        Thread.sleep(1500);
        second.process().destroy();
        assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        String said = Files.readString(second.output(), StandardCharsets.UTF_8);
        assertTrue(said.contains("Stopped: every change is saved"), said);

        Server third = serve(workspace);
        JsonNode history = call(third, "GET", "/api/scenarios/" + large + "/history");
        assertEquals(2, history.get(0).path("version").asInt(), history.toString());
        assertTrue(history.get(0).path("what").asText().endsWith("(stoppad)"), history.toString());
        third.process().destroy();
        assertTrue(third.process().waitFor(60, TimeUnit.SECONDS));
    }

    @Test
    void killedUnderEditsTheDatabaseHoldsEveryAcknowledgedEdit(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        Server first = serve(workspace);
        int planners = 4;
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < planners; i++) {
            own.add(post(first, "/api/scenarios/1/copy", "{\"name\":\"p" + i + "\"}").path("id").asLong());
        }
        List<String> pins = List.of("BD22-KOMM=2021-01-20", "BD22-KOMM=2021-01-21", "BD22-HR=2021-01-20", "BD22-HR=2021-01-21");
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < planners; i++) {
            long scenario = own.get(i);
            Thread client = new Thread(() -> {
                for (int n = 0; ; n++) {
                    try {
                        int version = call(first, "GET", "/api/scenarios/" + scenario).path("version").asInt();
                        String pin = pins.get(n % pins.size());
                        JsonNode saved = post(first, "/api/scenarios/" + scenario + "/replan",
                                "{\"version\":" + version + ",\"pin\":[\"" + pin + "\"]}");
                        acknowledged.add(scenario + " " + saved.path("scenario").path("version").asInt() + " --pin " + pin);
                    } catch (Exception killed) {
                        return; // the server is gone: what was acknowledged before is what counts
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        Thread.sleep(6000);
        first.process().destroyForcibly();
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
        for (Thread client : clients) {
            client.join(30_000);
        }
        assertFalse(acknowledged.isEmpty(), "no edit was acknowledged before the kill");

        Server second = serve(workspace);
        for (String edit : acknowledged) {
            String[] parts = edit.split(" ", 3);
            boolean found = false;
            for (JsonNode version : call(second, "GET", "/api/scenarios/" + parts[0] + "/history")) {
                found |= version.path("version").asText().equals(parts[1]) && version.path("what").asText().contains(parts[2]);
            }
            assertTrue(found, "an acknowledged edit is missing after kill -9: " + edit);
        }
        second.process().destroy();
        assertTrue(second.process().waitFor(60, TimeUnit.SECONDS));
    }

    private JsonNode post(Server server, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The generated instance of ten organisations (seed 10) as a dataset zip, as the page's import takes it. */
    private static byte[] generatedDatasetZip(Path dir) throws Exception {
        Dataset generated = Planner.generate(10, 10).dataset();
        DatasetWriter.write(generated.settings(), generated.schedule(), dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

package se.rjh.tidplan.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.workspace.RunningWorkspace;

/**
 * {@code serve} from the jar as real processes, and the requests a test makes of them (with a token, when the
 * server has accounts). Closing kills every process started, whatever the test's outcome. Every wait is for a
 * state the server reports, bounded only to catch a hang.
 */
final class ServedJar implements AutoCloseable {

    static final Path JAR = Path.of("target/tidplan.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+) ");
    private static final long HANG_MINUTES = 5;

    /** A running {@code serve}, the address it printed, and the file its output goes to. */
    record Server(Process process, String url, Path output) {

        String said() throws Exception {
            return Files.readString(output, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();
    /** Sent as {@code Authorization: Bearer} with every request, or none. */
    private final String token;

    ServedJar() {
        this(null);
    }

    ServedJar(String token) {
        this.token = token;
    }

    /** Starts {@code serve} with these options (a port of its own) and waits until it says where it listens. */
    Server serve(Path outputDir, String... options) throws Exception {
        Path output = Files.createTempFile(outputDir, "serve", ".out");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        started.add(process);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (m.find()) {
                return new Server(process, m.group(1), output);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say where it listens: " + Files.readString(output, StandardCharsets.UTF_8));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private HttpRequest.Builder request(Server server, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofMinutes(2));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    JsonNode call(Server server, String method, String path) throws Exception {
        HttpResponse<String> response = http.send(request(server, path).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    HttpResponse<String> send(Server server, String path, String json) throws Exception {
        return http.send(request(server, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(Server server, String path) throws Exception {
        return http.send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode post(Server server, String path, String json) throws Exception {
        HttpResponse<String> response = send(server, path, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** Imports the region's dataset whose solve searches until stopped; returns the new scenario's id. */
    long importEndless(Server server) throws Exception {
        HttpRequest.Builder upload = RunningWorkspace.importRequest(server.url() + "/api/scenarios", "endless.zip",
                RunningWorkspace.endlessRegionZip());
        HttpResponse<String> response = http.send((token == null ? upload : upload.header("Authorization", "Bearer " + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 201, response.body());
        return new ObjectMapper().readTree(response.body()).path("id").asLong();
    }

    /** Waits until the scenario's solve is running with a calendar that keeps every hard rule found. */
    JsonNode awaitMidSearch(Server server, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
        JsonNode progress = call(server, "GET", "/api/scenarios/" + id + "/progress");
        while (!progress.path("status").asText().equals("SOLVING") || !progress.path("bestScore").asText().startsWith("0hard/")) {
            assertTrue(System.nanoTime() < deadline, "the solve never got going: " + progress);
            Thread.sleep(100);
            progress = call(server, "GET", "/api/scenarios/" + id + "/progress");
        }
        return progress;
    }

    /** Waits until the server has said {@code text} in its output. */
    void awaitSaid(Server server, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
        while (!server.said().contains(text)) {
            assertTrue(System.nanoTime() < deadline && server.process().isAlive(), "the server never said '" + text
                    + "': " + server.said());
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }
}

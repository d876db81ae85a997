package se.rjh.tidplan.workspace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.UserStore;
import se.rjh.tidplan.workspace.web.OidcLogin;
import se.rjh.tidplan.workspace.web.WorkspaceServer;

/** The workspace served in-process on a free loopback port over a database in {@code dir}, for tests. */
public final class RunningWorkspace implements AutoCloseable {

    /** A response: its status and body. */
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    final Workspace workspace;
    private final HikariDataSource pool;
    private final Javalin server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** On H2 in a file under {@code dir}. */
    RunningWorkspace(Path dir) {
        this(TestDatabase.H2.url(dir));
    }

    /** On the database at {@code url} (see {@link TestDatabase}). */
    RunningWorkspace(String url) {
        this(url, false);
    }

    /** The same, {@code behindProxy}: as {@code serve --behind-proxy}, the client named by X-Forwarded-For. */
    RunningWorkspace(String url, boolean behindProxy) {
        this(url, behindProxy, Optional.empty());
    }

    /** On H2 in a file under {@code dir}, with the region's login {@code oidc} (as {@code serve --oidc-issuer}). */
    RunningWorkspace(Path dir, OidcLogin oidc) {
        this(TestDatabase.H2.url(dir), false, Optional.of(oidc));
    }

    private RunningWorkspace(String url, boolean behindProxy, Optional<OidcLogin> regionLogin) {
        pool = Database.open(url, null, null);
        workspace = Workspace.open(pool);
        server = WorkspaceServer.start(workspace, UserStore.on(pool), AuditLog.on(pool),
                new WorkspaceServer.Listening(ServeCommand.LOOPBACK, 0, behindProxy), pool, regionLogin);
    }

    /** The database goes away under the running server, as in an outage. */
    void closeDatabase() {
        pool.close();
    }

    /** The running server's database, for a second reader of it (another node). */
    javax.sql.DataSource dataSource() {
        return pool;
    }

    /** The accounts of the running server's database. */
    UserStore users() {
        return UserStore.on(pool);
    }

    String url(String path) {
        return "http://" + ServeCommand.LOOPBACK + ":" + server.port() + path;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart upload of one file in the form field {@code file}, as the page's import sends it. */
    Response upload(String fileName, byte[] content) {
        return send(importRequest(url("/api/scenarios"), fileName, content));
    }

    /**
     * The region's dataset as a zip whose full solve searches until stopped (settings.json's {@code "until":
     * "stopped"}): a solve of it is mid-search until the test stops it, however fast the machine.
     */
    public static byte[] endlessRegionZip() {
        Map<String, String> files = new TreeMap<>(DatasetFiles.embeddedDefault());
        String settings = files.get(DatasetReader.SETTINGS);
        String endless = settings.replace("\"until\": \"done\"", "\"until\": \"stopped\"").replace("\"seconds\": 30", "\"seconds\": 3600");
        if (!endless.contains("\"until\": \"stopped\"") || !endless.contains("\"seconds\": 3600")) {
            throw new AssertionError("the region's settings.json changed shape: " + settings);
        }
        files.put(DatasetReader.SETTINGS, endless);
        return DatasetFiles.zip(files);
    }

    /** The content type of {@link #multipartBody}. */
    static final String MULTIPART = "multipart/form-data; boundary=tidplan-test-boundary";

    /** A multipart form with one file in the field {@code file}, as the page's import sends it. */
    static byte[] multipartBody(String fileName, byte[] content) {
        String boundary = MULTIPART.substring(MULTIPART.indexOf('=') + 1);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }

    /** The page's import of one file, as a request to {@code url}. */
    public static HttpRequest.Builder importRequest(String url, String fileName, byte[] content) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(fileName, content)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Solves a scenario through the API and waits for the solve to end; returns the scenario after it. */
    JsonNode solve(long id) throws InterruptedException {
        Response started = post("/api/scenarios/" + id + "/solve", "");
        if (started.status() != 202) {
            throw new AssertionError("solve: " + started);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos(); // catches a hang, not a slow minute
        while (get("/api/scenarios/" + id + "/progress").json().path("status").asText().matches("QUEUED|SOLVING")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the solve did not end");
            }
            Thread.sleep(100);
        }
        return get("/api/scenarios/" + id).json();
    }

    @Override
    public void close() {
        workspace.close();
        server.stop();
        pool.close();
    }
}

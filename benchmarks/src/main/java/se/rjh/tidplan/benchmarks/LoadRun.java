package se.rjh.tidplan.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import io.javalin.Javalin;
import se.rjh.tidplan.workspace.Workspace;
import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.UserStore;
import se.rjh.tidplan.workspace.web.WorkspaceServer;

/**
 * A load run against the workspace's server on loopback, bounded in time: N planners at once, each with a
 * scenario of their own, reading, exporting, editing their own scenario and one shared one, while a few solves
 * run. Every request carries a planner's API token. At the end: latency per kind of request, throughput,
 * server errors (503 "busy, retry" is counted apart), and the lost edits: every edit that got a 2xx must be in its scenario's history, every refused
 * one must have got a 409.
 *
 * <pre>java -cp benchmarks/target/tidplan-benchmarks.jar se.rjh.tidplan.benchmarks.LoadRun [--users 50] [--seconds 60] [--solves 5] [--db URL]</pre>
 */
public final class LoadRun {

    private record Edit(long scenario, int version, String pin) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final List<Edit> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger otherErrors = new AtomicInteger();
    private String base;
    private String token;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int users = Integer.parseInt(options.getOrDefault("--users", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "60"));
        int solves = Integer.parseInt(options.getOrDefault("--solves", "5"));
        Path dir = Files.createTempDirectory("tidplan-load");
        String url = options.getOrDefault("--db", Database.h2Url(dir));
        new LoadRun().run(url, users, seconds, solves);
    }

    private void run(String url, int users, int seconds, int solves) throws Exception {
        try (HikariDataSource pool = Database.open(url, null, null)) {
            Workspace workspace = new Workspace(ScenarioStore.open(pool));
            token = UserStore.on(pool).add("load-" + System.nanoTime(), UserStore.Role.PLANNER, null);
            Javalin server = WorkspaceServer.start(workspace, UserStore.on(pool), "127.0.0.1", 0);
            base = "http://127.0.0.1:" + server.port();
            try {
                drive(users, seconds, solves);
            } finally {
                workspace.stopAll();
                server.stop();
            }
        }
    }

    private void drive(int users, int seconds, int solves) throws Exception {
        long shared = json.readTree(send("GET", "/api/scenarios", null, "setup").body()).get(0).path("id").asLong();
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            own.add(json.readTree(send("POST", "/api/scenarios/" + shared + "/copy", "{\"name\":\"Planerare " + i + "\"}", "setup")
                    .body()).path("id").asLong());
        }
        // Where each activity could go with the rest in place: the edits pin activities there.
        List<String[]> pins = new ArrayList<>();
        for (JsonNode a : json.readTree(send("GET", "/api/scenarios/" + shared + "/calendar", null, "setup").body()).path("activities")) {
            for (JsonNode d : a.path("possibleDates")) {
                if (!d.asText().equals(a.path("date").asText())) {
                    pins.add(new String[] {a.path("id").asText(), d.asText()});
                }
            }
        }
        latencies.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(users + 1);
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            long mine = own.get(u);
            Random random = new Random(u);
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    step(random, mine, shared, pins);
                }
                return null;
            });
        }
        pool.submit(() -> {
            for (int s = 0; s < solves && System.nanoTime() < deadline; s++) {
                long scenario = own.get(s % own.size());
                long solveStarted = System.nanoTime();
                HttpResponse<String> response = send("POST", "/api/scenarios/" + scenario + "/solve", "", "solve (start)");
                if (response.statusCode() == 202) {
                    while (System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(120)
                            && json.readTree(send("GET", "/api/scenarios/" + scenario + "/progress", null, "progress").body())
                                    .path("status").asText().matches("QUEUED|SOLVING")) {
                        Thread.sleep(250);
                    }
                    latencies.computeIfAbsent("solve (to saved)", k -> Collections.synchronizedList(new ArrayList<>()))
                            .add((System.nanoTime() - solveStarted) / 1_000_000);
                }
            }
            return null;
        });
        pool.shutdown();
        pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - started) / 1e9;
        report(wall, users, seconds, verify());
    }

    /** One request of a planner's working minute: mostly reading, some exports, edits of their own and the shared scenario. */
    private void step(Random random, long mine, long shared, List<String[]> pins) throws Exception {
        int roll = random.nextInt(100);
        long scenario = random.nextBoolean() ? mine : shared;
        if (roll < 35) {
            send("GET", "/api/scenarios/" + scenario + "/calendar", null, "read calendar");
        } else if (roll < 45) {
            send("GET", "/api/scenarios", null, "list scenarios");
        } else if (roll < 55) {
            send("GET", "/api/scenarios/" + scenario + "/calendar.csv", null, "export csv");
        } else if (roll < 60) {
            send("GET", "/api/scenarios/" + scenario + "/calendar.ics", null, "export ics");
        } else {
            long target = roll < 85 ? mine : shared;
            String[] pin = pins.get(random.nextInt(pins.size()));
            int version = json.readTree(send("GET", "/api/scenarios/" + target, null, "read scenario").body()).path("version").asInt();
            String change = pin[0] + "=" + pin[1];
            HttpResponse<String> response = send("POST", "/api/scenarios/" + target + "/replan",
                    "{\"version\":" + version + ",\"pin\":[\"" + change + "\"]}", target == mine ? "edit own" : "edit shared");
            if (response.statusCode() == 200) {
                acknowledged.add(new Edit(target, json.readTree(response.body()).path("scenario").path("version").asInt(), change));
            } else if (response.statusCode() == 409) {
                refused.incrementAndGet();
            } else if (response.statusCode() == 503) {
                busy.incrementAndGet(); // not carried out: every core was re-planning; a client tries again
                Thread.sleep(1000);
            } else if (response.statusCode() != 400) {
                otherErrors.incrementAndGet();
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String kind) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - started) / 1_000_000);
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            serverErrors.incrementAndGet();
        }
        return response;
    }

    /** The acknowledged edits missing from their scenario's history. */
    private int verify() throws Exception {
        Map<Long, JsonNode> histories = new TreeMap<>();
        int lost = 0;
        for (Edit edit : acknowledged) {
            JsonNode history = histories.computeIfAbsent(edit.scenario(), id -> {
                try {
                    return json.readTree(send("GET", "/api/scenarios/" + id + "/history", null, "verify").body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean found = false;
            for (JsonNode version : history) {
                found |= version.path("version").asInt() == edit.version() && version.path("what").asText().contains("--pin " + edit.pin());
            }
            lost += found ? 0 : 1;
        }
        return lost;
    }

    private void report(double wall, int users, int seconds, int lost) {
        System.out.printf("Load run: %d planners for %d s against the workspace on loopback (%.1f s wall, last requests included)%n",
                users, seconds, wall);
        System.out.printf("%-18s %8s %8s %8s %8s %8s%n", "request", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        long total = 0;
        for (var kind : new TreeMap<>(latencies).entrySet()) {
            if (kind.getKey().equals("setup") || kind.getKey().equals("verify")) {
                continue;
            }
            List<Long> times = new ArrayList<>(kind.getValue());
            Collections.sort(times);
            total += times.size();
            System.out.printf("%-18s %8d %8d %8d %8d %8d%n", kind.getKey(), times.size(), percentile(times, 50),
                    percentile(times, 95), percentile(times, 99), times.get(times.size() - 1));
        }
        System.out.printf("throughput: %.1f requests/s; server errors (5xx): %d; other unexpected answers: %d%n", total / wall,
                serverErrors.get(), otherErrors.get());
        System.out.printf("edits acknowledged: %d, refused with 409 (a newer version existed): %d, "
                + "not started with 503 (every core busy re-planning; retried later): %d, lost: %d%n",
                acknowledged.size(), refused.get(), busy.get(), lost);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

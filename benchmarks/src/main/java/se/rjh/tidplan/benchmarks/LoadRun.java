package se.rjh.tidplan.benchmarks;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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

import se.rjh.tidplan.data.read.CalendarFile;

/**
 * A load run against the workspace, bounded in time: N planners at once, each with a scenario of their own,
 * reading, exporting, editing their own scenario and one shared one, while a few solves run. The servers are the
 * real {@code serve} of the jar, each in a process of its own on loopback ({@code --nodes N} of them on one
 * {@code --db}, every request sent to the next, as a load balancer without sticky sessions does), or servers
 * already running ({@code --url URL[,URL...]}, with a planner's {@code --token}); every request carries a planner's
 * API token. With {@code --kill-after S} the first server is killed with SIGKILL S seconds in and started again
 * on the same database while the planners carry on. At the end: latency per kind of request, throughput,
 * server errors (503 "busy, retry" is counted apart), and the lost edits: every edit that got a 2xx must be in
 * the calendar of the version it made (after the restart too), every refused one must have got a 409.
 *
 * <pre>java -cp benchmarks/target/tidplan-benchmarks.jar se.rjh.tidplan.benchmarks.LoadRun [--users 50] [--seconds 60]
 *     [--solves 5] [--kill-after S] [--db URL [--nodes N]] [--jar app/target/tidplan.jar]
 *     [--url http://HOST:PORT[,http://HOST2:PORT] --token TOKEN]</pre>
 */
public final class LoadRun {

    private record Edit(long scenario, int version, String activity, LocalDate date) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final List<Edit> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger otherErrors = new AtomicInteger();
    /** Requests that got no answer: the server was down (killed, not yet up again) or dropped the connection. */
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<String> where;
    private final Path jar;
    private final Path log;
    /** The servers' addresses; the requests go to each in turn. */
    private final List<String> bases;
    /** The servers this run started, by address (none for {@code --url}). */
    private final Process[] servers;
    private final AtomicInteger next = new AtomicInteger();
    private String token;

    private LoadRun(List<String> where, Path jar, Path log, List<String> bases, boolean start, String token) {
        this.where = where;
        this.jar = jar;
        this.log = log;
        this.bases = bases;
        this.servers = start ? new Process[bases.size()] : new Process[0];
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int users = Integer.parseInt(options.getOrDefault("--users", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "60"));
        int solves = Integer.parseInt(options.getOrDefault("--solves", "5"));
        int killAfter = Integer.parseInt(options.getOrDefault("--kill-after", "-1"));
        Path dir = Files.createTempDirectory("tidplan-load");
        List<String> where = options.containsKey("--db") ? List.of("--db", options.get("--db"))
                : List.of("--workspace", dir.resolve("workspace").toString());
        Path jar = Path.of(options.getOrDefault("--jar", "app/target/tidplan.jar"));
        LoadRun run;
        if (options.containsKey("--url")) {
            if (!options.containsKey("--token") || killAfter >= 0) {
                throw new IllegalArgumentException("--url needs --token (a planner's API token) and takes no --kill-after");
            }
            run = new LoadRun(where, jar, dir.resolve("serve.log"), List.of(options.get("--url").split(",")), false,
                    options.get("--token"));
        } else {
            int nodes = Integer.parseInt(options.getOrDefault("--nodes", "1"));
            if (nodes > 1 && !options.containsKey("--db")) {
                throw new IllegalArgumentException("--nodes needs --db: servers in several processes share a database server");
            }
            List<String> bases = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                try (ServerSocket free = new ServerSocket(0)) {
                    bases.add("http://127.0.0.1:" + free.getLocalPort());
                }
            }
            run = new LoadRun(where, jar, dir.resolve("serve.log"), bases, true, null);
        }
        run.run(users, seconds, solves, killAfter);
    }

    private void run(int users, int seconds, int solves, int killAfter) throws Exception {
        if (token == null) {
            token = account();
        }
        for (int i = 0; i < servers.length; i++) {
            startServer(i);
        }
        try {
            drive(users, seconds, solves, killAfter);
        } finally {
            for (Process server : servers) {
                server.destroy(); // SIGTERM: solves stopped and saved, the database closed
                server.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private List<String> tidplan(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        command.addAll(where);
        return command;
    }

    /** A planner's account made with the users command, before the server holds the database; its token. */
    private String account() throws Exception {
        Process users = new ProcessBuilder(tidplan("users", "add", "load-" + System.nanoTime(), "--role", "planner"))
                .redirectErrorStream(true).start();
        List<String> lines = new String(users.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .strip().lines().toList();
        if (users.waitFor() != 0) {
            throw new IllegalStateException("users add failed: " + lines);
        }
        return lines.get(lines.size() - 1);
    }

    /** Starts the {@code i}-th server and waits until it answers. */
    private void startServer(int i) throws Exception {
        String base = bases.get(i);
        servers[i] = new ProcessBuilder(tidplan("serve", "--port", base.substring(base.lastIndexOf(':') + 1)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("serve did not answer within 120 s; see " + log);
    }

    /** kill -9 of the first server, then the same server started again on the same database; prints how long it was down. */
    private void killAndRestart() throws Exception {
        int before = acknowledged.size();
        long killed = System.nanoTime();
        servers[0].destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing finished
        startServer(0);
        System.out.printf("killed the server (kill -9) with %d edits acknowledged; up again after %.1f s%n", before,
                (System.nanoTime() - killed) / 1e9);
    }

    private void drive(int users, int seconds, int solves, int killAfter) throws Exception {
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
        ExecutorService pool = Executors.newFixedThreadPool(users + 2); // the planners, the solves, the kill
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            long mine = own.get(u);
            Random random = new Random(u);
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        step(random, mine, shared, pins);
                    } catch (java.io.IOException down) {
                        unanswered.incrementAndGet();
                        Thread.sleep(200);
                    }
                }
                return null;
            });
        }
        pool.submit(() -> {
            for (int s = 0; s < solves && System.nanoTime() < deadline; s++) {
                try {
                    solve(own.get(s % own.size()), deadline);
                } catch (java.io.IOException down) {
                    unanswered.incrementAndGet(); // a solve the kill ended: not saved, and not counted as solved
                    Thread.sleep(200);
                }
            }
            return null;
        });
        if (killAfter >= 0) {
            pool.submit(() -> {
                Thread.sleep(TimeUnit.SECONDS.toMillis(killAfter));
                killAndRestart();
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - started) / 1e9;
        report(wall, users, seconds, verify());
    }

    private void solve(long scenario, long deadline) throws Exception {
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
            HttpResponse<String> response = send("POST", "/api/scenarios/" + target + "/replan", "{\"version\":" + version
                    + ",\"changes\":[{\"type\":\"pin\",\"id\":\"" + pin[0] + "\",\"date\":\"" + pin[1] + "\"}]}",
                    target == mine ? "edit own" : "edit shared");
            if (response.statusCode() == 200) {
                acknowledged.add(new Edit(target, json.readTree(response.body()).path("scenario").path("version").asInt(),
                        pin[0], LocalDate.parse(pin[1])));
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
        String base = bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
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

    /**
     * The acknowledged edits missing after the run, each looked up by its data: the calendar of the version it
     * made must have the pinned activity on its day.
     */
    private int verify() throws Exception {
        int lost = 0;
        for (Edit edit : acknowledged) {
            HttpResponse<String> csv = send("GET", "/api/scenarios/" + edit.scenario() + "/versions/" + edit.version()
                    + "/calendar.csv", null, "verify");
            boolean found = csv.statusCode() == 200
                    && CalendarFile.read("version " + edit.version() + ".csv", csv.body()).hasActivityOn(edit.activity(), edit.date());
            lost += found ? 0 : 1;
        }
        return lost;
    }

    private void report(double wall, int users, int seconds, int lost) {
        System.out.printf("Load run: %d planners for %d s against %d server(s) of the workspace (%.1f s wall, last requests"
                + " included)%n", users, seconds, bases.size(), wall);
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
        System.out.printf("throughput: %.1f requests/s; server errors (5xx): %d; other unexpected answers: %d; "
                + "unanswered (server down): %d%n", total / wall, serverErrors.get(), otherErrors.get(), unanswered.get());
        System.out.printf("edits acknowledged: %d, refused with 409 (a newer version existed): %d, "
                + "not started with 503 (every core busy re-planning; retried later): %d, lost: %d%n",
                acknowledged.size(), refused.get(), busy.get(), lost);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Set;
import se.rjh.tidplan.cli.TidplanCommand;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.UserStore;
import se.rjh.tidplan.workspace.store.UserStore.Role;

/**
 * Who may do what on a server with accounts, the login and its CSRF token, and hostile input. Each finding of the
 * security test of the shared server (issue "A shared server a region's IT would run") and where it is checked:
 * <ol>
 * <li>a planner published through {@code /publish/}: roles per route, {@link #everyRouteAnswersEachRoleAsItMay};</li>
 * <li>deleting the last account switched authentication off: {@link #anAdminManagesTheAccountsAndARemovedAccountIsOutAtOnce};</li>
 * <li>a chunked upload past the limit was read whole, and</li>
 * <li>a zip with 45 MB of spaces was stored and could not be deleted:
 * {@link #hostileInputIsStoredVerbatimShownAsTextAndRefusedWhereItMustBe} (and WorkspaceApiTest's delete);</li>
 * <li>login throttling per process, sleeping on a server thread, names told apart by timing:
 * {@link #failedLoginsLockTheAccountForAWhileWithoutHoldingAServerThread},
 * {@link #behindAProxyFailedLoginsAreCountedPerClientNotForTheProxy};</li>
 * <li>solves and sessions per process: {@link #aSessionMadeOnOneServerWorksOnAnotherOfTheSameDatabase},
 * SolveJobsTest, and ClusterIT with two {@code serve} processes and kill -9;</li>
 * <li>health UP in an outage, 30 s hangs, pool internals in a 500: WorkspaceApiTest's
 * {@code withoutItsDatabaseTheServerSaysDownAndAnErrorCarriesAnIdNotItsCause};</li>
 * <li>exception text in 500s, a far {@code today} as 500, duplicate pins, cookie and headers, login CSRF, logout
 * without its token, short passwords, serve's exit on an unreachable database:
 * {@link #hostileInputIsStoredVerbatimShownAsTextAndRefusedWhereItMustBe}, {@link #everyAnswerForbidsFramingAndSniffing},
 * {@link #aBrowserSessionNeedsItsCsrfTokenForEveryChangeAndTheLogout},
 * {@link #aDatabaseThatCannotBeReachedIsOneLineAndExitTwo}, {@link #bindingBeyondThisMachineNeedsAnAdminFirst},
 * WorkspaceApiTest's re-plan test; the region's own login (OpenID Connect) in OidcLoginTest.</li>
 * </ol>
 */
class SecurityTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private int status(RunningWorkspace server, String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every route, and the role it needs. */
    private static final Map<String, Role> ROUTES = Map.ofEntries(
            Map.entry("GET /api/scenarios", Role.VIEWER), Map.entry("GET /api/scenarios/1", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/calendar", Role.VIEWER), Map.entry("GET /api/scenarios/1/calendar.csv", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/calendar.xlsx", Role.VIEWER), Map.entry("GET /api/scenarios/1/calendar.ics", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/yearview.html", Role.VIEWER), Map.entry("GET /api/scenarios/1/dataset.zip", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/analysis", Role.VIEWER), Map.entry("GET /api/scenarios/1/history", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/progress", Role.VIEWER), Map.entry("GET /api/compare?a=1&b=1", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/events", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/versions/1/calendar.csv", Role.VIEWER),
            Map.entry("GET /api/compare.html?a=1&b=1", Role.VIEWER),
            Map.entry("POST /api/scenarios", Role.PLANNER), Map.entry("POST /api/scenarios/1/replan", Role.PLANNER),
            Map.entry("POST /api/scenarios/1/advise", Role.PLANNER), Map.entry("POST /api/scenarios/1/copy", Role.PLANNER),
            Map.entry("POST /api/scenarios/1/undo", Role.PLANNER), Map.entry("POST /api/scenarios/1/restore", Role.PLANNER), Map.entry("POST /api/scenarios/1/stop", Role.PLANNER),
            Map.entry("PUT /api/scenarios/1/today", Role.PLANNER),
            Map.entry("GET /api/scenarios/1/dataset", Role.VIEWER), Map.entry("POST /api/scenarios/1/edits", Role.PLANNER),
            Map.entry("POST /api/scenarios/1/edits/check", Role.PLANNER), Map.entry("GET /api/scenarios/1/validation", Role.VIEWER),
            Map.entry("GET /api/scenarios/1/imported-rows", Role.VIEWER),
            Map.entry("POST /api/scenarios/1/rollforward", Role.PLANNER), Map.entry("GET /api/scenarios/1/publication", Role.VIEWER),
            Map.entry("GET /api/publications/latest/notice.html", Role.VIEWER),
            Map.entry("GET /api/publications/latest/notice.csv", Role.VIEWER),
            Map.entry("POST /api/scenarios/1/publish", Role.ADMIN), Map.entry("POST /api/scenarios/1/feed/rotate", Role.ADMIN),
            // Another spelling of a path reaches the same route, and needs what the route needs.
            Map.entry("POST /api/scenarios/1/publish/", Role.ADMIN), Map.entry("POST /api/scenarios/1/feed/rotate/", Role.ADMIN),
            Map.entry("GET /api/users/", Role.ADMIN), Map.entry("POST /api/scenarios/1/replan/", Role.PLANNER),
            // A HEAD is answered without running the route: reading, for a viewer.
            Map.entry("HEAD /api/scenarios/1/calendar.csv", Role.VIEWER), Map.entry("HEAD /api/scenarios", Role.VIEWER),
            Map.entry("GET /api/users", Role.ADMIN), Map.entry("POST /api/users", Role.ADMIN), Map.entry("GET /api/audit", Role.ADMIN),
            Map.entry("DELETE /api/users/nobody", Role.ADMIN), Map.entry("DELETE /api/scenarios/999", Role.ADMIN), Map.entry("POST /api/users/nobody/token", Role.ADMIN));

    @Test
    void everyRouteAnswersEachRoleAsItMay(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            // No accounts yet: the single planner's workspace asks no one.
            assertEquals(200, status(server, "GET", "/api/scenarios", null));
            Map<Role, String> tokens = Map.of(Role.VIEWER, server.users().add("vera", Role.VIEWER, null),
                    Role.PLANNER, server.users().add("per", Role.PLANNER, null),
                    Role.ADMIN, server.users().add("anna", Role.ADMIN, null));
            for (var route : ROUTES.entrySet()) {
                String[] methodAndPath = route.getKey().split(" ");
                assertEquals(401, status(server, methodAndPath[0], methodAndPath[1], null), route.getKey() + " without a token");
                assertEquals(401, status(server, methodAndPath[0], methodAndPath[1], "not-a-token"), route.getKey());
                for (Role role : Role.values()) {
                    int status = status(server, methodAndPath[0], methodAndPath[1], tokens.get(role));
                    if (role.atLeast(route.getValue())) {
                        assertTrue(status != 401 && status != 403, route.getKey() + " as " + role + ": " + status);
                    } else {
                        assertEquals(403, status, route.getKey() + " as " + role);
                    }
                }
            }
            assertEquals(200, status(server, "GET", "/api/health", null), "health needs no login");
            assertEquals(200, status(server, "HEAD", "/api/health", null), "nor does a load balancer's HEAD");
            assertEquals(200, status(server, "GET", "/api/labels", null), "nor the page's words: the login form says them");
            // A renewed token replaces the old one at once.
            String old = tokens.get(Role.PLANNER);
            String renewed = server.users().renewToken("per");
            assertEquals(401, status(server, "GET", "/api/scenarios", old));
            assertEquals(200, status(server, "GET", "/api/scenarios", renewed));
            // A second solve of one scenario is told who is solving (the first searches until stopped: it is still on).
            long endless = server.workspace.scenarios().importFile("Utan slut", "endless.zip", RunningWorkspace.endlessRegionZip(), null).id();
            assertEquals(202, status(server, "POST", "/api/scenarios/" + endless + "/solve", renewed));
            HttpResponse<String> second = send(server, "POST", "/api/scenarios/" + endless + "/solve", null, tokens.get(Role.ADMIN));
            assertEquals(409, second.statusCode());
            assertEquals("Scenario " + endless + " löses redan av per.", new ObjectMapper().readTree(second.body()).path("error").asText());
            assertEquals(200, status(server, "POST", "/api/scenarios/" + endless + "/stop", renewed));
        }
    }

    @Test
    void aBrowserSessionNeedsItsCsrfTokenForEveryChangeAndTheLogout(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            server.users().add("per", Role.PLANNER, "ett långt lösenord");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> wrong = browser.send(post(server, "/api/login", "{\"name\":\"per\",\"password\":\"fel\"}", null),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            assertEquals("Fel användarnamn eller lösenord.", new ObjectMapper().readTree(wrong.body()).path("error").asText());
            // A form on another site can post text/plain across origins, never JSON: a login is JSON only.
            HttpResponse<String> plain = browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"per\",\"password\":\"ett långt lösenord\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, plain.statusCode(), plain.body());
            assertEquals("En inloggning skickas som JSON (Content-Type: application/json).",
                    new ObjectMapper().readTree(plain.body()).path("error").asText());
            HttpResponse<String> login = browser.send(post(server, "/api/login",
                    "{\"name\":\"per\",\"password\":\"ett långt lösenord\"}", null), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().allValues("Set-Cookie").toString();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            String csrf = new ObjectMapper().readTree(login.body()).path("csrf").asText();
            assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            HttpResponse<String> withoutToken = browser.send(post(server, "/api/scenarios/1/copy", "{}", null),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, withoutToken.statusCode(), "a change without the CSRF token");
            assertEquals("Anropet saknar sessionens CSRF-token (X-CSRF-Token).",
                    new ObjectMapper().readTree(withoutToken.body()).path("error").asText());
            HttpResponse<String> copy = browser.send(post(server, "/api/scenarios/1/copy", "{}", csrf), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, copy.statusCode());
            // The history says who made each version.
            long id = new ObjectMapper().readTree(copy.body()).path("id").asLong();
            String history = browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios/" + id + "/history"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals("per", new ObjectMapper().readTree(history).get(0).path("by").asText(), history);

            // Another site cannot log the planner out: the logout needs the session's CSRF token too.
            assertEquals(403, browser.send(post(server, "/api/logout", "", null), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "still logged in");
            assertEquals(204, browser.send(post(server, "/api/logout", "", csrf), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(401, browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "logged out");
        }
    }

    @Test
    void aSessionMadeOnOneServerWorksOnAnotherOfTheSameDatabase(@TempDir Path dir) throws Exception {
        try (RunningWorkspace first = new RunningWorkspace(dir)) {
            first.users().add("per", Role.PLANNER, "ett långt lösenord");
            io.javalin.Javalin second = se.rjh.tidplan.workspace.web.WorkspaceServer.start(
                    Workspace.open(first.dataSource()),
                    UserStore.on(first.dataSource()), AuditLog.on(first.dataSource()),
                    new se.rjh.tidplan.workspace.web.WorkspaceServer.Listening(ServeCommand.LOOPBACK, 0, false), first.dataSource(),
                    java.util.Optional.empty());
            try {
                String secondUrl = "http://" + ServeCommand.LOOPBACK + ":" + second.port();
                HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                HttpResponse<String> login = browser.send(post(first, "/api/login",
                        "{\"name\":\"per\",\"password\":\"ett långt lösenord\"}", null), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, login.statusCode(), login.body());
                String csrf = new ObjectMapper().readTree(login.body()).path("csrf").asText();
                // The load balancer sends the next requests to the other server: the session holds there, CSRF token and all.
                assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(secondUrl + "/api/scenarios")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
                assertEquals(201, browser.send(HttpRequest.newBuilder(URI.create(secondUrl + "/api/scenarios/1/copy"))
                        .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                // Logged out on the second, the session is gone on the first too.
                assertEquals(204, browser.send(HttpRequest.newBuilder(URI.create(secondUrl + "/api/logout"))
                        .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
                assertEquals(401, browser.send(HttpRequest.newBuilder(URI.create(first.url("/api/scenarios"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void failedLoginsLockTheAccountForAWhileWithoutHoldingAServerThread(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            server.users().add("per", Role.PLANNER, "ett långt lösenord");
            server.users().add("eva", Role.VIEWER, "evas långa lösenord");
            for (int i = 0; i < UserStore.FAILED_LOGINS_PER_ACCOUNT; i++) {
                assertEquals(401, http.send(post(server, "/api/login", "{\"name\":\"per\",\"password\":\"gissning " + i + "\"}", null),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            // Locked for the window, even with the right password; counted in the database, so any node says the same.
            HttpResponse<String> locked = http.send(post(server, "/api/login", "{\"name\":\"per\",\"password\":\"ett långt lösenord\"}", null),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, locked.statusCode(), locked.body());
            assertTrue(new ObjectMapper().readTree(locked.body()).path("error").asText()
                    .startsWith("För många misslyckade inloggningar; försök igen om "), locked.body());
            assertEquals(String.valueOf(UserStore.LOGIN_LOCKOUT.toSeconds()), locked.headers().firstValue("Retry-After").orElse(""));
            assertTrue(UserStore.on(server.dataSource()).beginLogin("per", "192.0.2.1", java.time.Instant.now()).locked(),
                    "the count is in the database, where a second node reads it");
            List<AuditLog.Event> events = AuditLog.on(server.dataSource()).latest(20);
            assertEquals(AuditLog.Action.LOGIN_LOCKED, events.get(0).action());
            assertEquals(UserStore.FAILED_LOGINS_PER_ACCOUNT,
                    events.stream().filter(e -> e.action() == AuditLog.Action.LOGIN_FAILED && e.subject().equals("per")).count());
            // Another account from the same address is not locked by them.
            assertEquals(200, http.send(post(server, "/api/login", "{\"name\":\"eva\",\"password\":\"evas långa lösenord\"}", null),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    @Test
    void behindAProxyFailedLoginsAreCountedPerClientNotForTheProxy(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(TestDatabase.H2.url(dir), true)) {
            server.users().add("per", Role.PLANNER, "ett långt lösenord");
            // One client guesses until it is locked out, by its own address as the proxy forwards it ...
            for (int i = 0; i <= UserStore.FAILED_LOGINS_PER_ACCOUNT; i++) {
                http.send(fromClient(server, "203.0.113.9", "{\"name\":\"mallory\",\"password\":\"gissning " + i + "\"}"),
                        HttpResponse.BodyHandlers.discarding());
            }
            assertEquals(429, http.send(fromClient(server, "203.0.113.9", "{\"name\":\"mallory\",\"password\":\"x\"}"),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            // ... and the audit log names that client, not the proxy.
            assertEquals("203.0.113.9", AuditLog.on(server.dataSource()).latest(1).get(0).address());
            // Another client, through the same proxy, logs in.
            assertEquals(200, http.send(fromClient(server, "198.51.100.7", "{\"name\":\"per\",\"password\":\"ett långt lösenord\"}"),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private static HttpRequest fromClient(RunningWorkspace server, String client, String login) {
        return HttpRequest.newBuilder(URI.create(server.url("/api/login"))).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(login)).build();
    }

    @Test
    void behindAProxyIsRefusedUnlessOnlyTheProxyCanConnect(@TempDir Path dir) {
        var err = new java.io.StringWriter();
        var commandLine = TidplanCommand.commandLine();
        commandLine.setErr(new java.io.PrintWriter(err));
        int exit = commandLine.execute("serve", "--behind-proxy", "--bind", "0.0.0.0", "--port", "0", "--workspace", dir.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, exit, err.toString());
        assertTrue(err.toString().startsWith("tidplan: --behind-proxy: the client's address is taken from X-Forwarded-For"), err.toString());
    }

    @Test
    void everyAnswerForbidsFramingAndSniffing(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            for (String path : List.of("/", "/api/scenarios", "/api/no-such-thing")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
                assertEquals("frame-ancestors 'none'", answer.headers().firstValue("Content-Security-Policy").orElse(""), path);
                assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), path);
            }
        }
    }

    private static HttpRequest post(RunningWorkspace server, String path, String json, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return request.build();
    }

    @Test
    void anAdminManagesTheAccountsAndARemovedAccountIsOutAtOnce(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            String admin = server.users().add("anna", Role.ADMIN, null);
            HttpResponse<String> added = send(server, "POST", "/api/users",
                    "{\"name\":\"per\",\"role\":\"planner\",\"password\":\"ett långt lösenord\"}", admin);
            assertEquals(201, added.statusCode(), added.body());
            String token = new ObjectMapper().readTree(added.body()).path("token").asText();
            assertEquals(202, status(server, "POST", "/api/scenarios/1/solve", token), "the new planner's token works");
            assertEquals(200, status(server, "POST", "/api/scenarios/1/stop", token));
            String listed = send(server, "GET", "/api/users", null, admin).body();
            assertTrue(listed.contains("\"name\":\"per\",\"role\":\"PLANNER\"") && !listed.contains("hash"), listed);

            // Each refusal says why, with 400, and changes nothing.
            for (String bad : List.of("{\"name\":\"per\",\"role\":\"planner\"}", "{\"name\":\"x y\",\"role\":\"viewer\"}",
                    "{\"name\":\"eva\",\"role\":\"chef\"}", "{\"name\":\"eva\",\"role\":\"viewer\",\"password\":\"kort\"}")) {
                HttpResponse<String> refused = send(server, "POST", "/api/users", bad, admin);
                assertEquals(400, refused.statusCode(), bad);
                Swedish.assertSwedish(new ObjectMapper().readTree(refused.body()).path("error").asText());
            }
            HttpResponse<String> last = send(server, "DELETE", "/api/users/anna", null, admin);
            assertEquals(400, last.statusCode());
            assertEquals("anna är den sista administratören: lägg till en annan administratör först.",
                    new ObjectMapper().readTree(last.body()).path("error").asText());
            assertEquals(2, server.users().list().size());

            // The planner logged in in a browser: removed, the session and the token stop working at once.
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            assertEquals(200, browser.send(post(server, "/api/login", "{\"name\":\"per\",\"password\":\"ett långt lösenord\"}", null),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(204, send(server, "DELETE", "/api/users/per", null, admin).statusCode());
            assertEquals(401, browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "the removed account's session");
            assertEquals(401, status(server, "GET", "/api/scenarios", token), "the removed account's token");
            String renewed = new ObjectMapper().readTree(send(server, "POST", "/api/users/anna/token", null, admin).body())
                    .path("token").asText();
            assertEquals(401, status(server, "GET", "/api/users", admin), "the old token is revoked");
            assertEquals(200, status(server, "GET", "/api/users", renewed));

            // The only account left, an admin, cannot remove itself: with no account every request would be let through.
            HttpResponse<String> only = send(server, "DELETE", "/api/users/anna", null, renewed);
            assertEquals(400, only.statusCode(), only.body());
            assertTrue(only.body().contains("den sista administratören"), only.body());
            assertEquals(1, server.users().list().size());
            assertEquals(401, status(server, "GET", "/api/scenarios", null), "the server still asks who you are");

            // The audit log has each change of the accounts, with who and from where, newest first.
            List<String> events = new ArrayList<>();
            for (var event : new ObjectMapper().readTree(send(server, "GET", "/api/audit", null, renewed).body())) {
                events.add(event.path("action").asText() + " " + event.path("subject").asText() + " by "
                        + event.path("by").asText() + " from " + event.path("address").asText());
            }
            assertEquals(List.of("TOKEN_RENEWED anna by anna from 127.0.0.1", "USER_REMOVED per by anna from 127.0.0.1",
                    "LOGIN per by per from 127.0.0.1", "USER_ADDED per (planner) by anna from 127.0.0.1"), events);
        }
    }

    private HttpResponse<String> send(RunningWorkspace server, String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hostileInputIsStoredVerbatimShownAsTextAndRefusedWhereItMustBe(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            String script = "<script>alert(1)</script>";
            String sql = "'; DROP TABLE x; --";
            String csv = "Datum,Tid,P,B,I,IK,U,Aktivitet,År i fokus,Politiska styrelser och nämnder\n"
                    + "2021-03-02,,P,,,,,\"" + script + "\",2021,RS\n2021-03-03,,P,,,,,\"" + sql + "\",2021,\n";
            RunningWorkspace.Response created = server.upload("hostile.csv", csv.getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.status(), created.body());
            long id = created.json().path("id").asLong();
            String calendar = server.get("/api/scenarios/" + id + "/calendar").body();
            assertTrue(calendar.contains("\"name\":\"<script>alert(1)</script>\"") && calendar.contains(sql), calendar);
            assertTrue(server.get("/api/scenarios/" + id + "/calendar.csv").body().contains(script));
            String page = server.get("/api/scenarios/" + id + "/yearview.html").body();
            assertFalse(page.contains(script), "the year view must escape it");
            assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertEquals(2, server.get("/api/scenarios").json().size(), "the tables are all there");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("../settings.json"));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            RunningWorkspace.Response traversal = server.upload("evil.zip", bytes.toByteArray());
            assertEquals(400, traversal.status(), traversal.body());
            assertTrue(traversal.json().path("error").asText().contains("a path outside its folder"), traversal.body());

            // A small zip that unpacks to a huge file (a settings.json of spaces) is refused at import, not stored.
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
                zip.putNextEntry(new ZipEntry("dataset/settings.json"));
                zip.write(" ".repeat(DatasetFiles.MAX_FILE_BYTES + 1).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            RunningWorkspace.Response spaces = server.upload("spaces.zip", bomb.toByteArray());
            assertEquals(400, spaces.status(), spaces.body());
            assertTrue(spaces.json().path("error").asText().startsWith("Felaktig indata: spaces.zip: dataset/settings.json: unpacks to more than"),
                    spaces.body());
            // Entries the dataset does not use are read with the same bound: a dataset with 21 MB of zeros beside it.
            byte[] sevenMegabytes = new byte[7 * 1024 * 1024];
            RunningWorkspace.Response zeros = server.upload("zeros.zip", regionZipWith(Map.of("dataset/notes-0.bin", sevenMegabytes,
                    "dataset/notes-1.bin", sevenMegabytes, "dataset/notes-2.bin", sevenMegabytes)));
            assertEquals(400, zeros.status(), zeros.body());
            // A dataset with 2 MB of notes that do not compress is an upload well within bounds: taken.
            byte[] notes = new byte[2 * 1024 * 1024];
            new java.util.Random(1).nextBytes(notes);
            byte[] noted = regionZipWith(Map.of("dataset/notes.bin", notes));
            assertTrue(noted.length > 2 * 1024 * 1024, "the upload is larger than any JSON request may be");
            RunningWorkspace.Response taken = server.upload("noted.zip", noted);
            assertEquals(201, taken.status(), taken.body());

            // Refused on its declared length before a byte of it is read: the request's head alone gets the answer
            // (sent by hand, since an HTTP client would still be sending the body when the refusal closes the line).
            try (java.net.Socket socket = new java.net.Socket(ServeCommand.LOOPBACK, URI.create(server.url("/")).getPort())) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("POST /api/scenarios HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 25 * 1024 * 1024 + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 413 Payload Too Large", statusLine, "an oversized upload is refused");
            }
            // A well-formed form over the limit, sent in chunks with no length declared: counted as it is read and
            // refused when it passes the limit, with 413; or, when the client is still sending then, by the line
            // the server closes (as any HTTP/1.1 server must, having stopped reading). Either way nothing is taken.
            byte[] form = RunningWorkspace.multipartBody("huge.zip", new byte[25 * 1024 * 1024]);
            int chunked;
            try {
                chunked = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios")))
                        .header("Content-Type", RunningWorkspace.MULTIPART)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException closedByTheServer) {
                chunked = 413;
            }
            assertEquals(413, chunked);
            // Chunks that are no form at all are bad input, not a fault.
            HttpResponse<String> noForm = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios")))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[1024]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, noForm.statusCode(), noForm.body());
            assertEquals(3, server.get("/api/scenarios").json().size(), "only the dataset with notes was taken");
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExitTwo() {
        var err = new java.io.StringWriter();
        var commandLine = TidplanCommand.commandLine();
        commandLine.setErr(new java.io.PrintWriter(err));
        // Port 1 on this machine: nothing listens there, so the connection is refused at once.
        int exit = commandLine.execute("serve", "--db", "jdbc:postgresql://127.0.0.1:1/tidplan?password=hemligt", "--port", "0");
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, exit, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("tidplan: --db: cannot open the database jdbc:postgresql://127.0.0.1:1/tidplan?password=***"),
                err.toString());
        assertFalse(err.toString().contains("hemligt"), "the password is not shown");
        // A URL no driver takes is the user's to fix too: one line, not an internal error.
        var typo = new java.io.StringWriter();
        commandLine.setErr(new java.io.PrintWriter(typo));
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, commandLine.execute("serve", "--db", "jdbc:postgres://127.0.0.1:1/tidplan",
                "--port", "0"), typo.toString());
        assertTrue(typo.toString().startsWith("tidplan: --db: cannot open the database jdbc:postgres://127.0.0.1:1/tidplan"),
                typo.toString());
    }

    /** The region's dataset as a zip, with {@code extra} entries beside its files. */
    private static byte[] regionZipWith(Map<String, byte[]> extra) throws java.io.IOException {
        Map<String, byte[]> entries = new java.util.TreeMap<>(extra);
        DatasetFiles.embeddedDefault().forEach((name, text) -> entries.put("dataset/" + name, text.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void bindingBeyondThisMachineNeedsAnAdminFirst(@TempDir Path dir) {
        var err = new java.io.StringWriter();
        var commandLine = TidplanCommand.commandLine();
        commandLine.setErr(new java.io.PrintWriter(err));
        int exit = commandLine.execute("serve", "--bind", "0.0.0.0", "--port", "0", "--workspace", dir.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, exit);
        assertTrue(err.toString().contains("no admin account yet"), err.toString());
        assertTrue(List.of(dir.toFile().list()).contains("tidplan.mv.db"), "the workspace exists, with no admin");
    }
}

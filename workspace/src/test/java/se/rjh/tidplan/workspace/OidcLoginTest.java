package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.rjh.tidplan.workspace.RegionProvider.ADMINS;
import static se.rjh.tidplan.workspace.RegionProvider.CLIENT_ID;
import static se.rjh.tidplan.workspace.RegionProvider.ISSUER_ID;
import static se.rjh.tidplan.workspace.RegionProvider.PLANNERS;
import static se.rjh.tidplan.workspace.RegionProvider.VIEWERS;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.URLUtils;

import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import picocli.CommandLine;
import se.rjh.tidplan.cli.TidplanCommand;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.UserStore.Role;

/**
 * The region's login against a real OpenID provider in the test (mock-oauth2-server): the whole flow as a browser
 * follows it, the role from the groups claim, the logout, and every way a login must fail.
 */
class OidcLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForgedTokens forged = new ForgedTokens();
    private RegionProvider provider;

    @BeforeEach
    void startTheProvider() {
        provider = new RegionProvider(forged);
    }

    @AfterEach
    void stopTheProvider() {
        provider.close();
    }

    @Test
    void anAdminOfTheRegionLogsInReachesWhatAnAdminMayAndLogsOut(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir, provider.login())) {
            HttpClient browser = browser();
            // No account here, and still no one gets in without logging in; the form offers the region's login only.
            assertEquals(401, get(browser, server.url("/api/scenarios")).statusCode());
            assertEquals(JSON.readTree("{\"password\":false,\"region\":true}"), JSON.readTree(get(browser, server.url("/api/login")).body()));

            HttpResponse<String> back = logIn(browser, server, "sub-anna", Map.of("preferred_username", "anna@region.se",
                    "name", "Anna Andersson", "groups", List.of("someone-elses", ADMINS)));
            assertEquals(302, back.statusCode(), back.body());
            assertEquals("/", back.headers().firstValue("Location").orElseThrow());
            String cookie = back.headers().allValues("Set-Cookie").toString();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

            JsonNode session = JSON.readTree(get(browser, server.url("/api/session")).body());
            assertEquals("anna@region.se", session.path("name").asText());
            assertEquals("ADMIN", session.path("role").asText());
            String csrf = session.path("csrf").asText();
            assertEquals(200, get(browser, server.url("/api/users")).statusCode(), "an admin's route");
            assertEquals(403, post(browser, server.url("/api/scenarios/1/publish"), null).statusCode(), "a change without the CSRF token");
            assertEquals(200, post(browser, server.url("/api/scenarios/1/publish"), csrf).statusCode());
            assertTrue(server.users().list().isEmpty(), "the region's users are not accounts here");

            assertEquals(204, post(browser, server.url("/api/logout"), csrf).statusCode());
            assertEquals(401, get(browser, server.url("/api/session")).statusCode(), "logged out");
            assertEquals(401, get(browser, server.url("/api/users")).statusCode());
            List<AuditLog.Event> events = AuditLog.on(server.dataSource()).latest(3);
            assertEquals(List.of(AuditLog.Action.LOGOUT, AuditLog.Action.PUBLISHED, AuditLog.Action.LOGIN),
                    events.stream().map(AuditLog.Event::action).toList());
            assertEquals("anna@region.se", events.get(2).by());
            assertTrue(events.get(2).subject().startsWith("anna@region.se (subject sub-anna at " + provider.issuer()),
                    events.get(2).subject());
        }
    }

    @Test
    void aPlannerOfTheRegionChangesButDoesNotAdministerAndLocalAccountsStillLogIn(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir, provider.login())) {
            server.users().add("per", Role.PLANNER, "ett långt lösenord");
            HttpClient browser = browser();
            assertEquals(JSON.readTree("{\"password\":true,\"region\":true}"), JSON.readTree(get(browser, server.url("/api/login")).body()));
            // A planner's group and a viewer's: the higher role wins. No preferred_username: the name is the name claim.
            assertEquals(302, logIn(browser, server, "sub-eva", Map.of("name", "Eva Ek", "groups", List.of(VIEWERS, PLANNERS)))
                    .statusCode());
            JsonNode session = JSON.readTree(get(browser, server.url("/api/session")).body());
            assertEquals("Eva Ek", session.path("name").asText());
            assertEquals("PLANNER", session.path("role").asText());
            assertEquals(403, get(browser, server.url("/api/users")).statusCode(), "no admin's route for a planner");
            HttpResponse<String> copy = post(browser, server.url("/api/scenarios/1/copy"), session.path("csrf").asText());
            assertEquals(201, copy.statusCode(), copy.body());
            String history = get(browser, server.url("/api/scenarios/" + JSON.readTree(copy.body()).path("id").asLong() + "/history")).body();
            assertEquals("Eva Ek", JSON.readTree(history).get(0).path("by").asText(), history);

            // The local account logs in with its password beside them.
            HttpResponse<String> local = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"per\",\"password\":\"ett långt lösenord\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, local.statusCode(), local.body());
        }
    }

    @Test
    void aUserWhoseGroupsGiveNoRoleIsRefusedWithAPageThatSaysWhy(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir, provider.login())) {
            HttpClient browser = browser();
            HttpResponse<String> refused = logIn(browser, server, "sub-olle", Map.of("preferred_username", "olle@region.se",
                    "groups", List.of("ekonomi")));
            assertEquals(403, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), refused.headers().toString());
            assertTrue(refused.body().contains("Ditt konto hos regionen ger ingen roll i tidplan"), refused.body());
            assertTrue(refused.body().contains("<a href=\"/\">"), "a way back to the login");
            assertEquals(401, get(browser, server.url("/api/session")).statusCode(), "no session");
            AuditLog.Event failed = AuditLog.on(server.dataSource()).latest(1).get(0);
            assertEquals(AuditLog.Action.LOGIN_FAILED, failed.action());
            assertTrue(failed.subject().startsWith("olle@region.se (subject sub-olle at ") && failed.subject().contains("groups"),
                    failed.subject());
        }
    }

    @Test
    void anExpiredIdTokenIsRefused(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir, provider.login())) {
            HttpClient browser = browser();
            // Expired an hour ago, well past any allowance for clocks that differ.
            provider.nextUser("sub-anna", Map.of("preferred_username", "anna@region.se", "groups", List.of(ADMINS)), -3600);
            HttpResponse<String> refused = followToTheCallback(browser, server);
            assertNotConfirmed(browser, server, refused, "Expired JWT");
        }
    }

    @Test
    void anIdTokenSignedWithAnotherKeyIsRefused(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir, provider.login())) {
            HttpClient browser = browser();
            HttpResponse<String> toProvider = get(browser, server.url("/login/oidc"));
            String nonce = URLUtils.parseParameters(location(toProvider).getRawQuery()).get("nonce").get(0);
            // Everything as the provider would say it, the key's id too, but signed with a key that is not the provider's.
            String keyId = provider.server.issueToken(ISSUER_ID, "anyone", CLIENT_ID).getHeader().getKeyID();
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), new JWTClaimsSet.Builder()
                    .issuer(provider.issuer().toString()).audience(CLIENT_ID).subject("sub-mallory")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                    .claim("nonce", nonce).claim("preferred_username", "mallory").claim("groups", List.of(ADMINS)).build());
            token.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(keyId).generate()));
            forged.idToken = token.serialize();
            HttpResponse<String> refused = get(browser, location(get(browser, location(toProvider).toString())).toString());
            assertNotConfirmed(browser, server, refused, "Signed JWT rejected");
        }
    }

    @Test
    void aCallbackWithAnotherStateOrInABrowserThatDidNotStartTheLoginIsRefused(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir, provider.login())) {
            HttpClient browser = browser();
            provider.nextUser("sub-anna", Map.of("groups", List.of(ADMINS)), 3600);
            URI callback = location(get(browser, location(get(browser, server.url("/login/oidc"))).toString()));
            // Someone else's callback (login CSRF: an attacker's code sent to a victim's browser) is no login there.
            HttpResponse<String> elsewhere = get(browser(), callback.toString());
            assertEquals(400, elsewhere.statusCode(), elsewhere.body());
            assertTrue(elsewhere.body().contains("Inloggningen kunde inte slutföras"), elsewhere.body());
            // In the browser that started it, with another state.
            String otherState = callback.toString().replaceAll("state=[^&]+", "state=another");
            HttpResponse<String> forgedState = get(browser, otherState);
            assertEquals(400, forgedState.statusCode(), forgedState.body());
            assertEquals(401, get(browser, server.url("/api/session")).statusCode(), "no session");
            assertEquals(List.of(AuditLog.Action.LOGIN_FAILED, AuditLog.Action.LOGIN_FAILED),
                    AuditLog.on(server.dataSource()).latest(5).stream().map(AuditLog.Event::action).toList());
            // The started login is used up by the failed try: its right state is refused now too.
            assertEquals(400, get(browser, callback.toString()).statusCode());
        }
    }

    @Test
    void aProviderThatDoesNotAnswerOrIsNoOpenIdProviderIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        // Port 1 on this machine: nothing listens there, so the connection is refused at once.
        InputException unreachable = assertThrows(InputException.class, () -> options("--oidc-issuer", "http://127.0.0.1:1/region",
                "--oidc-client-id", CLIENT_ID, "--oidc-admin", ADMINS).regionLogin("hemligt"));
        assertTrue(unreachable.getMessage().startsWith("--oidc-issuer: cannot read the OpenID Connect configuration of "
                + "http://127.0.0.1:1/region: "), unreachable.getMessage());
        try (RunningWorkspace notAProvider = new RunningWorkspace(dir)) {
            InputException refused = assertThrows(InputException.class, () -> options("--oidc-issuer", notAProvider.url("/"),
                    "--oidc-client-id", CLIENT_ID, "--oidc-planner", PLANNERS).regionLogin("hemligt"));
            assertTrue(refused.getMessage().startsWith("--oidc-issuer: cannot read the OpenID Connect configuration of "), refused.getMessage());
        }
        // Through serve: the secret is never an option, and without it in the environment serve says so and stops.
        StringWriter err = new StringWriter();
        CommandLine commandLine = TidplanCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("serve", "--port", "0", "--workspace", dir.resolve("w").toString(), "--oidc-issuer",
                provider.issuer().toString(), "--oidc-client-id", CLIENT_ID, "--oidc-admin", ADMINS);
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, exit, err.toString());
        assertEquals("tidplan: TIDPLAN_OIDC_SECRET: the region's login needs the client secret in this environment variable",
                err.toString().strip());
        // Half a configuration: one line too.
        assertEquals("--oidc-issuer: the region's login needs the identity provider's issuer", assertThrows(InputException.class,
                () -> options("--oidc-client-id", CLIENT_ID).regionLogin("hemligt")).getMessage());
        assertTrue(assertThrows(InputException.class, () -> options("--oidc-issuer", provider.issuer().toString(),
                "--oidc-client-id", CLIENT_ID).regionLogin("hemligt")).getMessage().startsWith("--oidc-admin: "));
        assertTrue(options().regionLogin(null).isEmpty(), "no region's login without its options");
    }

    private static OidcOptions options(String... args) {
        OidcOptions options = new OidcOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    /** The callback's answer: a refused login (401) whose page says so, no session, and the cause in the audit log. */
    private static void assertNotConfirmed(HttpClient browser, RunningWorkspace server, HttpResponse<String> refused, String cause)
            throws Exception {
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Regionens inloggning kunde inte bekräftas"), refused.body());
        assertFalse(refused.body().contains(cause), "the cause stays in the server");
        assertEquals(401, get(browser, server.url("/api/session")).statusCode(), "no session");
        AuditLog.Event failed = AuditLog.on(server.dataSource()).latest(1).get(0);
        assertEquals(AuditLog.Action.LOGIN_FAILED, failed.action());
        assertTrue(failed.subject().contains(cause), failed.subject());
    }

    /** Logs in with the region's account as a user with {@code claims}: the page's link, the provider, and back. */
    private HttpResponse<String> logIn(HttpClient browser, RunningWorkspace server, String subject, Map<String, Object> claims)
            throws Exception {
        provider.nextUser(subject, claims, 3600);
        return followToTheCallback(browser, server);
    }

    /** The page's link to the provider, the provider's answer (no one to ask: it vouches for its next user), and the callback's. */
    private static HttpResponse<String> followToTheCallback(HttpClient browser, RunningWorkspace server) throws Exception {
        HttpResponse<String> toProvider = get(browser, server.url("/login/oidc"));
        assertEquals(302, toProvider.statusCode());
        HttpResponse<String> toCallback = get(browser, location(toProvider).toString());
        assertEquals(302, toCallback.statusCode(), toCallback.body());
        return get(browser, location(toCallback).toString());
    }

    /** A browser: keeps its cookies (the session's, the started login's) and follows no redirect unseen. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, String url, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<?> redirect) {
        return redirect.uri().resolve(redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + redirect.statusCode())));
    }

    /** The provider's token endpoint, once armed with an ID token of the test's own, answering with it. */
    private static final class ForgedTokens implements Route {
        volatile String idToken;

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return idToken != null && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200,
                    "{\"access_token\":\"x\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken + "\"}", null);
        }
    }
}

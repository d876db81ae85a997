package se.rjh.tidplan.workspace;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.auth.Secret;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import se.rjh.tidplan.workspace.store.UserStore.Role;
import se.rjh.tidplan.workspace.web.OidcLogin;
import se.rjh.tidplan.workspace.web.RoleClaim;

/**
 * The region's OpenID provider in a test: mock-oauth2-server in-process on a free loopback port, and the region's
 * login of a workspace configured against it (client {@link #CLIENT_ID}, its groups claim giving the roles). The
 * provider vouches for whichever user {@link #nextUser} names: at once, or ({@link #interactive}) once a user name
 * is entered in its own login form, as a person would at the region's.
 */
final class RegionProvider implements AutoCloseable {

    static final String ISSUER_ID = "region";
    static final String CLIENT_ID = "tidplan";
    static final String ADMINS = "tidplan-admins";
    static final String PLANNERS = "tidplan-planners";
    static final String VIEWERS = "tidplan-viewers";

    final MockOAuth2Server server;

    /** Started, with {@code routes} answering before the provider's own where they match. */
    RegionProvider(Route... routes) {
        this(new OAuth2Config(), routes);
    }

    private RegionProvider(OAuth2Config config, Route... routes) {
        server = new MockOAuth2Server(config, routes);
        server.start();
    }

    /** Started, with a login form of its own that a person (a browser test) submits. */
    static RegionProvider interactive() {
        return new RegionProvider(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
    }

    URI issuer() {
        return server.issuerUrl(ISSUER_ID).uri();
    }

    /** The region's login as {@code serve --oidc-issuer ISSUER --oidc-admin ADMINS --oidc-planner PLANNERS --oidc-viewer VIEWERS}. */
    OidcLogin login() {
        return OidcLogin.discover(new OidcLogin.Settings(issuer(), CLIENT_ID, new Secret("hemligt"), RoleClaim.of("groups",
                Map.of(Role.ADMIN, List.of(ADMINS), Role.PLANNER, List.of(PLANNERS), Role.VIEWER, List.of(VIEWERS))), null));
    }

    /** The next login's user: subject {@code subject}, their ID token with {@code claims}, valid for {@code seconds}. */
    void nextUser(String subject, Map<String, Object> claims, long seconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, seconds));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

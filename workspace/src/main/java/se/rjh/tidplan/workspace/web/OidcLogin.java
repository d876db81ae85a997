package se.rjh.tidplan.workspace.web;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.store.UserStore.User;

/**
 * The region's login: OpenID Connect's authorization-code flow, with PKCE, state and nonce, against the region's
 * identity provider (Entra ID, Keycloak, the one in front of SITHS or Freja), done with Nimbus's OAuth 2.0 SDK.
 * {@link #begin} sends the browser there; {@link #finish} takes it back, exchanges the code with the client secret,
 * checks the ID token (signed with a key of the provider's JWKS, from its issuer, for this client, not expired,
 * with this login's nonce) and gives its user the role their claim maps to. The user is not an account here.
 */
public final class OidcLogin {

    static final String START = "/login/oidc";
    static final String CALLBACK = "/login/oidc/callback";

    /**
     * What a started login needs back (state, nonce, PKCE verifier) is kept in a cookie of its own, not in the
     * session: the provider sends the browser back from another site, and the session cookie, SameSite=Strict,
     * does not come along then; this one (SameSite=Lax, HttpOnly, for the callback's path only) does.
     */
    private static final String PENDING_COOKIE = "tidplan_oidc";
    private static final Duration PENDING_FOR = Duration.ofMinutes(10);
    private static final int CONNECT_MILLIS = 5_000;
    private static final int READ_MILLIS = 10_000;

    /**
     * How the server is known to the provider: its {@code issuer}, the client id and secret tidplan is registered
     * with, the claim that gives the role, and the address the provider sends the browser back to (null: this
     * server's {@link #CALLBACK} as the browser reached it).
     */
    public record Settings(URI issuer, String clientId, Secret secret, RoleClaim roles, URI redirect) {
    }

    /** The provider could not be asked, or is not an OpenID provider: the server's configuration is wrong. */
    public static final class NotAProvider extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAProvider(String message) {
            super(message);
        }
    }

    /** Why a login failed, as the page tells it (in the planners' words, with the status), whatever the server's log says of it. */
    enum Why {
        NO_ROLE(HttpStatus.FORBIDDEN, Text.LOGIN_NO_ROLE),
        INTERRUPTED(HttpStatus.BAD_REQUEST, Text.LOGIN_INTERRUPTED),
        DENIED(HttpStatus.UNAUTHORIZED, Text.LOGIN_DENIED),
        NOT_CONFIRMED(HttpStatus.UNAUTHORIZED, Text.LOGIN_NOT_CONFIRMED),
        UNREACHABLE(HttpStatus.BAD_GATEWAY, Text.LOGIN_UNREACHABLE);

        final HttpStatus status;
        final Phrase phrase;

        Why(HttpStatus status, Text text) {
            this.status = status;
            this.phrase = Phrase.of(text);
        }
    }

    /** A failed login: why, for the page, and what happened, for the audit log and the server's log. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Why why;

        Failed(Why why, String what) {
            super(what);
            this.why = why;
        }
    }

    /** A user the provider vouched for: as the session holds them, and {@code who} as the audit log names them. */
    record Verified(User user, String who) {
    }

    private final Settings settings;
    private final OIDCProviderMetadata provider;
    private final IDTokenValidator validator;

    private OidcLogin(Settings settings, OIDCProviderMetadata provider, IDTokenValidator validator) {
        this.settings = settings;
        this.provider = provider;
        this.validator = validator;
    }

    /**
     * Reads the provider's configuration ({@code /.well-known/openid-configuration} under the issuer, whose own
     * issuer must be the same) and prepares the ID tokens' check: its JWKS is fetched when first needed, kept for a
     * while, and fetched again for a key it does not know (the provider rotated its keys).
     */
    public static OidcLogin discover(Settings settings) {
        OIDCProviderMetadata provider;
        try {
            provider = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), CONNECT_MILLIS, READ_MILLIS);
        } catch (IOException | GeneralException | IllegalArgumentException e) {
            throw new NotAProvider("cannot read the OpenID Connect configuration of " + settings.issuer() + ": " + e.getMessage());
        }
        // Signatures by the provider's own keys only: an HMAC one would be made with the client secret.
        Set<JWSAlgorithm> signatures = Optional.ofNullable(provider.getIDTokenJWSAlgs()).stream().flatMap(List::stream)
                .filter(algorithm -> !JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) && !algorithm.getName().equals("none"))
                .collect(Collectors.toSet());
        if (signatures.isEmpty() || provider.getJWKSetURI() == null || provider.getTokenEndpointURI() == null) {
            throw new NotAProvider(settings.issuer() + " offers no signed ID tokens with a key set and a token endpoint");
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(provider.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(CONNECT_MILLIS, READ_MILLIS)).build();
        } catch (MalformedURLException e) {
            throw new NotAProvider(settings.issuer() + "'s key set is not at a URL: " + provider.getJWKSetURI());
        }
        return new OidcLogin(settings, provider, new IDTokenValidator(provider.getIssuer(), new ClientID(settings.clientId()),
                new JWSVerificationKeySelector<>(signatures, keys), null));
    }

    /** Sends the browser to the provider, with a new state, nonce and PKCE challenge, the verifier kept for {@link #finish}. */
    void begin(Context ctx) {
        Pending pending = new Pending(new State(), new Nonce(), new CodeVerifier());
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.PROFILE), new ClientID(settings.clientId()), redirect(ctx))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(pending.state()).nonce(pending.nonce()).codeChallenge(pending.verifier(), CodeChallengeMethod.S256)
                .build();
        ctx.cookie(new Cookie(PENDING_COOKIE, pending.text(), CALLBACK, (int) PENDING_FOR.toSeconds(),
                "https".equals(ctx.scheme()), true, null, SameSite.LAX));
        ctx.header("Cache-Control", "no-store").redirect(request.toURI().toString(), HttpStatus.FOUND);
    }

    /**
     * The user the provider sends back: the answer must carry the state of the login this browser started, its
     * code is exchanged for tokens, and the ID token must pass the check; else {@link Failed}. A started login is
     * finished once, however it ends.
     */
    Verified finish(Context ctx) {
        Pending pending = Pending.parse(ctx.cookie(PENDING_COOKIE)).orElseThrow(() -> new Failed(Why.INTERRUPTED,
                "no login was started in this browser, or it was started more than " + PENDING_FOR.toMinutes() + " minutes ago"));
        ctx.removeCookie(PENDING_COOKIE, CALLBACK);
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(URI.create(ctx.fullUrl()));
        } catch (ParseException | IllegalArgumentException e) {
            throw new Failed(Why.INTERRUPTED, "the callback is no authentication response: " + e.getMessage());
        }
        if (!pending.state().equals(response.getState())) {
            throw new Failed(Why.INTERRUPTED, "the callback's state is not that of the login started in this browser");
        }
        if (!response.indicatesSuccess()) {
            throw new Failed(Why.DENIED, "the provider answered " + response.toErrorResponse().getErrorObject().getCode());
        }
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken(response.toSuccessResponse().getAuthorizationCode(), redirect(ctx),
                    pending.verifier()), pending.nonce());
        } catch (BadJOSEException | JOSEException e) {
            throw new Failed(Why.NOT_CONFIRMED, "the ID token is not valid: " + e.getMessage());
        }
        String subject = claims.getSubject().getValue();
        String name = Stream.of(claims.getStringClaim("preferred_username"), claims.getStringClaim("name"), subject)
                .filter(text -> text != null && !text.isBlank()).findFirst().orElseThrow();
        String who = name + " (subject " + subject + " at " + provider.getIssuer() + ")";
        return settings.roles().roleOf(claims).map(role -> new Verified(new User(name, role, Instant.now(), false), who))
                .orElseThrow(() -> new Failed(Why.NO_ROLE, who + ": no value of the claim '" + settings.roles().claim()
                        + "' gives a role"));
    }

    /** The code exchanged, with the client secret and the PKCE verifier, at the provider's token endpoint for the ID token. */
    private JWT idToken(AuthorizationCode code, URI redirect, CodeVerifier verifier) {
        if (code == null) {
            throw new Failed(Why.INTERRUPTED, "the callback carries no code");
        }
        HTTPRequest request = new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), settings.secret()),
                new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest();
        request.setConnectTimeout(CONNECT_MILLIS);
        request.setReadTimeout(READ_MILLIS);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException e) {
            throw new Failed(Why.UNREACHABLE, "the token endpoint " + provider.getTokenEndpointURI() + " did not answer: " + e.getMessage());
        } catch (ParseException e) {
            throw new Failed(Why.NOT_CONFIRMED, "the token endpoint's answer is no token response: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            throw new Failed(Why.NOT_CONFIRMED, "the token endpoint refused the code: " + response.toErrorResponse().getErrorObject().getCode());
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens)) {
            throw new Failed(Why.NOT_CONFIRMED, "the token endpoint gave no ID token");
        }
        return tokens.getOIDCTokens().getIDToken();
    }

    /** Where the provider sends the browser back: as configured, or this server's callback as the browser reached it. */
    private URI redirect(Context ctx) {
        return settings.redirect() != null ? settings.redirect() : URI.create(ctx.url()).resolve(CALLBACK);
    }

    /** A started login, as its cookie carries it (three base64url values, so a dot parts them). */
    private record Pending(State state, Nonce nonce, CodeVerifier verifier) {

        String text() {
            return state.getValue() + "." + nonce.getValue() + "." + verifier.getValue();
        }

        static Optional<Pending> parse(String text) {
            String[] parts = text == null ? new String[0] : text.split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Pending(new State(parts[0]), new Nonce(parts[1]), new CodeVerifier(parts[2])));
            } catch (IllegalArgumentException e) { // not a verifier's length or alphabet: not a cookie this server set
                return Optional.empty();
            }
        }
    }
}

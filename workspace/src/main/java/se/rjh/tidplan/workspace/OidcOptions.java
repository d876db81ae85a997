package se.rjh.tidplan.workspace;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.oauth2.sdk.auth.Secret;

import picocli.CommandLine.Option;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.workspace.store.UserStore.Role;
import se.rjh.tidplan.workspace.web.OidcLogin;
import se.rjh.tidplan.workspace.web.RoleClaim;

/**
 * serve's options for the region's login (OpenID Connect). The client secret is read from the environment, never
 * the command line, where any user of the machine could read it in the process list.
 */
final class OidcOptions {

    static final String SECRET_VARIABLE = "TIDPLAN_OIDC_SECRET";
    private static final String ISSUER = "--oidc-issuer";

    @Option(names = ISSUER, paramLabel = "URL", description = "Log in with the region's own accounts (OpenID Connect: "
            + "Microsoft Entra ID, Keycloak, ...): the identity provider's issuer, e.g. "
            + "https://login.microsoftonline.com/TENANT-ID/v2.0. Needs --oidc-client-id, the client secret in "
            + SECRET_VARIABLE + ", and --oidc-admin, --oidc-planner or --oidc-viewer. tidplan's own accounts keep working.")
    private URI issuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "The client (application) id tidplan is "
            + "registered with at the identity provider.")
    private String clientId;

    @Option(names = "--oidc-role-claim", paramLabel = "NAME", description = "The ID token's claim whose values give "
            + "the role (default: ${DEFAULT-VALUE}; e.g. roles for Entra ID's app roles).")
    private String roleClaim = "groups";

    @Option(names = "--oidc-admin", paramLabel = "VALUE", description = "A value of the role claim (a group's id or "
            + "name) whose users are admins; may be repeated. A user gets the highest role their values give; a user "
            + "whose values give none is refused.")
    private List<String> admins = new ArrayList<>();

    @Option(names = "--oidc-planner", paramLabel = "VALUE", description = "A value of the role claim whose users are "
            + "planners; may be repeated.")
    private List<String> planners = new ArrayList<>();

    @Option(names = "--oidc-viewer", paramLabel = "VALUE", description = "A value of the role claim whose users are "
            + "viewers; may be repeated.")
    private List<String> viewers = new ArrayList<>();

    @Option(names = "--oidc-redirect", paramLabel = "URL", description = "The address the identity provider sends the "
            + "browser back to, as registered there (default: /login/oidc/callback at the address the browser used, "
            + "as the proxy forwards it with --behind-proxy).")
    private URI redirect;

    /**
     * The region's login as the options configure it, its provider asked for its configuration; none without
     * --oidc-issuer. A configuration that is incomplete, or whose issuer is no OpenID provider that answers, is
     * refused in one line ({@link InputException}); {@code secret} is the value of {@link #SECRET_VARIABLE}.
     */
    Optional<OidcLogin> regionLogin(String secret) {
        if (issuer == null) {
            if (clientId != null || redirect != null || !admins.isEmpty() || !planners.isEmpty() || !viewers.isEmpty()) {
                throw new InputException(ISSUER, 0, null, "the region's login needs the identity provider's issuer");
            }
            return Optional.empty();
        }
        if (!issuer.isAbsolute() || !issuer.getScheme().matches("https?")) {
            throw new InputException(ISSUER, 0, null, "'" + issuer + "' is not an http(s) URL");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new InputException("--oidc-client-id", 0, null, "the region's login needs the client id tidplan is registered with");
        }
        if (secret == null || secret.isBlank()) {
            throw new InputException(SECRET_VARIABLE, 0, null, "the region's login needs the client secret in this environment variable");
        }
        if (admins.isEmpty() && planners.isEmpty() && viewers.isEmpty()) {
            throw new InputException("--oidc-admin", 0, null, "give the claim's values for at least one role (--oidc-admin, "
                    + "--oidc-planner, --oidc-viewer): with none, no one could log in");
        }
        RoleClaim roles = RoleClaim.of(roleClaim, Map.of(Role.ADMIN, admins, Role.PLANNER, planners, Role.VIEWER, viewers));
        try {
            return Optional.of(OidcLogin.discover(new OidcLogin.Settings(issuer, clientId, new Secret(secret), roles, redirect)));
        } catch (OidcLogin.NotAProvider e) {
            throw new InputException(ISSUER, 0, null, e.getMessage());
        }
    }
}

package se.rjh.tidplan.workspace.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.time.Instant;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.UserStore;
import se.rjh.tidplan.workspace.store.UserStore.Role;
import se.rjh.tidplan.workspace.store.UserStore.User;

/**
 * Who may do what on the server. While the database has no account, and the server no login of the region's,
 * the workspace is one planner's on this machine and every request is let through. Otherwise every API request
 * needs a browser session (the login form, or the region's login; the session cookie is HttpOnly and SameSite,
 * and every state-changing request carries the session's CSRF token) or {@code Authorization: Bearer TOKEN};
 * otherwise 401. A viewer reads and exports, a planner also changes scenarios, an admin also publishes and manages
 * the accounts; otherwise 403. Too many failed logins, per account and per address, lock further tries for a while
 * (the region's provider guards its own logins).
 */
final class Access {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_USER = "tidplan.user";
    /** A user of the region's login: not an account here, so kept apart (a local account of the same name is another). */
    private static final String SESSION_REGION_USER = "tidplan.region-user";
    private static final String SESSION_CSRF = "tidplan.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the page needs to know about its session: who, their role, the CSRF token, whether anyone logs in. */
    record Session(String name, Role role, String csrf, boolean accounts) {
    }

    /** How one logs in here, for the login form: with a password (an account has one), with the region's account. */
    record Ways(boolean password, boolean region) {
    }

    private final UserStore users;
    private final AuditLog audit;
    private final boolean regionLogin;

    /** {@code regionLogin}: whether the region's login is on, so that a login is needed even with no account here. */
    Access(UserStore users, AuditLog audit, boolean regionLogin) {
        this.users = users;
        this.audit = audit;
        this.regionLogin = regionLogin;
    }

    /** Whether anyone must log in: the server has the region's login, or accounts of its own. */
    private boolean loginNeeded() {
        return regionLogin || users.any();
    }

    /** The ways to log in the login form offers. */
    Ways ways() {
        return new Ways(users.list().stream().anyMatch(User::hasPassword), regionLogin);
    }

    /** Writes what the request's user did, and from where, to the audit log. */
    void audit(Context ctx, AuditLog.Action action, String subject) {
        audit.record(who(ctx), ctx.ip(), action, subject);
    }

    /**
     * What a route needs, declared with the route itself (so no spelling of its path, a trailing slash say, asks
     * for less): anyone (whether the server runs, the page's session, the login), or at least a role: reading a
     * viewer, a change a planner, the accounts, publishing and the feed's address an admin.
     */
    enum Needs implements RouteRole {
        ANYONE(null), VIEWER(Role.VIEWER), PLANNER(Role.PLANNER), ADMIN(Role.ADMIN);

        private final Role role;

        Needs(Role role) {
            this.role = role;
        }
    }

    /**
     * What the matched route declared it needs; a route that declares nothing is refused (a forgotten role fails
     * closed). A HEAD request without a route of its own (Javalin answers it for a GET route without running it,
     * and without the route's roles) needs a viewer, as reading does.
     */
    private static Needs needed(Context ctx) {
        Optional<Needs> declared = ctx.routeRoles().stream().filter(Needs.class::isInstance).map(Needs.class::cast).findFirst();
        if (declared.isEmpty() && ctx.method() == HandlerType.HEAD) {
            return Needs.VIEWER;
        }
        return declared.orElseThrow(() -> new IllegalStateException(ctx.method() + " " + ctx.path() + " declares no role"));
    }

    /** Lets the request through, or answers it with 401 or 403. */
    void check(Context ctx) {
        Needs needed = needed(ctx);
        if (needed == Needs.ANYONE) {
            return;
        }
        if (!loginNeeded()) {
            ctx.attribute(LOCAL_USER, LOCAL);
            return;
        }
        Optional<User> bearer = bearer(ctx);
        User user = bearer.orElseGet(() -> sessionUser(ctx));
        if (user == null) {
            throw new Refused(HttpStatus.UNAUTHORIZED, Text.ERROR_LOG_IN_OR_TOKEN);
        }
        boolean changes = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if (bearer.isEmpty() && changes) {
            requireCsrfToken(ctx);
        }
        if (!user.role().atLeast(needed.role)) {
            throw new Refused(HttpStatus.FORBIDDEN, Text.ERROR_ROLE, user.name(), role(user.role()), role(needed.role));
        }
        ctx.attribute(SESSION_USER, user);
    }

    /**
     * Without accounts, everything is done as the user the server runs as: one planner's install on their own
     * machine, where that is who made each version.
     */
    private static final String LOCAL_USER = "tidplan.localUser";
    private static final String LOCAL = Words.planners().say(Text.LOCAL_USER, System.getProperty("user.name"));

    /** The user a checked request was made by: an account, or without accounts the server's own user. */
    static String who(Context ctx) {
        User user = ctx.attribute(SESSION_USER);
        return user != null ? user.name() : ctx.attribute(LOCAL_USER);
    }

    /**
     * The session's user: an account as the database has it now (a session of a removed account ends, a changed
     * role counts from the next request), or a user of the region's login as the provider said at the login (a
     * change there counts from their next login).
     */
    private User sessionUser(Context ctx) {
        User logged = ctx.sessionAttribute(SESSION_USER);
        if (logged == null) {
            return ctx.sessionAttribute(SESSION_REGION_USER);
        }
        Optional<User> now = users.byName(logged.name());
        if (now.isEmpty()) {
            logout(ctx);
        }
        return now.orElse(null);
    }

    private Optional<User> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return Optional.of(users.byToken(header.substring("Bearer ".length()).trim())
                .orElseThrow(() -> new Refused(HttpStatus.UNAUTHORIZED, Text.ERROR_TOKEN_INVALID)));
    }

    /**
     * Logs in with a password: a new session with its CSRF token. Too many failed logins of the account, or from
     * the address, lock further tries with 429 for a while (see {@link UserStore#beginLogin}); no thread waits.
     */
    Session login(Context ctx, String name, String password) {
        UserStore.LoginAttempt attempt = users.beginLogin(name, ctx.ip(), Instant.now());
        if (attempt.locked()) {
            audit.record(null, ctx.ip(), AuditLog.Action.LOGIN_LOCKED, name);
            ctx.header("Retry-After", String.valueOf(UserStore.LOGIN_LOCKOUT.toSeconds()));
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS, Text.ERROR_TOO_MANY_LOGINS, UserStore.LOGIN_LOCKOUT.toMinutes());
        }
        Optional<User> user = users.byPassword(name, password);
        if (user.isEmpty()) {
            audit.record(null, ctx.ip(), AuditLog.Action.LOGIN_FAILED, name);
            throw new Refused(HttpStatus.UNAUTHORIZED, Text.ERROR_WRONG_LOGIN);
        }
        users.loginSucceeded(name, attempt);
        return begin(ctx, SESSION_USER, user.get(), user.get().name());
    }

    /** Logs in a user the region's provider vouched for ({@code who}: their name and subject there), as a password does. */
    Session login(Context ctx, User user, String who) {
        return begin(ctx, SESSION_REGION_USER, user, who);
    }

    /** A login with the region's account that failed, {@code what} as the audit log tells it. */
    void loginFailed(Context ctx, String what) {
        audit.record(null, ctx.ip(), AuditLog.Action.LOGIN_FAILED, what);
    }

    /** A new session of {@code user}, kept under {@code attribute}, with its CSRF token. */
    private Session begin(Context ctx, String attribute, User user, String who) {
        ctx.req().getSession(true);
        ctx.req().changeSessionId(); // a session fixed before the login is not the one after it
        String csrf = newSecret();
        ctx.sessionAttribute(attribute, user);
        ctx.sessionAttribute(SESSION_CSRF, csrf);
        audit.record(user.name(), ctx.ip(), AuditLog.Action.LOGIN, who);
        return new Session(user.name(), user.role(), csrf, true);
    }

    /** A role in the planners' words. */
    private static Phrase role(Role role) {
        return Phrase.of(switch (role) {
            case VIEWER -> Text.ROLE_VIEWER;
            case PLANNER -> Text.ROLE_PLANNER;
            case ADMIN -> Text.ROLE_ADMIN;
        });
    }

    /** The page's logout: only with the session's CSRF token, so that another site cannot log a planner out. */
    void logoutWithToken(Context ctx) {
        User account = ctx.sessionAttribute(SESSION_USER);
        User user = account != null ? account : ctx.sessionAttribute(SESSION_REGION_USER);
        if (user != null) {
            requireCsrfToken(ctx);
            audit.record(user.name(), ctx.ip(), AuditLog.Action.LOGOUT, user.name());
        }
        logout(ctx);
    }

    private static void requireCsrfToken(Context ctx) {
        String expected = ctx.sessionAttribute(SESSION_CSRF);
        if (expected == null || !expected.equals(ctx.header(CSRF_HEADER))) {
            throw new Refused(HttpStatus.FORBIDDEN, Text.ERROR_NO_CSRF_TOKEN, CSRF_HEADER);
        }
    }

    void logout(Context ctx) {
        if (ctx.req().getSession(false) != null) {
            ctx.req().getSession(false).invalidate();
        }
    }

    /** The page's session: everything allowed while no one logs in; else who is logged in, or 401. */
    Session session(Context ctx) {
        if (!loginNeeded()) {
            return new Session(null, Role.ADMIN, null, false);
        }
        User user = sessionUser(ctx);
        if (user == null) {
            throw new Refused(HttpStatus.UNAUTHORIZED, Text.ERROR_LOG_IN);
        }
        return new Session(user.name(), user.role(), ctx.sessionAttribute(SESSION_CSRF), true);
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

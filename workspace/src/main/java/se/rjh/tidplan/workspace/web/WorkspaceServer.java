package se.rjh.tidplan.workspace.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import ai.timefold.solver.jackson.api.TimefoldJacksonModule;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.JDBCSessionDataStore;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.SessionCache;
import org.eclipse.jetty.session.SessionManager;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.pages.ComparisonPage;
import se.rjh.tidplan.pages.Labels;
import se.rjh.tidplan.pages.LoginRefusedPage;
import se.rjh.tidplan.pages.Palette;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.Edits;
import se.rjh.tidplan.workspace.Feeds;
import se.rjh.tidplan.workspace.NextYear;
import se.rjh.tidplan.workspace.Replans;
import se.rjh.tidplan.workspace.Scenarios;
import se.rjh.tidplan.workspace.Workspace;
import se.rjh.tidplan.workspace.WorkspaceError;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.UserStore;

/**
 * The workspace over HTTP: the JSON API the page uses (and scripts can use) and the page itself, served from
 * the jar. A thin layer over {@link Workspace}: each route declares the role it needs and reads its request;
 * errors become JSON with the status a client can act on (400 bad input with the file, line and field; 404
 * unknown; 409 a newer version or a solve already running; 500 with an error id, the cause in the log).
 */
public final class WorkspaceServer {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceServer.class);
    /** The request log, a logger of its own so that it can be turned up or down by itself. */
    private static final Logger REQUESTS = LoggerFactory.getLogger("se.rjh.tidplan.workspace.requests");

    /**
     * The most a request may carry, however it arrives (a declared length or chunks): the largest thing sent is an
     * upload (a dataset zip, a workbook), a few hundred kilobytes for a region.
     */
    private static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** The most a JSON request may carry (a re-plan's changes, a login): kilobytes; no one is kept busy reading more. */
    private static final long MAX_JSON_BYTES = 1024L * 1024;

    /** How long a browser session may stay idle before it ends. */
    private static final java.time.Duration SESSION_IDLE = java.time.Duration.ofHours(2);

    /** The planners' words, which the page and the API's answers are written in. */
    private static final Words WORDS = Words.planners();

    private WorkspaceServer() {
    }

    private static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(TimefoldJacksonModule.createModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Where to listen ({@code port} 0 picks a free one), and whether a reverse proxy on this machine stands in front,
     * whose forwarded headers say who the client is.
     */
    public record Listening(String host, int port, boolean behindProxy) {
    }

    /**
     * Starts serving as {@code listening} says; {@code users} decides who may do what, beside the region's login
     * if the server has one, and {@code audit} keeps what was done to the accounts and the common calendar. Browser
     * sessions are kept in {@code database}, so that one made on this server works on any other server of the same
     * database.
     */
    public static Javalin start(Workspace workspace, UserStore users, AuditLog audit, Listening listening, DataSource database,
            Optional<OidcLogin> regionLogin) {
        ObjectMapper json = json();
        Access access = new Access(users, audit, regionLogin.isPresent());
        ProgressEvents events = new ProgressEvents(workspace.solves()::progress);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = listening.host();
            config.jetty.port = listening.port();
            if (listening.behindProxy()) {
                // The proxy's X-Forwarded-For and -Proto: the client's own address, and HTTPS (the cookie then Secure).
                config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            }
            config.http.maxRequestSize = MAX_JSON_BYTES;
            // An upload is counted as it is read, so one sent in chunks, without a declared length, is held to it too.
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.startup.showJavalinBanner = false;
            config.requestLogger.http(WorkspaceServer::logRequest);
            // The session cookie: not readable by scripts, not sent along with other sites' requests.
            // A session left idle ends: a planner away from an unlocked screen is logged out after a while.
            config.jetty.modifyServletContextHandler(handler -> {
                handler.getSessionHandler().setHttpOnly(true);
                handler.getSessionHandler().setSameSite(HttpCookie.SameSite.STRICT);
                handler.getSessionHandler().setMaxInactiveInterval((int) SESSION_IDLE.toSeconds());
                handler.getSessionHandler().setSessionCache(sharedSessions(handler.getSessionHandler(), database));
            });
            accounts(config, access, json);
            regionLogin.ifPresent(oidc -> regionLogin(config, oidc, access));
            users(config, users, access, audit, json);
            routes(config, workspace, access, json, events);
            config.events.serverStopping(events::close); // open event streams would hold the stop up
            config.events.serverStartFailed(events::close);
            errors(config);
        }).start();
    }

    /**
     * The headers every answer carries, the login, the page's session, and the check of every other API request.
     * The page is never shown inside another site's frame, no answer is read as another type than it says, and no
     * address (a feed's secret) leaves in a Referer.
     */
    private static void accounts(io.javalin.config.JavalinConfig config, Access access, ObjectMapper json) {
        var routes = config.routes;
        routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "frame-ancestors 'none'").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer"));
        routes.beforeMatched("/api/*", access::check);
        routes.post("/api/login", ctx -> {
            // Only JSON: a form on another site can post text/plain across origins, not JSON (login CSRF).
            if (!String.valueOf(ctx.contentType()).startsWith("application/json")) {
                throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Text.ERROR_LOGIN_NOT_JSON);
            }
            LoginRequest login = body(ctx, json, LoginRequest.class);
            if (login.name() == null || login.password() == null) {
                throw new WorkspaceError.BadRequest(Text.ERROR_LOGIN_INCOMPLETE);
            }
            ctx.json(access.login(ctx, login.name(), login.password()));
        }, Access.Needs.ANYONE);
        routes.post("/api/logout", ctx -> {
            access.logoutWithToken(ctx);
            ctx.status(HttpStatus.NO_CONTENT);
        }, Access.Needs.ANYONE);
        routes.get("/api/session", ctx -> ctx.json(access.session(ctx)), Access.Needs.ANYONE);
        routes.get("/api/login", ctx -> ctx.json(access.ways()), Access.Needs.ANYONE);
    }

    /**
     * The region's login: a link to {@link OidcLogin#START} sends the browser to the provider, which sends it back to
     * {@link OidcLogin#CALLBACK}; a verified user with a role gets a session as a password login does, and the page.
     * A failed login ends on a page that says why in the planners' words (403 for a user the claim gives no role), never the
     * cause, which the server's log and the audit log keep.
     */
    private static void regionLogin(io.javalin.config.JavalinConfig config, OidcLogin oidc, Access access) {
        var routes = config.routes;
        routes.get(OidcLogin.START, oidc::begin, Access.Needs.ANYONE);
        routes.get(OidcLogin.CALLBACK, ctx -> {
            OidcLogin.Verified verified;
            try {
                verified = oidc.finish(ctx);
            } catch (OidcLogin.Failed e) {
                LOG.warn("a login with the region's account failed: {}", e.getMessage());
                access.loginFailed(ctx, e.getMessage());
                ctx.status(e.why.status).header("Cache-Control", "no-store").html(LoginRefusedPage.render(e.why.phrase));
                return;
            }
            access.login(ctx, verified.user(), verified.who());
            ctx.header("Cache-Control", "no-store").redirect("/", HttpStatus.FOUND);
        }, Access.Needs.ANYONE);
    }

    /** The accounts, for an admin (as the {@code users} command): list, add (the token is in the answer, once), remove, a new token. */
    private static void users(io.javalin.config.JavalinConfig config, UserStore users, Access access, AuditLog audit,
            ObjectMapper json) {
        var routes = config.routes;
        routes.get("/api/users", ctx -> ctx.json(users.list()), Access.Needs.ADMIN);
        routes.get("/api/audit", ctx -> ctx.json(audit.latest(AUDIT_SHOWN)), Access.Needs.ADMIN);
        routes.post("/api/users", ctx -> {
            NewUser user = body(ctx, json, NewUser.class);
            if (user.name() == null || user.role() == null) {
                throw new WorkspaceError.BadRequest(Text.ERROR_NEW_USER_INCOMPLETE);
            }
            UserStore.Role role = UserStore.Role.parse(user.role());
            String password = user.password() == null || user.password().isEmpty() ? null : user.password();
            IssuedToken issued = new IssuedToken(user.name(), users.add(user.name(), role, password));
            // The role by its code, as the users command writes it to the same log.
            access.audit(ctx, AuditLog.Action.USER_ADDED, user.name() + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ")");
            ctx.status(HttpStatus.CREATED).json(issued);
        }, Access.Needs.ADMIN);
        routes.delete("/api/users/{name}", ctx -> {
            users.remove(ctx.pathParam("name"));
            access.audit(ctx, AuditLog.Action.USER_REMOVED, ctx.pathParam("name"));
            ctx.status(HttpStatus.NO_CONTENT);
        }, Access.Needs.ADMIN);
        routes.post("/api/users/{name}/token", ctx -> {
            IssuedToken issued = new IssuedToken(ctx.pathParam("name"), users.renewToken(ctx.pathParam("name")));
            access.audit(ctx, AuditLog.Action.TOKEN_RENEWED, ctx.pathParam("name"));
            ctx.json(issued);
        }, Access.Needs.ADMIN);
    }

    /** How many of the latest audit events the API gives. */
    private static final int AUDIT_SHOWN = 500;

    /** The body of a new account: the role viewer, planner or admin; a password only for the browser login. */
    record NewUser(String name, String role, String password) {
    }

    /** An API token as issued: shown this once. */
    record IssuedToken(String name, String token) {
    }

    /** The body of a login. */
    record LoginRequest(String name, String password) {
    }

    private static void routes(io.javalin.config.JavalinConfig config, Workspace workspace, Access access, ObjectMapper json,
            ProgressEvents events) {
        var routes = config.routes;
        // Ready only while the database answers: a load balancer sends no one to a node that cannot read or save.
        io.javalin.http.Handler ready = ctx -> {
            String status = workspace.databaseReachable() ? "UP" : "DOWN";
            ctx.status(status.equals("UP") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", status, "database", status));
        };
        // Live while the process answers at all: an orchestrator restarts a node only when this fails, not in an outage
        // of the database, which a restart would not cure.
        io.javalin.http.Handler live = ctx -> ctx.json(Map.of("status", "UP"));
        for (String path : new String[] {"/api/health", "/api/health/ready"}) {
            routes.get(path, ready, Access.Needs.ANYONE);
            routes.head(path, ready, Access.Needs.ANYONE); // a load balancer's probe may ask with HEAD
        }
        routes.get("/api/health/live", live, Access.Needs.ANYONE);
        routes.head("/api/health/live", live, Access.Needs.ANYONE);
        // The page's words: no secret, and the login form says them before anyone has logged in.
        routes.get("/api/labels", ctx -> ctx.json(Labels.shared()), Access.Needs.ANYONE);
        // The one palette: the pages inline it, the page links it.
        routes.get("/palette.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(Palette.css()), Access.Needs.ANYONE);
        routes.get("/api/scenarios", ctx -> ctx.json(workspace.scenarios().list()), Access.Needs.VIEWER);
        routes.post("/api/scenarios", ctx -> {
            // Refused on its declared size, before a byte of it is read.
            if (ctx.contentLength() > MAX_UPLOAD_BYTES) {
                throw new Refused(HttpStatus.CONTENT_TOO_LARGE, Text.ERROR_UPLOAD_TOO_LARGE, ctx.contentLength(), MAX_UPLOAD_BYTES);
            }
            UploadedFile file = uploadedFile(ctx);
            if (file == null) {
                throw new WorkspaceError.BadRequest(Text.ERROR_NO_FILE);
            }
            String name = ctx.formParam("name");
            byte[] content = file.content().readAllBytes();
            ctx.status(HttpStatus.CREATED).json(workspace.scenarios().importFile(
                    name == null || name.isBlank() ? file.filename() : name, file.filename(), content, Access.who(ctx)));
        }, Access.Needs.PLANNER);
        routes.get("/api/scenarios/{id}", ctx -> ctx.json(workspace.scenarios().get(id(ctx))), Access.Needs.VIEWER);
        routes.delete("/api/scenarios/{id}", ctx -> {
            String name = workspace.scenarios().get(id(ctx)).name();
            workspace.scenarios().delete(id(ctx));
            access.audit(ctx, AuditLog.Action.SCENARIO_DELETED, "scenario " + id(ctx) + ": " + name);
            ctx.status(HttpStatus.NO_CONTENT);
        }, Access.Needs.ADMIN);
        routes.get("/api/scenarios/{id}/calendar", ctx -> ctx.json(workspace.calendars().calendarView(id(ctx))), Access.Needs.VIEWER);
        // In Excel's Swedish dialect unless ?format=plain asks for the file solve writes.
        routes.get("/api/scenarios/{id}/calendar.csv", ctx -> download(ctx, "text/csv", "tidplan.csv",
                workspace.calendars().calendarCsv(id(ctx), "plain".equals(ctx.queryParam("format")))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/calendar.ics", ctx -> download(ctx, "text/calendar", "tidplan.ics",
                workspace.calendars().ics(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/calendar.xlsx", ctx -> download(ctx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "tidplan.xlsx", workspace.calendars().xlsx(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/dataset.zip", ctx -> download(ctx, "application/zip", "dataset.zip",
                workspace.calendars().datasetZip(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/yearview.html", ctx -> download(ctx, "text/html", "tidplan.html",
                workspace.calendars().yearView(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/analysis", ctx -> ctx.json(workspace.calendars().analysis(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/history", ctx -> ctx.json(workspace.scenarios().history(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/versions/{version}/calendar.csv", ctx -> download(ctx, "text/csv",
                "tidplan-version-" + version(ctx) + ".csv", workspace.calendars().calendarCsv(id(ctx), version(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/progress", ctx -> ctx.json(workspace.solves().progress(id(ctx))), Access.Needs.VIEWER);
        // The same progress pushed as server-sent events while a solve runs (the page's EventSource).
        routes.get("/api/scenarios/{id}/events", ctx -> events.stream(ctx, id(ctx)), Access.Needs.VIEWER);
        routes.post("/api/scenarios/{id}/solve", ctx -> {
            workspace.solves().solve(id(ctx), Access.who(ctx));
            ctx.status(HttpStatus.ACCEPTED).json(workspace.scenarios().get(id(ctx)));
        }, Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/stop", ctx -> {
            workspace.solves().stop(id(ctx));
            ctx.json(workspace.scenarios().get(id(ctx)));
        }, Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/replan", ctx -> ctx.json(workspace.replans().replan(id(ctx),
                body(ctx, json, Replans.ReplanRequest.class), Access.who(ctx))), Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/advise", ctx -> ctx.json(workspace.replans().advise(id(ctx),
                body(ctx, json, Replans.ReplanRequest.class))), Access.Needs.PLANNER);
        editor(routes, workspace, json);
        routes.put("/api/scenarios/{id}/today", ctx -> ctx.json(workspace.scenarios().setToday(id(ctx),
                body(ctx, json, TodayRequest.class).today())), Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/copy", ctx -> ctx.status(HttpStatus.CREATED).json(workspace.scenarios().copy(id(ctx),
                ctx.body().isBlank() ? null : body(ctx, json, CopyRequest.class).name(), Access.who(ctx))), Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/undo", ctx -> ctx.json(workspace.scenarios().undo(id(ctx),
                body(ctx, json, VersionRequest.class).version(), Access.who(ctx))), Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/restore", ctx -> {
            RestoreRequest restore = body(ctx, json, RestoreRequest.class);
            ctx.json(workspace.scenarios().restore(id(ctx), restore.version(), restore.basedOn(), Access.who(ctx)));
        }, Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/publish", ctx -> {
            Scenarios.Summary published = workspace.scenarios().publish(id(ctx),
                    ctx.body().isBlank() ? null : body(ctx, json, PublishRequest.class).version(), Access.who(ctx));
            access.audit(ctx, AuditLog.Action.PUBLISHED, "scenario " + id(ctx) + ": " + published.name());
            ctx.json(published);
        }, Access.Needs.ADMIN);
        routes.get("/api/scenarios/{id}/publication", ctx -> ctx.json(workspace.publications().preview(id(ctx))),
                Access.Needs.VIEWER);
        routes.get("/api/publications/latest/notice.html", ctx -> ctx.contentType("text/html; charset=utf-8")
                .result(workspace.publications().latestNotice()), Access.Needs.VIEWER);
        routes.get("/api/publications/latest/notice.csv", ctx -> download(ctx, "text/csv", "andringsmeddelande.csv",
                workspace.publications().latestNoticeCsv()), Access.Needs.VIEWER);
        routes.post("/api/scenarios/{id}/feed/rotate", ctx -> {
            Scenarios.Summary rotated = workspace.scenarios().rotateFeed(id(ctx));
            access.audit(ctx, AuditLog.Action.FEED_ROTATED, "scenario " + id(ctx) + ": " + rotated.name());
            ctx.json(rotated);
        }, Access.Needs.ADMIN);
        // The published calendar for Outlook and Google Calendar: no login (they cannot log in); the address's
        // secret is the key. ETag and Last-Modified let them ask cheaply whether anything changed. ?body=RS,
        // ?unit=PoU or ?person=NAME: only what concerns them, for a committee secretary or a director.
        routes.get("/feeds/{file}", ctx -> {
            String file = ctx.pathParam("file");
            Feeds.Audience audience = ctx.queryParam("body") != null ? Feeds.Audience.BODY
                    : ctx.queryParam("unit") != null ? Feeds.Audience.UNIT
                    : ctx.queryParam("person") != null ? Feeds.Audience.PERSON : Feeds.Audience.EVERYONE;
            String who = audience == Feeds.Audience.EVERYONE ? null : ctx.queryParam(audience.name().toLowerCase(Locale.ROOT));
            Feeds.Feed feed = (file.endsWith(".ics") ? workspace.feeds().feed(file.substring(0, file.length() - 4), audience, who)
                    : Optional.<Feeds.Feed>empty()).orElseThrow(() -> new WorkspaceError.NotFound(Text.ERROR_NO_FEED));
            ctx.header("ETag", feed.etag()).header("Last-Modified",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(feed.lastModified().atZone(ZoneOffset.UTC)));
            if (feed.etag().equals(ctx.header("If-None-Match"))) {
                ctx.status(HttpStatus.NOT_MODIFIED);
                return;
            }
            ctx.contentType("text/calendar; charset=utf-8").result(feed.ics().get().getBytes(StandardCharsets.UTF_8));
        }, Access.Needs.ANYONE);
        routes.get("/api/compare", ctx -> ctx.json(workspace.calendars().compare(longParam(ctx, "a"), longParam(ctx, "b"))), Access.Needs.VIEWER);
        routes.get("/api/compare.html", ctx -> ctx.contentType("text/html; charset=utf-8")
                .result(ComparisonPage.render(workspace.calendars().compare(longParam(ctx, "a"), longParam(ctx, "b")))), Access.Needs.VIEWER);
    }

    /**
     * The dataset editor: the dataset as it stands, an edit (a new version; a refused one is a 400 naming the field,
     * a stale version a 409), the same edit checked without saving, what {@code validate} says, "Nytt år", and an
     * imported calendar's rows still without a chain or a unit of their own.
     */
    private static void editor(io.javalin.config.RoutesConfig routes, Workspace workspace, ObjectMapper json) {
        routes.get("/api/scenarios/{id}/dataset", ctx -> ctx.json(workspace.edits().dataset(id(ctx))), Access.Needs.VIEWER);
        routes.post("/api/scenarios/{id}/edits", ctx -> ctx.json(workspace.edits().edit(id(ctx),
                body(ctx, json, Edits.EditRequest.class), Access.who(ctx))), Access.Needs.PLANNER);
        routes.post("/api/scenarios/{id}/edits/check", ctx -> ctx.json(workspace.edits().check(id(ctx),
                body(ctx, json, Edits.EditRequest.class))), Access.Needs.PLANNER);
        routes.get("/api/scenarios/{id}/validation", ctx -> ctx.json(workspace.edits().validation(id(ctx))), Access.Needs.VIEWER);
        routes.get("/api/scenarios/{id}/imported-rows", ctx -> ctx.json(workspace.edits().importedRows(id(ctx))),
                Access.Needs.VIEWER);
        routes.post("/api/scenarios/{id}/rollforward", ctx -> ctx.status(HttpStatus.CREATED).json(workspace.nextYear()
                .rollForward(id(ctx), body(ctx, json, NextYear.RollForwardRequest.class), Access.who(ctx))), Access.Needs.PLANNER);
    }

    /**
     * The upload's file; a body that grows past the limit as it is read (413) or is no multipart form (400) is
     * refused as what it is, not as a fault of the server.
     */
    private static UploadedFile uploadedFile(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty's ServletException, passed on unchecked by Javalin
            boolean http = false;
            boolean tooLarge = false;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                http |= cause instanceof HttpException;
                // Jetty's multipart parser says a form grew past maxTotalRequestSize only in its message.
                tooLarge |= cause instanceof HttpException h && h.getCode() == HttpStatus.CONTENT_TOO_LARGE.getCode()
                        || String.valueOf(cause.getMessage()).startsWith("max length exceeded");
            }
            if (tooLarge) {
                throw new Refused(HttpStatus.CONTENT_TOO_LARGE, Text.ERROR_UPLOAD_LARGER_THAN, MAX_UPLOAD_BYTES);
            }
            if (http) {
                throw new Refused(HttpStatus.BAD_REQUEST, Text.ERROR_UPLOAD_NOT_A_FORM);
            }
            throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        }
    }


    /** The day before which a scenario's calendar is frozen; null unfreezes it. */
    record TodayRequest(LocalDate today) {
    }

    /** The body of a copy request. */
    record CopyRequest(String name) {
    }

    /** A request that names the version it is based on. */
    record VersionRequest(int version) {
    }

    /** Publish {@code version} (the one the admin has seen), or without it the latest. */
    record PublishRequest(Integer version) {
    }

    /** Restore {@code version}, in a change based on {@code basedOn}. */
    record RestoreRequest(int version, int basedOn) {
    }

    private static void errors(io.javalin.config.JavalinConfig config) {
        var routes = config.routes;
        routes.exception(Refused.class, (e, ctx) -> error(ctx, e.status, e.phrase));
        // A dataset's or a calendar's problem is told by file, line and field as the command line tells it.
        routes.exception(InputException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                Phrase.of(Text.ERROR_INPUT, e.getMessage())));
        routes.exception(Replanner.InvalidChange.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                Phrase.of(Text.ERROR_INVALID_CHANGE, e.phrase())));
        routes.exception(UserStore.Refused.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.phrase()));
        routes.exception(WorkspaceError.BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.phrase()));
        routes.exception(WorkspaceError.Invalid.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(Map.of("error", WORDS.say(e.phrase()), "field", e.field())));
        routes.exception(WorkspaceError.NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.phrase()));
        routes.exception(WorkspaceError.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.phrase());
        });
        routes.exception(WorkspaceError.Conflict.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.phrase()));
        routes.exception(ScenarioStore.Conflict.class, (e, ctx) -> {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", WORDS.say(e.phrase()), "currentVersion", e.current()));
        });
        // What went wrong stays in the server's log; the client gets an id to quote, never the exception's text.
        // A database that does not answer is an outage to wait out (503), not a fault of the request.
        routes.exception(ConnectionException.class, (e, ctx) -> {
            String id = logged(ctx, e);
            ctx.header("Retry-After", "5").status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error",
                    WORDS.say(Text.ERROR_DATABASE, id), "id", id));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String id = logged(ctx, e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", WORDS.say(Text.ERROR_INTERNAL, id), "id", id));
        });
    }

    /**
     * Sessions in the database (Jetty's JDBC session store, its own table), read on every request and written
     * when the answer goes out: a load balancer may send each request to any server.
     */
    private static SessionCache sharedSessions(SessionManager manager, DataSource database) {
        DatabaseAdaptor adaptor = new DatabaseAdaptor();
        adaptor.setDatasource(database);
        adaptor.setBlobType("bytea"); // PostgreSQL's, which H2 (in its PostgreSQL mode) takes too; not Jetty's "blob"
        JDBCSessionDataStore store = new JDBCSessionDataStore();
        store.setDatabaseAdaptor(adaptor);
        NullSessionCache cache = new NullSessionCache(manager);
        cache.setSessionDataStore(store);
        cache.setSaveOnCreate(true);
        cache.setFlushOnResponseCommit(true);
        return cache;
    }

    /** Logs a failed request with a new error id, which the client is given. */
    private static String logged(Context ctx, Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("{} {} failed; error id {}", ctx.method(), loggedPath(ctx), id, e);
        return id;
    }

    /** The request's path as the logs show it: a feed's secret address is never written down. */
    private static String loggedPath(Context ctx) {
        return ctx.path().startsWith("/feeds/") ? "/feeds/(secret)" : ctx.path();
    }

    /** One line per request: who asked for what, the answer's status, and how long it took. */
    private static void logRequest(Context ctx, Float millis) {
        REQUESTS.info("{} {} {} {} ms {}", ctx.method(), loggedPath(ctx), ctx.statusCode(), Math.round(millis),
                Optional.ofNullable(Access.who(ctx)).orElse("-"));
    }

    /** An error answer: {@code error} says why, in the planners' words. */
    private static void error(Context ctx, HttpStatus status, Phrase why) {
        ctx.status(status).json(Map.of("error", WORDS.say(why)));
    }

    private static long id(Context ctx) {
        return parse(ctx.pathParam("id"), "id");
    }

    private static int version(Context ctx) {
        String text = ctx.pathParam("version");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new WorkspaceError.NotFound(Text.ERROR_NO_SUCH_VERSION, text);
        }
    }

    private static long longParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw new WorkspaceError.BadRequest(Text.ERROR_PARAMETER_MISSING, name);
        }
        return parse(value, name);
    }

    private static long parse(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new WorkspaceError.NotFound(Text.ERROR_NO_SUCH_SCENARIO, text, name);
        }
    }

    /** The request's JSON object; anything else (not JSON, {@code null}, a field of the wrong type) is a 400. */
    private static <T> T body(Context ctx, ObjectMapper json, Class<T> type) {
        T body;
        try {
            body = json.readValue(ctx.body(), type);
        } catch (JsonProcessingException e) {
            // Where, by line and field, never the internal type's name.
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(JsonMappingException.Reference::getFieldName).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(".")) : "";
            throw line <= 0 ? new WorkspaceError.BadRequest(Text.ERROR_NOT_JSON)
                    : field.isEmpty() ? new WorkspaceError.BadRequest(Text.ERROR_NOT_JSON_AT, line)
                    : new WorkspaceError.BadRequest(Text.ERROR_NOT_JSON_AT_FIELD, line, field);
        }
        if (body == null) {
            throw new WorkspaceError.BadRequest(Text.ERROR_JSON_NULL);
        }
        return body;
    }

    private static void download(Context ctx, String type, String name, String content) {
        download(ctx, type + "; charset=utf-8", name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void download(Context ctx, String type, String name, byte[] content) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").result(content);
    }
}

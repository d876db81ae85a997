package se.rjh.tidplan.workspace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import org.flywaydb.core.api.FlywayException;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.cli.Subcommand;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.planning.StopSignal;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.UserStore;
import se.rjh.tidplan.workspace.web.OidcLogin;
import se.rjh.tidplan.workspace.web.WorkspaceServer;

/** {@code tidplan serve}: the planners' workspace in the browser, on this machine only. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the planners' workspace: the whole year in the browser, scenarios kept in a database "
                + "under --workspace, solved and re-planned with the same services as the command line. Listens on "
                + "the loopback address only; stop it with Ctrl-C."},
        footer = {"", "Examples:", "  java -jar app/target/tidplan.jar serve --port 8080",
                "  TIDPLAN_OIDC_SECRET=... java -jar app/target/tidplan.jar serve --oidc-issuer "
                        + "https://login.microsoftonline.com/TENANT-ID/v2.0 --oidc-client-id CLIENT-ID --oidc-admin GROUP-ID "
                        + "--oidc-planner GROUP-ID",
                "", "Exit status: 0 stopped; 2 the workspace cannot be opened; 70 an internal error (a bug: please report it)."})
public final class ServeCommand implements Callable<Integer>, Subcommand {

    /** The default address: only this machine reaches the workspace (any other needs an admin account first). */
    static final String LOOPBACK = "127.0.0.1";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port = 8080;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Where the database is kept (default: ${DEFAULT-VALUE}).")
    private Path workspace = Path.of("tidplan-workspace");

    @Option(names = "--bind", paramLabel = "ADDR", description = "The address to listen on (default: ${DEFAULT-VALUE}, this "
            + "machine only). Any other address is refused until an admin account exists (users add NAME --role admin) "
            + "or the region's login is on (--oidc-issuer).")
    private String bind = LOOPBACK;

    @Option(names = "--behind-proxy", description = "A reverse proxy on this machine terminates HTTPS and says who the "
            + "client is (X-Forwarded-For, X-Forwarded-Proto): failed logins are counted per client, and the session "
            + "cookie is marked Secure. Only with --bind on loopback, where nothing but the proxy can connect.")
    private boolean behindProxy;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "A database server instead of the workspace's own file, "
            + "e.g. jdbc:postgresql://127.0.0.1:5432/tidplan; the user and password in the URL or in TIDPLAN_DB_USER and "
            + "TIDPLAN_DB_PASSWORD.")
    private String db;

    @Mixin
    private OidcOptions oidc;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String url = db;
        if (url == null) {
            Files.createDirectories(workspace);
            url = Database.h2Url(workspace);
        }
        if (behindProxy && !isLoopback(bind)) {
            throw new InputException("--behind-proxy", 0, null, "the client's address is taken from X-Forwarded-For, "
                    + "which anyone who can connect could forge: bind to loopback (the default) with the proxy on this machine");
        }
        Optional<OidcLogin> regionLogin = oidc.regionLogin(System.getenv(OidcOptions.SECRET_VARIABLE));
        String option = db == null ? "--workspace" : "--db";
        String where = db == null ? "in " + workspace.toAbsolutePath() : withoutPassword(db);
        HikariDataSource pool;
        try {
            pool = Database.open(url, System.getenv("TIDPLAN_DB_USER"), System.getenv("TIDPLAN_DB_PASSWORD"));
        } catch (RuntimeException e) { // refused, unreachable, a URL no driver takes: the user's to fix
            Throwable cause = e instanceof HikariPool.PoolInitializationException && e.getCause() != null ? e.getCause() : e;
            throw new InputException(option, 0, null, "cannot open the database " + where + ": " + cause.getMessage());
        }
        Workspace service;
        try {
            service = Workspace.open(pool);
        } catch (FlywayException e) {
            pool.close();
            throw new InputException(option, 0, null, "cannot bring the database " + where + " up to date: " + e.getMessage());
        }
        // With the region's login on, no one gets in without logging in, account or not.
        if (!isLoopback(bind) && regionLogin.isEmpty() && !UserStore.on(pool).anyAdmin()) {
            service.close();
            pool.close();
            throw new InputException("--bind", 0, null, bind + " is reachable from other machines, and this workspace has no "
                    + "admin account yet: anyone there could change every scenario. Add one first: users add NAME --role admin");
        }
        Javalin server = WorkspaceServer.start(service, UserStore.on(pool), AuditLog.on(pool),
                new WorkspaceServer.Listening(bind, port, behindProxy), pool, regionLogin);
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignal signal = StopSignal.onInterrupt()) {
            // Ctrl-C: running solves stop and save their best calendar, then the server and the database close.
            signal.attach(() -> {
                service.close();
                server.stop();
                pool.close();
                stopped.countDown();
            });
            out.printf("Listening on http://%s:%d (%s)%n", bind, server.port(),
                    db == null ? "workspace " + workspace.toAbsolutePath() : "database " + withoutPassword(db));
            out.flush();
            stopped.await();
            out.println("Stopped: every change is saved in " + (db == null ? workspace.toAbsolutePath() : withoutPassword(db)));
            out.flush();
        }
        return 0;
    }

    /** Whether an address is this machine's own (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw new InputException("--bind", 0, null, "'" + address + "' is not an address of this machine");
        }
    }

    /** A URL as it may be printed: a password in it is not shown. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}

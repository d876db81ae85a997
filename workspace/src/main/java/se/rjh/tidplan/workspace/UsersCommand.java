package se.rjh.tidplan.workspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import com.zaxxer.hikari.HikariDataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.cli.Subcommand;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.Database;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.UserStore;

/** {@code tidplan users}: the accounts of a shared server (see {@code serve}). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage the accounts of the workspace's database. Once any account exists, serve asks every request "
                + "for a login or an API token. Roles: viewer (read and export), planner (also change scenarios), admin "
                + "(also publish). add and token print the API token on their last line; it is shown only then."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class, UsersCommand.Token.class},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar users add anna --role admin --password-stdin < anna-password.txt",
                "", "Exit status: 0 done; 2 bad input (an unknown user, a user that exists, a bad role); 70 an internal error."})
public final class UsersCommand implements Runnable, Subcommand {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which database: the workspace's own file, or a server. */
    static final class Where {
        @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace whose database (default: ${DEFAULT-VALUE}).")
        Path workspace = Path.of("tidplan-workspace");

        @Option(names = "--db", paramLabel = "JDBC_URL", description = "A database server (as serve --db).")
        String db;

        /** The work done on the accounts and the audit log of the database. */
        <T> T withUsers(BiFunction<UserStore, AuditLog, T> work) {
            try {
                if (db == null) {
                    Files.createDirectories(workspace);
                }
                try (HikariDataSource pool = Database.open(db != null ? db : Database.h2Url(workspace),
                        System.getenv("TIDPLAN_DB_USER"), System.getenv("TIDPLAN_DB_PASSWORD"))) {
                    ScenarioStore.open(pool);
                    return work.apply(UserStore.on(pool), AuditLog.on(pool));
                }
            } catch (IllegalArgumentException e) {
                throw new InputException("users", 0, null, e.getMessage());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account; prints its API token.")
    static final class Add extends ForOneUser {
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, planner or admin.")
        String role;
        @Option(names = "--password-stdin", description = "Read a password for the browser login from standard input.")
        boolean passwordFromStdin;

        @Override
        AuditLog.Action action() {
            return AuditLog.Action.USER_ADDED;
        }

        @Override
        String subject() {
            return name + " (" + UserStore.Role.parse(role).name().toLowerCase(java.util.Locale.ROOT) + ")";
        }

        @Override
        String act(UserStore users) {
            UserStore.Role parsed = UserStore.Role.parse(role);
            String password = passwordFromStdin ? readPassword() : null;
            String token = users.add(name, parsed, password);
            return "Added " + name + " (" + parsed.name().toLowerCase(java.util.Locale.ROOT) + ")"
                    + (password == null ? "" : " with a password")
                    + ". API token (shown only now; send it as 'Authorization: Bearer TOKEN'):" + System.lineSeparator() + token;
        }

        private static String readPassword() {
            try {
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null) {
                    throw new InputException("--password-stdin", 0, null, "no password on standard input");
                }
                return password;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            where.withUsers((users, audit) -> users.list()).forEach(u -> out.printf("%-20s %-8s %s%s%n", u.name(),
                    u.role().name().toLowerCase(java.util.Locale.ROOT), u.createdAt(), u.hasPassword() ? "  password" : ""));
            out.flush();
            return 0;
        }
    }

    /** A command about one account, named on the command line; it says what it did. */
    abstract static class ForOneUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;
        @Parameters(paramLabel = "NAME")
        String name;

        abstract String act(UserStore users);

        /** What the audit log says was done. */
        abstract AuditLog.Action action();

        /** What the audit log says it concerned. */
        String subject() {
            return name;
        }

        @Override
        public Integer call() {
            String said = where.withUsers((users, audit) -> {
                String done = act(users);
                audit.record(null, AuditLog.COMMAND_LINE, action(), subject());
                return done;
            });
            spec.commandLine().getOut().println(said);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account; its token stops working.")
    static final class Remove extends ForOneUser {
        @Override
        String act(UserStore users) {
            users.remove(name);
            return "Removed " + name;
        }

        @Override
        AuditLog.Action action() {
            return AuditLog.Action.USER_REMOVED;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Issue a new API token; the old one stops working.")
    static final class Token extends ForOneUser {
        @Override
        String act(UserStore users) {
            return "New API token for " + name + " (the old one no longer works):" + System.lineSeparator() + users.renewToken(name);
        }

        @Override
        AuditLog.Action action() {
            return AuditLog.Action.TOKEN_RENEWED;
        }
    }
}

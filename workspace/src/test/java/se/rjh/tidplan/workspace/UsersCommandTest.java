package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.rjh.tidplan.cli.TidplanCommand;
import se.rjh.tidplan.workspace.store.AuditLog;
import se.rjh.tidplan.workspace.store.Database;

/** {@code users}: the token on the last line, a renewed token replacing the old, and bad input in one line. */
class UsersCommandTest {

    private record Run(int exit, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private static Run users(Path workspace, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TidplanCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--workspace";
        all[args.length + 2] = workspace.toString();
        return new Run(commandLine.execute(all), out.toString(), err.toString());
    }

    @Test
    void addTokenListRemove(@TempDir Path dir) {
        Run added = users(dir, "add", "anna", "--role", "admin");
        assertEquals(0, added.exit(), added.err());
        String token = added.lastLine();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        Run renewed = users(dir, "token", "anna");
        assertNotEquals(token, renewed.lastLine());
        assertTrue(users(dir, "list").out().startsWith("anna"), "the account is listed");
        Run twice = users(dir, "add", "anna", "--role", "viewer");
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, twice.exit());
        assertEquals("tidplan: users: there is already a user anna", twice.err().strip());
        Run role = users(dir, "add", "bo", "--role", "boss");
        assertEquals("tidplan: users: 'boss' is not a role: viewer, planner or admin", role.err().strip());
        Run last = users(dir, "remove", "anna");
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, last.exit());
        assertEquals("tidplan: users: anna is the last admin: add another admin first", last.err().strip());
        assertEquals(0, users(dir, "add", "cecilia", "--role", "admin").exit());
        assertEquals(0, users(dir, "remove", "anna").exit());
        assertEquals("tidplan: users: no user anna", users(dir, "remove", "anna").err().strip());
        // What was done from this machine's command line is in the audit log, as what is done in the page.
        try (var pool = Database.open(Database.h2Url(dir), null, null)) {
            List<String> events = AuditLog.on(pool).latest(10).stream()
                    .map(e -> e.action() + " " + e.subject() + " from " + e.address() + (e.by() == null ? "" : " by " + e.by())).toList();
            assertEquals(List.of("USER_REMOVED anna from command line", "USER_ADDED cecilia (admin) from command line",
                    "TOKEN_RENEWED anna from command line", "USER_ADDED anna (admin) from command line"), events);
        }
    }
}

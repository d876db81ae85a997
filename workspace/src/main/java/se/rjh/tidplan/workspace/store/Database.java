package se.rjh.tidplan.workspace.store;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Where the workspace keeps its scenarios: an H2 database in a file under the workspace directory (one planner,
 * nothing to install), or any JDBC URL given, PostgreSQL for a shared server. Either way a HikariCP pool, and
 * the same Flyway migrations ({@link ScenarioStore#open}).
 */
public final class Database {

    /** The pool's size: the solves are bounded by the cores, the requests are short. */
    private static final int POOL_SIZE = 10;

    private Database() {
    }

    /**
     * H2 in a file under the workspace, in PostgreSQL mode so that one schema serves both. WRITE_DELAY=0: a commit
     * is on disk when it returns (H2's default writes up to half a second later, and a kill -9 lost acknowledged
     * edits: ServeIT).
     */
    public static String h2Url(Path workspace) {
        return "jdbc:h2:file:" + workspace.toAbsolutePath().resolve("tidplan") + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private static final long CONNECTION_WAIT_MILLIS = 5_000;

    /**
     * A pool on the database at {@code url}; {@code user} and {@code password} may be null (in the URL, or none).
     * Closing the pool closes every connection: H2 then writes its file and closes it.
     */
    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(POOL_SIZE);
        // A request waits this long for a connection, then fails: an outage is answered in seconds, not after 30.
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.setPoolName("tidplan");
        return new HikariDataSource(config);
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import se.rjh.tidplan.workspace.store.Database;

/**
 * The databases the workspace's tests run on: H2 in a file (the default) and the PostgreSQL server the
 * project's machines run on 127.0.0.1:5432 (trust authentication, database {@code test}), each test in a schema
 * of its own. {@code .ci/run} makes sure PostgreSQL runs; elsewhere a test on it is skipped when it is not there.
 */
public enum TestDatabase {
    H2, POSTGRESQL;

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    /** A fresh, empty database for one test: a file under {@code dir}, or a new schema on the server. */
    public String url(Path dir) {
        if (this == H2) {
            return Database.h2Url(dir);
        }
        String schema = "tidplan_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(SERVER, USER, null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage(), e);
            }
            assumeTrue(false, "no PostgreSQL on 127.0.0.1:5432 (./.ci/run starts it): " + e.getMessage());
        }
        return SERVER + "?currentSchema=" + schema + "&user=" + USER;
    }
}

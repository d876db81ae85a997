-- The browser sessions' table (Jetty's JDBC session store, its own schema), made here rather than left to Jetty:
-- Jetty looks for a table of its name in every schema it can see and makes none when another schema has one,
-- so on a PostgreSQL server shared with another install every session failed to save. A database whose Jetty
-- made the table already keeps it.
CREATE TABLE IF NOT EXISTS JettySessions (
    sessionId      VARCHAR(120) NOT NULL,
    contextPath    VARCHAR(60)  NOT NULL,
    virtualHost    VARCHAR(60)  NOT NULL,
    lastNode       VARCHAR(60),
    accessTime     BIGINT,
    lastAccessTime BIGINT,
    createTime     BIGINT,
    cookieTime     BIGINT,
    lastSavedTime  BIGINT,
    expiryTime     BIGINT,
    maxInterval    BIGINT,
    map            BYTEA,
    PRIMARY KEY (sessionId, contextPath, virtualHost)
);
CREATE INDEX IF NOT EXISTS idx_JettySessions_expiry ON JettySessions (expiryTime);
CREATE INDEX IF NOT EXISTS idx_JettySessions_session ON JettySessions (sessionId, contextPath);

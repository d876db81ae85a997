-- Failed logins, per account and per address (each kept as a SHA-256 of its subject), in the database so that
-- every node of a shared server counts the same ones; rows older than the lockout window are deleted.
CREATE TABLE login_failure (
    subject CHAR(64) NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failure_subject ON login_failure (subject, failed_at);

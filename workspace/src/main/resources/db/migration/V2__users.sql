-- Accounts for a shared server. While there is none, the workspace is a single planner's and asks no one.
-- Tokens and passwords are stored hashed: a token as SHA-256 (it is 32 random bytes), a password with BCrypt.
CREATE TABLE app_user (
    name          VARCHAR(100) PRIMARY KEY,
    role          VARCHAR(20)  NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(100),
    created_at    TIMESTAMP    NOT NULL
);

-- Who saved each version (empty while the workspace has no accounts).
ALTER TABLE scenario_version ADD COLUMN saved_by VARCHAR(100);

package se.rjh.tidplan.workspace.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;

/** The accounts of a shared server: who, which role, an API token and a password, both kept only as hashes. */
public final class UserStore {

    /** What an account may do: read and export; also change scenarios; also publish and manage accounts. */
    public enum Role {
        VIEWER, PLANNER, ADMIN;

        public static Role parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refused("'" + text + "' is not a role: viewer, planner or admin", Phrase.of(Text.USER_NOT_A_ROLE, text));
            }
        }

        public boolean atLeast(Role other) {
            return compareTo(other) >= 0;
        }
    }

    public record User(String name, Role role, Instant createdAt, boolean hasPassword) implements java.io.Serializable {
    }

    /**
     * A change of the accounts that cannot be made as asked (an unknown or doubled name, the last admin): in English
     * for the command line ({@link #getMessage()}), and as a phrase for the planners' words.
     */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Phrase phrase;

        Refused(String message, Phrase phrase) {
            super(message);
            this.phrase = phrase;
        }

        public Phrase phrase() {
            return phrase;
        }
    }

    /** BCrypt reads at most 72 bytes; a shorter password than 10 characters is too easily guessed. */
    public static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BCryptPasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
    private final Jdbi jdbi;

    private UserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The accounts in a database whose schema {@link ScenarioStore#open} has brought up to date. */
    public static UserStore on(DataSource dataSource) {
        return new UserStore(Jdbi.create(dataSource));
    }

    public boolean any() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Integer.class).one()) > 0;
    }

    public boolean anyAdmin() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'")
                .mapTo(Integer.class).one()) > 0;
    }

    /** Adds an account; returns its API token, which is shown once and kept only as a hash. */
    public String add(String name, Role role, String password) {
        if (!name.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
            throw new Refused("'" + name + "' is not a user name: letters, digits and . _ @ - only",
                    Phrase.of(Text.USER_BAD_NAME, name));
        }
        if (password != null && (password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            throw new Refused("a password is " + MIN_PASSWORD + " characters or more, and at most " + MAX_PASSWORD_BYTES + " bytes",
                    Phrase.of(Text.USER_PASSWORD_LENGTH, MIN_PASSWORD, MAX_PASSWORD_BYTES));
        }
        String token = newToken();
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM app_user WHERE name = :name").bind("name", name).mapTo(Integer.class).one() > 0) {
                throw new Refused("there is already a user " + name, Phrase.of(Text.USER_EXISTS, name));
            }
            h.createUpdate("INSERT INTO app_user (name, role, token_hash, password_hash, created_at)"
                            + " VALUES (:name, :role, :token, :password, :at)")
                    .bind("name", name).bind("role", role.name()).bind("token", hash(token))
                    .bind("password", password == null ? null : PASSWORDS.encode(password))
                    .bind("at", Timestamp.from(Instant.now())).execute();
        });
        return token;
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " ORDER BY name").map(UserStore::user).list());
    }

    /**
     * Removes an account. The last admin stays: without one no one could manage the accounts, and without any
     * account every request would be let through, however the server is bound.
     */
    public void remove(String name) {
        jdbi.useTransaction(h -> {
            Optional<String> role = h.createQuery("SELECT role FROM app_user WHERE name = :name").bind("name", name)
                    .mapTo(String.class).findOne();
            if (role.isEmpty()) {
                throw new Refused("no user " + name, Phrase.of(Text.USER_UNKNOWN, name));
            }
            // The admins' rows locked: two admins removing each other at once cannot both see another one left.
            int admins = h.createQuery("SELECT name FROM app_user WHERE role = 'ADMIN' FOR UPDATE").mapTo(String.class)
                    .list().size();
            if (role.get().equals(Role.ADMIN.name()) && admins == 1) {
                throw new Refused(name + " is the last admin: add another admin first", Phrase.of(Text.USER_LAST_ADMIN, name));
            }
            h.createUpdate("DELETE FROM app_user WHERE name = :name").bind("name", name).execute();
        });
    }

    /** A new token for the account; the old one stops working at once. */
    public String renewToken(String name) {
        String token = newToken();
        if (jdbi.withHandle(h -> h.createUpdate("UPDATE app_user SET token_hash = :token WHERE name = :name")
                .bind("token", hash(token)).bind("name", name).execute()) == 0) {
            throw new Refused("no user " + name, Phrase.of(Text.USER_UNKNOWN, name));
        }
        return token;
    }

    public Optional<User> byToken(String token) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " WHERE token_hash = :token")
                .bind("token", hash(token)).map(UserStore::user).findOne());
    }

    /** The account as it is now (a session holds its name: a removed account or a changed role counts at once). */
    public Optional<User> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " WHERE name = :name").bind("name", name)
                .map(UserStore::user).findOne());
    }

    private static final String SELECT_USER = "SELECT name, role, created_at, password_hash FROM app_user";

    private static User user(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new User(rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("password_hash") != null);
    }

    /** The account whose password this is, if it is. */
    public Optional<User> byPassword(String name, String password) {
        record Stored(User user, String hash) {
        }
        Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery(SELECT_USER + " WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> new Stored(user(rs, ctx), rs.getString("password_hash"))).findOne());
        // An unknown name, or an account without a password, is checked against a hash of no one's password, so
        // that the answer takes as long as for an account: the time does not tell which names exist.
        String hash = stored.map(Stored::hash).orElse(null);
        boolean matches = PASSWORDS.matches(password == null ? "" : password, hash != null ? hash : NoOnesPassword.HASH);
        return stored.filter(s -> s.hash() != null && password != null && matches).map(Stored::user);
    }

    /** A BCrypt hash no password is known for, made when first needed (the class is loaded at the first use). */
    private static final class NoOnesPassword {
        static final String HASH = PASSWORDS.encode(newToken());
    }

    /** The window in which failed logins are counted. */
    public static final Duration LOGIN_LOCKOUT = Duration.ofMinutes(15);
    /** Failed logins of one account within the (sliding) window before further tries are refused. */
    public static final int FAILED_LOGINS_PER_ACCOUNT = 10;
    /** Failed logins from one address within the window (an office behind one NAT address has many planners). */
    public static final int FAILED_LOGINS_PER_ADDRESS = 100;

    /**
     * A login being tried: {@code rows} the tries written for it (one for the account, one for the address), which
     * count as failed until it succeeds; {@code locked} whether there were too many within {@link #LOGIN_LOCKOUT}.
     */
    public record LoginAttempt(List<Long> rows, boolean locked) {
    }

    /**
     * Counts a login try against the account and the address before its password is checked, so that tries sent at
     * once are all counted, and says whether the account or the address is locked. In the database, so every node
     * of a shared server counts the same; tries older than the window are forgotten.
     */
    public LoginAttempt beginLogin(String name, String address, Instant now) {
        long at = now.toEpochMilli();
        long since = now.minus(LOGIN_LOCKOUT).toEpochMilli();
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM login_failure WHERE failed_at < :since").bind("since", since).execute();
            List<Long> rows = new ArrayList<>();
            for (String subject : List.of(ACCOUNT + name, ADDRESS + address)) {
                rows.add(h.createUpdate("INSERT INTO login_failure (subject, failed_at) VALUES (:subject, :at)")
                        .bind("subject", hash(subject)).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            boolean locked = tries(h, ACCOUNT + name, since) > FAILED_LOGINS_PER_ACCOUNT
                    || tries(h, ADDRESS + address, since) > FAILED_LOGINS_PER_ADDRESS;
            return new LoginAttempt(rows, locked);
        });
    }

    /**
     * The try succeeded: it and the account's earlier failures are forgotten; not the address's, so that one known
     * password does not reset the guessing at others.
     */
    public void loginSucceeded(String name, LoginAttempt attempt) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM login_failure WHERE id IN (<rows>)").bindList("rows", attempt.rows()).execute();
            h.createUpdate("DELETE FROM login_failure WHERE subject = :subject").bind("subject", hash(ACCOUNT + name)).execute();
        });
    }

    private static final String ACCOUNT = "user:";
    private static final String ADDRESS = "address:";

    private static int tries(org.jdbi.v3.core.Handle h, String subject, long since) {
        return h.createQuery("SELECT COUNT(*) FROM login_failure WHERE subject = :subject AND failed_at >= :since")
                .bind("subject", hash(subject)).bind("since", since).mapTo(Integer.class).one();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * The history as typed events: the release before this one kept what made each version as text, a re-plan's
 * changes in the command line's syntax ({@code Omplanerad från 2021-01-04: --pin BD22-KOMM=2021-01-20; 2
 * aktiviteter flyttade}). Each text is read back into its {@link VersionEvent}; a text this cannot read is kept
 * whole as {@link VersionEvent.Noted}, so nothing is lost. Versions, accounts and feed secrets are not touched.
 */
public class V6__typed_history extends BaseJavaMigration {

    private static final Pattern IMPORTED = Pattern.compile("Importerad från (.+)");
    private static final Pattern COPIED = Pattern.compile("Kopia av (.+) version (\\d+)");
    private static final Pattern SOLVED = Pattern.compile("Löst: (\\S+)( \\(stoppad\\))?");
    private static final Pattern RESTORED = Pattern.compile("Återställde version (\\d+)");
    private static final Pattern REPLANNED =
            Pattern.compile("Omplanerad från (\\d{4}-\\d{2}-\\d{2}): (.*); (\\d+) (?:aktivitet flyttad|aktiviteter flyttade)");
    /** One option of the old command line and its value, quoted when it held a space. */
    private static final Pattern OPTION = Pattern.compile("(--[a-z-]+) (\"[^\"]*\"|\\S+)");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE scenario_version ADD COLUMN event TEXT");
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT scenario_id, version, what FROM scenario_version");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE scenario_version SET event = ? WHERE scenario_id = ? AND version = ?")) {
            while (rows.next()) {
                update.setString(1, ScenarioStore.json(event(rows.getString("what"), rows.getInt("version"))));
                update.setLong(2, rows.getLong("scenario_id"));
                update.setInt(3, rows.getInt("version"));
                update.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE scenario_version ALTER COLUMN event SET NOT NULL");
            statement.execute("ALTER TABLE scenario_version DROP COLUMN what");
        }
    }

    /** The event an old history text tells of; a first version's own words are what it was created from. */
    static VersionEvent event(String what, int version) {
        Matcher m;
        if ((m = IMPORTED.matcher(what)).matches()) {
            return new VersionEvent.Imported(m.group(1));
        }
        if ((m = COPIED.matcher(what)).matches()) {
            return new VersionEvent.Copied(m.group(1), Integer.parseInt(m.group(2)));
        }
        if ((m = SOLVED.matcher(what)).matches()) {
            return new VersionEvent.Solved(m.group(1), m.group(2) != null);
        }
        if ((m = RESTORED.matcher(what)).matches()) {
            return new VersionEvent.Restored(Integer.parseInt(m.group(1)));
        }
        if ((m = REPLANNED.matcher(what)).matches()) {
            List<Replanner.Change> changes = changes(m.group(2));
            if (changes != null) {
                return new VersionEvent.Replanned(LocalDate.parse(m.group(1)), changes, Integer.parseInt(m.group(3)));
            }
        }
        return version == 1 ? new VersionEvent.Created(what) : new VersionEvent.Noted(what);
    }

    /** The changes of an old re-plan text, or null when it is not the old command line's syntax. */
    private static List<Replanner.Change> changes(String options) {
        List<Replanner.Change> changes = new ArrayList<>();
        Matcher m = OPTION.matcher(options);
        int end = 0;
        try {
            while (m.find()) {
                if (m.start() != end) {
                    return null;
                }
                end = m.end() + (m.end() < options.length() && options.charAt(m.end()) == ' ' ? 1 : 0);
                String value = m.group(2).startsWith("\"") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
                Replanner.Change change = change(m.group(1), value);
                if (change == null) {
                    return null;
                }
                changes.add(change);
            }
        } catch (DateTimeParseException | IndexOutOfBoundsException | NullPointerException e) {
            return null;
        }
        return end == options.length() && !changes.isEmpty() ? changes : null;
    }

    private static Replanner.Change change(String option, String value) {
        return switch (option) {
            case "--move-sitting" -> {
                String[] dates = after(value, ':').split("=");
                yield new Replanner.MoveSitting(before(value, ':'), LocalDate.parse(dates[0]), LocalDate.parse(dates[1]));
            }
            case "--cancel-sitting" -> new Replanner.CancelSitting(before(value, ':'), LocalDate.parse(after(value, ':')));
            case "--add-sitting" -> new Replanner.AddSitting(before(value, ':'), LocalDate.parse(after(value, ':')));
            case "--move-forecast" -> new Replanner.MoveForecast(LocalDate.parse(before(value, '=')),
                    LocalDate.parse(after(value, '=')));
            case "--pin" -> new Replanner.Pin(before(value, '='), LocalDate.parse(after(value, '=')));
            default -> null;
        };
    }

    private static String before(String value, char separator) {
        return value.substring(0, value.lastIndexOf(separator));
    }

    private static String after(String value, char separator) {
        return value.substring(value.lastIndexOf(separator) + 1);
    }
}

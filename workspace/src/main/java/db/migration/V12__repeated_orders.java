package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.workspace.store.ScenarioStore;

/**
 * A row of dependencies.csv given twice is an error since this release (the region's dataset had
 * {@code SKR-2112 -> VP22-HSN} twice). A stored version whose dependencies.csv repeats a row word for word loses the
 * repeat, which says nothing the first row does not, so that every version stays readable; a repeated order with
 * other numbers is a contradiction only its author can settle, and is left for {@code validate} to report.
 */
public class V12__repeated_orders extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT scenario_id, version, dataset FROM scenario_version");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE scenario_version SET dataset = ? WHERE scenario_id = ? AND version = ?")) {
            while (rows.next()) {
                Map<String, String> files = new TreeMap<>(ScenarioStore.files(rows.getString("dataset")));
                String dependencies = files.get(DatasetReader.DEPENDENCIES);
                if (dependencies == null) {
                    continue;
                }
                String once = withoutRepeatedRows(dependencies);
                if (!once.equals(dependencies)) {
                    files.put(DatasetReader.DEPENDENCIES, once);
                    update.setString(1, ScenarioStore.json(files));
                    update.setLong(2, rows.getLong("scenario_id"));
                    update.setInt(3, rows.getInt("version"));
                    update.executeUpdate();
                }
            }
        }
    }

    /** The file without a line that repeats an earlier one exactly (the header is the first line and stays). */
    static String withoutRepeatedRows(String csv) {
        String newline = csv.contains("\r\n") ? "\r\n" : "\n";
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : csv.split("\r?\n", -1)) {
            if (line.isBlank() || seen.add(line)) {
                kept.add(line);
            }
        }
        return String.join(newline, kept);
    }
}

package se.rjh.tidplan.workspace.edit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.SettingsJson;
import se.rjh.tidplan.data.write.EditedDataset;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.WorkspaceError;

/**
 * A scenario's dataset files as tables an edit changes row by row and cell by cell, as a planner would in Excel:
 * every file no edit touched stays as it was, byte for byte, and every column of a row no edit names keeps its text
 * (notes, sources, a column only this region has). Reading the result back ({@link DatasetReader}) is what checks it.
 */
public final class DatasetTables {

    /** A row of a table, by column. */
    public static final class Row {
        private final Map<String, String> cells;

        private Row(Map<String, String> cells) {
            this.cells = cells;
        }

        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private final Map<String, String> files;
    private final Map<String, EditedDataset.Table> tables = new HashMap<>();
    /** The tables an edit changed: only these are written again. */
    private final Set<String> changed = new LinkedHashSet<>();
    private final Set<String> dated = new LinkedHashSet<>();
    private Settings settings;

    public DatasetTables(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    /** The dataset's files with the edits made. */
    public Map<String, String> files() {
        Map<String, String> out = new TreeMap<>(files);
        changed.forEach(file -> out.put(file, EditedDataset.text(tables.get(file))));
        if (settings != null) {
            out.put(DatasetReader.SETTINGS, SettingsJson.write(settings));
        }
        return out;
    }

    /** The activities whose date (Datum) an edit set: the calendar takes them on that date. */
    public Set<String> dated() {
        return dated;
    }

    /** The rows of a table, in file order (a file the dataset lacks is an empty table with {@code columns}). */
    public List<Row> rows(String file) {
        return table(file).rows().stream().map(Row::new).toList();
    }

    /** The rows whose {@code column} holds {@code value}. */
    public List<Row> rowsWhere(String file, String column, String value) {
        return rows(file).stream().filter(row -> row.get(column).equals(value)).toList();
    }

    /** The one activity row of {@code id}; an unknown id is refused, naming {@code field}. */
    public Row activity(String id, String field) {
        return rowsWhere(DatasetReader.ACTIVITIES, "Id", id).stream().findFirst()
                .orElseThrow(() -> new WorkspaceError.Invalid(field, Text.REFUSED_NO_ACTIVITY, id));
    }

    public Optional<Row> findActivity(String id) {
        return rowsWhere(DatasetReader.ACTIVITIES, "Id", id).stream().findFirst();
    }

    /** Appends a row, its cells by column; a column the file lacks is added (empty in the other rows). */
    public Row add(String file, Map<String, String> cells) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        cells.keySet().forEach(column -> ensureColumn(file, column));
        table(file).header().forEach(column -> row.put(column, cells.getOrDefault(column, "")));
        table(file).rows().add(row);
        changed.add(file);
        Row added = new Row(row);
        if (DatasetReader.ACTIVITIES.equals(file) && !added.get(DatasetReader.DATUM).isEmpty()) {
            dated.add(added.get("Id"));
        }
        return added;
    }

    /** Sets a cell of a row of {@code file}; a column the file lacks is added. */
    public void set(String file, Row row, String column, String value) {
        ensureColumn(file, column);
        String text = value == null ? "" : value;
        String before = row.cells.put(column, text);
        changed.add(file);
        if (DatasetReader.ACTIVITIES.equals(file) && DatasetReader.DATUM.equals(column) && !text.equals(before)) {
            dated.add(row.get("Id"));
        }
    }

    /** Sets the cells of a row given, leaving its other columns as they are. */
    public void set(String file, Row row, Map<String, String> cells) {
        cells.forEach((column, value) -> set(file, row, column, value));
    }

    public void remove(String file, Row row) {
        table(file).rows().removeIf(cells -> cells == row.cells);
        changed.add(file);
    }

    public Settings settings() {
        if (settings == null) {
            settings = SettingsJson.read(DatasetReader.SETTINGS, files.getOrDefault(DatasetReader.SETTINGS, ""));
        }
        return settings;
    }

    public void setSettings(Settings settings) {
        this.settings = settings;
    }

    private EditedDataset.Table table(String file) {
        return tables.computeIfAbsent(file, name -> {
            String text = files.get(name);
            EditedDataset.Table read = text == null ? new EditedDataset.Table(List.of(), List.of()) : EditedDataset.table(text);
            return new EditedDataset.Table(new ArrayList<>(read.header()), new ArrayList<>(read.rows()));
        });
    }

    private void ensureColumn(String file, String column) {
        EditedDataset.Table table = table(file);
        if (!table.header().contains(column)) {
            table.header().add(column);
            table.rows().forEach(row -> row.putIfAbsent(column, ""));
            changed.add(file);
        }
    }

    /** A date as the dataset writes it, or empty. */
    static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}

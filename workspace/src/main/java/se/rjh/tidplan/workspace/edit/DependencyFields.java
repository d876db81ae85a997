package se.rjh.tidplan.workspace.edit;

import java.util.LinkedHashMap;
import java.util.Map;

import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.WorkspaceError;

/**
 * A step of a chain as the editor shows and sends it, a row of {@code dependencies.csv}: {@code after} comes at
 * least {@code minLag} days ({@code unit} working or calendar) after {@code before}, {@code buffer} more wanted (a
 * number of days, or the name of a buffer settings.json gives), and why.
 */
public record DependencyFields(String before, String after, Integer minLag, String buffer, String unit, String reason) {

    private static final Map<String, String> FIELDS = Map.of("Before", "before", "After", "after", "MinLag", "minLag",
            "Buffer", "buffer", "Unit", "unit", "Reason", "reason");

    /** The field that holds {@code column} of dependencies.csv, or null. */
    static String field(String column) {
        return column == null ? null : FIELDS.get(column);
    }

    static DependencyFields of(DatasetTables.Row row) {
        return new DependencyFields(row.get("Before"), row.get("After"), number(row.get("MinLag")),
                row.get("Buffer"), row.get("Unit").isEmpty() ? "working" : row.get("Unit"), row.get("Reason"));
    }

    /** The row's cells; an activity not named is refused here, the rest (unknown, itself, a cycle) by the reader. */
    Map<String, String> cells(String prefix) {
        if (before == null || before.isBlank()) {
            throw new WorkspaceError.Invalid(prefix + "before", Text.REFUSED_DEPENDENCY_BEFORE);
        }
        if (after == null || after.isBlank()) {
            throw new WorkspaceError.Invalid(prefix + "after", Text.REFUSED_DEPENDENCY_AFTER);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("Before", before.trim());
        cells.put("After", after.trim());
        cells.put("MinLag", minLag == null ? "" : minLag.toString());
        cells.put("Buffer", buffer == null ? "" : buffer.trim());
        cells.put("Unit", unit == null ? "" : unit.trim());
        cells.put("Reason", reason == null ? "" : reason.trim());
        return cells;
    }

    private static Integer number(String text) {
        try {
            return text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package se.rjh.tidplan.workspace.edit;

import java.time.LocalDate;
import java.util.Map;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.workspace.WorkspaceError;

/** A row of {@code sittings.csv} as the editor writes and reads it: a body's day and where it comes from. */
final class Sittings {

    private Sittings() {
    }

    /** The row of a sitting day: its source said first in its Note ("assumed: ..."), as rollforward writes it. */
    static Map<String, String> cells(String body, LocalDate date, SittingSource source, String note) {
        return Map.of("Body", body, "Date", date.toString(), "Note",
                note == null || note.isBlank() ? source.label() : source.note(note.trim()));
    }

    /** The source of a row's day, if its Note names one. */
    static SittingSource source(DatasetTables.Row row) {
        return SittingSource.of(row.get("Note")).orElse(null);
    }

    static String field(String column) {
        return switch (column == null ? "" : column) {
            case "Body" -> "body";
            case "Note" -> "source";
            default -> "date";
        };
    }

    /** The row of a body's day; a day the body does not sit on is refused, naming {@code field}. */
    static DatasetTables.Row existing(DatasetTables tables, String body, LocalDate date, String field) {
        if (body == null || date == null) {
            throw new WorkspaceError.Invalid(body == null ? "body" : field, "missing: the edit needs its " + (body == null ? "body" : field));
        }
        return tables.rowsWhere(DatasetReader.SITTINGS, "Body", body).stream()
                .filter(row -> row.get("Date").equals(date.toString())).findFirst()
                .orElseThrow(() -> new WorkspaceError.Invalid(field, body + " does not sit on " + date));
    }
}

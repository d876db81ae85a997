package se.rjh.tidplan.workspace.edit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.WorkspaceError;

/** A row of {@code sittings.csv} as the editor writes and reads it: a body's day and where it comes from. */
final class Sittings {

    private Sittings() {
    }

    /** The row of a sitting day: where it comes from (the Source column) and, if the planner says, more (its Note). */
    static Map<String, String> cells(String body, LocalDate date, SittingSource source, String note) {
        return Map.of("Body", body, "Date", date.toString(), "Source", source.label(), "Note", note == null ? "" : note.trim());
    }

    /** The source of a row's day, if its Source column names one. */
    static SittingSource source(DatasetTables.Row row) {
        return SittingSource.parse(row.get("Source")).orElse(null);
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * The days of a column of dates pasted from a body's sammanträdesplan, one a line as {@code 2022-02-15} (text
     * around a date left, blank lines skipped), all in {@code year} if one is given; a line that is none is
     * refused, naming the field {@code dates} and the line.
     */
    static TreeSet<LocalDate> pasted(String dates, Integer year) {
        if (dates == null) {
            throw new WorkspaceError.Invalid("dates", Text.REFUSED_MISSING, "dates");
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        String[] lines = dates.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = DATE.matcher(lines[i]);
            LocalDate day;
            try {
                day = m.find() ? LocalDate.parse(m.group()) : null;
            } catch (DateTimeParseException e) {
                day = null;
            }
            if (day == null || year != null && day.getYear() != year) {
                throw year == null ? new WorkspaceError.Invalid("dates", Text.REFUSED_NOT_A_DATE, i + 1, lines[i].trim())
                        : new WorkspaceError.Invalid("dates", Text.REFUSED_NOT_A_DATE_OF, i + 1, lines[i].trim(), year);
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            throw new WorkspaceError.Invalid("dates", Text.REFUSED_NO_DATES);
        }
        return days;
    }

    static String field(String column) {
        return switch (column == null ? "" : column) {
            case "Body" -> "body";
            case "Source" -> "source";
            case "Note" -> "note";
            default -> "date";
        };
    }

    /** The row of a body's day; a day the body does not sit on is refused, naming {@code field}. */
    static DatasetTables.Row existing(DatasetTables tables, String body, LocalDate date, String field) {
        if (body == null || date == null) {
            String missing = body == null ? "body" : field;
            throw new WorkspaceError.Invalid(missing, Text.REFUSED_MISSING, missing);
        }
        return tables.rowsWhere(DatasetReader.SITTINGS, "Body", body).stream()
                .filter(row -> row.get("Date").equals(date.toString())).findFirst()
                .orElseThrow(() -> new WorkspaceError.Invalid(field, Text.INVALID_DOES_NOT_SIT, body, date));
    }
}

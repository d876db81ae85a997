package se.rjh.tidplan.workspace.edit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.MeetingTime;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.WorkspaceError;

/**
 * An activity as the editor shows and sends it, one field for each column of its row in {@code activities.csv}:
 * its name, processes (P, B, I, IK, U), år i fokus, the bodies it is handled at, the responsible unit and the
 * Tidplan's own responsibility columns, a meeting's start, length and participants, its hand-made date, its window
 * and the reason for it (the row's Note), and the Tidplan's comment.
 */
public record ActivityFields(String id, String name, LocalDate date, List<String> processes, String yearInFocus,
        List<String> bodies, String unit, String political, String collaboration, String management, String operations,
        String finance, List<String> participants, LocalTime start, Integer minutes, LocalDate earliest, LocalDate latest,
        String windowReason, String comment) {

    /** Which field holds each column, for pointing at a problem the dataset's reader found in a row. */
    private static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Id", "id");
        fields.put(DatasetReader.AKTIVITET, "name");
        fields.put(DatasetReader.DATUM, "date");
        for (ProcessArea process : ProcessArea.values()) {
            fields.put(process.name(), "processes");
        }
        fields.put(DatasetReader.AR_I_FOKUS, "yearInFocus");
        fields.put("Body", "bodies");
        fields.put("Unit", "unit");
        fields.put(DatasetReader.POLITISKA, "political");
        fields.put(DatasetReader.SAMVERKAN, "collaboration");
        fields.put(DatasetReader.LEDNING, "management");
        fields.put(DatasetReader.VERKSAMHET, "operations");
        fields.put(DatasetReader.EKONOMI, "finance");
        fields.put("Participants", "participants");
        fields.put(DatasetReader.TID, "start");
        fields.put("Earliest", "earliest");
        fields.put("Latest", "latest");
        fields.put("Note", "windowReason");
        fields.put(DatasetReader.KOMMENTAR, "comment");
        fields.put("Pinned", "date");
        return Map.copyOf(fields);
    }

    /** The field that holds {@code column} of activities.csv, or null. */
    static String field(String column) {
        return column == null ? null : FIELDS.get(column);
    }

    /** The row's fields. */
    static ActivityFields of(DatasetTables.Row row) {
        List<String> processes = new ArrayList<>();
        for (ProcessArea process : ProcessArea.values()) {
            if (!row.get(process.name()).isEmpty()) {
                processes.add(process.name());
            }
        }
        MeetingTime time = MeetingTime.parse(row.get(DatasetReader.TID));
        return new ActivityFields(row.get("Id"), row.get(DatasetReader.AKTIVITET), date(row.get(DatasetReader.DATUM)),
                processes, row.get(DatasetReader.AR_I_FOKUS), list(row.get("Body")), row.get("Unit"),
                row.get(DatasetReader.POLITISKA), row.get(DatasetReader.SAMVERKAN), row.get(DatasetReader.LEDNING),
                row.get(DatasetReader.VERKSAMHET), row.get(DatasetReader.EKONOMI), list(row.get("Participants")),
                time == null ? null : time.start(), time == null ? null : time.minutes(), date(row.get("Earliest")),
                date(row.get("Latest")), row.get("Note"), row.get(DatasetReader.KOMMENTAR));
    }

    /**
     * The row's cells for these fields (every column but External and Pinned, which say what kind of row it is);
     * what the reader cannot say by column (a process that is none, half a meeting time) is refused here, naming
     * the field under {@code prefix}.
     */
    Map<String, String> cells(String prefix) {
        if (id == null || id.isBlank() || id.contains(";")) {
            throw new WorkspaceError.Invalid(prefix + "id", Text.REFUSED_ACTIVITY_ID);
        }
        if (name == null || name.isBlank()) {
            throw new WorkspaceError.Invalid(prefix + "name", Text.REFUSED_ACTIVITY_NAME);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("Id", id.trim());
        cells.put(DatasetReader.AKTIVITET, name.trim());
        cells.put(DatasetReader.DATUM, DatasetTables.text(date));
        List<String> marked = processes == null ? List.of() : processes.stream().map(p -> p.trim().toUpperCase(Locale.ROOT)).toList();
        for (String mark : marked) {
            if (java.util.Arrays.stream(ProcessArea.values()).noneMatch(p -> p.name().equals(mark))) {
                throw new WorkspaceError.Invalid(prefix + "processes", Text.REFUSED_NOT_A_PROCESS, mark);
            }
        }
        for (ProcessArea process : ProcessArea.values()) {
            cells.put(process.name(), marked.contains(process.name()) ? process.name() : "");
        }
        cells.put(DatasetReader.AR_I_FOKUS, text(yearInFocus));
        cells.put("Body", String.join(";", bodies == null ? List.of() : bodies));
        cells.put("Unit", text(unit));
        cells.put(DatasetReader.POLITISKA, text(political));
        cells.put(DatasetReader.SAMVERKAN, text(collaboration));
        cells.put(DatasetReader.LEDNING, text(management));
        cells.put(DatasetReader.VERKSAMHET, text(operations));
        cells.put(DatasetReader.EKONOMI, text(finance));
        cells.put("Participants", String.join(";", participants == null ? List.of() : participants));
        cells.put(DatasetReader.TID, time(prefix));
        cells.put("Earliest", DatasetTables.text(earliest));
        cells.put("Latest", DatasetTables.text(latest));
        cells.put("Note", text(windowReason));
        cells.put(DatasetReader.KOMMENTAR, text(comment));
        return cells;
    }

    /** A meeting's Tid ("13:00 - 15:00") from its start and length; empty for an activity that is no meeting. */
    private String time(String prefix) {
        if (start == null && minutes == null) {
            return "";
        }
        if (start == null || minutes == null || minutes <= 0) {
            throw new WorkspaceError.Invalid(prefix + (start == null ? "start" : "minutes"),
                    Text.REFUSED_MEETING_TIME);
        }
        LocalTime end = start.plusMinutes(minutes);
        if (!end.isAfter(start)) {
            throw new WorkspaceError.Invalid(prefix + "minutes", Text.REFUSED_AFTER_MIDNIGHT);
        }
        return MeetingTime.format(start, end);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null; // a date the reader has already refused cannot be in a scenario's dataset
        }
    }

    private static List<String> list(String cell) {
        return java.util.Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

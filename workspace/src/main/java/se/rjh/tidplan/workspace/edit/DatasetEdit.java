package se.rjh.tidplan.workspace.edit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.WorkspaceError;

/**
 * One edit of a scenario's dataset, as a planner makes it in the editor: the region's files changed as they would
 * be by hand, then read back by the same reader as the command line's, so an edit the files would not take (an
 * unknown body, a cycle, a meeting longer than the office hours) is refused naming its field, and nothing changes.
 * In JSON (the API and the scenario's history) tagged with its kind, as the re-plan's changes are:
 * {@code {"type":"addDependency","dependency":{"before":"A","after":"B","minLag":1}}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DatasetEdit.AddActivity.class, name = "addActivity"),
        @JsonSubTypes.Type(value = DatasetEdit.EditActivity.class, name = "editActivity"),
        @JsonSubTypes.Type(value = DatasetEdit.RemoveActivity.class, name = "removeActivity"),
        @JsonSubTypes.Type(value = DatasetEdit.PinActivity.class, name = "pinActivity"),
        @JsonSubTypes.Type(value = DatasetEdit.UnpinActivity.class, name = "unpinActivity"),
        @JsonSubTypes.Type(value = DatasetEdit.AddDependency.class, name = "addDependency"),
        @JsonSubTypes.Type(value = DatasetEdit.EditDependency.class, name = "editDependency"),
        @JsonSubTypes.Type(value = DatasetEdit.RemoveDependency.class, name = "removeDependency"),
        @JsonSubTypes.Type(value = DatasetEdit.AddBody.class, name = "addBody"),
        @JsonSubTypes.Type(value = DatasetEdit.EditBody.class, name = "editBody"),
        @JsonSubTypes.Type(value = DatasetEdit.AddSitting.class, name = "addSitting"),
        @JsonSubTypes.Type(value = DatasetEdit.EditSitting.class, name = "editSitting"),
        @JsonSubTypes.Type(value = DatasetEdit.MoveSitting.class, name = "moveSitting"),
        @JsonSubTypes.Type(value = DatasetEdit.RemoveSitting.class, name = "removeSitting"),
        @JsonSubTypes.Type(value = DatasetEdit.PasteSittings.class, name = "pasteSittings"),
        @JsonSubTypes.Type(value = DatasetEdit.AddForecast.class, name = "addForecast"),
        @JsonSubTypes.Type(value = DatasetEdit.MoveForecast.class, name = "moveForecast"),
        @JsonSubTypes.Type(value = DatasetEdit.RemoveForecast.class, name = "removeForecast"),
        @JsonSubTypes.Type(value = DatasetEdit.SetOfficeHours.class, name = "setOfficeHours")})
public sealed interface DatasetEdit {

    /** Makes the edit in the tables; what it can tell is wrong before the files are read is refused naming the field. */
    void apply(DatasetTables tables);

    /**
     * The field of this edit (its JSON path) that holds {@code column} of {@code file}, for a problem the reader
     * found there; the edit's main field when no field does.
     */
    String field(String file, String column);

    /** The edit as a phrase, for the scenario's history. */
    Phrase phrase();

    /** A rule of the edit's own, checked on the dataset as it was before it (an honest pin); nothing by default. */
    default void check(Supplier<Dataset> before) {
    }

    /** A new activity. */
    record AddActivity(ActivityFields activity) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            Map<String, String> cells = required(activity, "activity").cells("activity.");
            if (tables.findActivity(cells.get("Id")).isPresent()) {
                throw new WorkspaceError.Invalid("activity.id", Text.REFUSED_ACTIVITY_EXISTS, cells.get("Id"));
            }
            tables.add(DatasetReader.ACTIVITIES, cells);
        }

        @Override
        public String field(String file, String column) {
            return "activity." + orElse(ActivityFields.field(column), "id");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_ADD_ACTIVITY, activity.id(), activity.name());
        }
    }

    /**
     * Every field of an activity set as given (its kind, external or pinned, stays); a new Id renames it in the
     * chains and meeting briefs too.
     */
    record EditActivity(String id, ActivityFields activity) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            DatasetTables.Row row = tables.activity(required(id, "id"), "id");
            Map<String, String> cells = required(activity, "activity").cells("activity.");
            String newId = cells.get("Id");
            if (!newId.equals(id)) {
                if (tables.findActivity(newId).isPresent()) {
                    throw new WorkspaceError.Invalid("activity.id", Text.REFUSED_ACTIVITY_EXISTS, newId);
                }
                for (String column : List.of("Before", "After")) {
                    tables.rowsWhere(DatasetReader.DEPENDENCIES, column, id)
                            .forEach(d -> tables.set(DatasetReader.DEPENDENCIES, d, column, newId));
                }
                tables.rowsWhere(DatasetReader.MEETINGS, "Id", id).forEach(m -> tables.set(DatasetReader.MEETINGS, m, "Id", newId));
            }
            tables.set(DatasetReader.ACTIVITIES, row, cells);
        }

        @Override
        public String field(String file, String column) {
            return "activity." + orElse(ActivityFields.field(column), "id");
        }

        @Override
        public Phrase phrase() {
            return activity.id().equals(id) ? Phrase.of(Text.EDITED_EDIT_ACTIVITY, id)
                    : Phrase.of(Text.EDITED_RENAME_ACTIVITY, id, activity.id());
        }
    }

    /**
     * An activity removed; refused with the chain steps that depend on it, unless {@code withDependencies} asks to
     * remove those too. Its meeting brief goes with it.
     */
    record RemoveActivity(String id, boolean withDependencies) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            removeRow(tables, tables.activity(required(id, "id"), "id"), withDependencies);
        }

        @Override
        public String field(String file, String column) {
            return "id";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(withDependencies ? Text.EDITED_REMOVE_ACTIVITY_WITH_DEPENDENCIES : Text.EDITED_REMOVE_ACTIVITY, id);
        }
    }

    /** An activity fixed on a date, which must be one it can take (an honest pin, as a re-plan's). */
    record PinActivity(String id, LocalDate date) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            DatasetTables.Row row = tables.activity(required(id, "id"), "id");
            tables.set(DatasetReader.ACTIVITIES, row, Map.of(DatasetReader.DATUM, required(date, "date").toString(), "Pinned", "x"));
        }

        @Override
        public void check(Supplier<Dataset> before) {
            Dataset dataset = before.get();
            try {
                new Replanner.Pin(required(id, "id"), required(date, "date")).apply(dataset.schedule(),
                        dataset.schedule().getHorizonStart());
            } catch (Replanner.InvalidChange refused) {
                throw new WorkspaceError.Invalid("date", refused.phrase());
            }
        }

        @Override
        public String field(String file, String column) {
            return "Id".equals(column) ? "id" : "date";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_PIN, id, date);
        }
    }

    /** A pinned activity let go: the search may move it again. */
    record UnpinActivity(String id) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            DatasetTables.Row row = tables.activity(required(id, "id"), "id");
            if (row.get("Pinned").isEmpty()) {
                throw new WorkspaceError.Invalid("id", Text.INVALID_NOT_PINNED, id);
            }
            tables.set(DatasetReader.ACTIVITIES, row, "Pinned", "");
        }

        @Override
        public String field(String file, String column) {
            return "id";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_UNPIN, id);
        }
    }

    /** A new step of a chain; an unknown activity, a self-dependency or a cycle is refused by the reader. */
    record AddDependency(DependencyFields dependency) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            Map<String, String> cells = required(dependency, "dependency").cells("dependency.");
            if (!dependencyRows(tables, cells.get("Before"), cells.get("After")).isEmpty()) {
                throw new WorkspaceError.Invalid("dependency.after", Text.REFUSED_ALREADY_DEPENDS, cells.get("After"), cells.get("Before"));
            }
            tables.add(DatasetReader.DEPENDENCIES, cells);
        }

        @Override
        public String field(String file, String column) {
            return "dependency." + orElse(DependencyFields.field(column), "after");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_ADD_DEPENDENCY, dependency.before(), dependency.after());
        }
    }

    /** The step from {@code before} to {@code after} set as given (its ends may change too). */
    record EditDependency(String before, String after, DependencyFields dependency) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            DatasetTables.Row row = existing(tables, before, after);
            tables.set(DatasetReader.DEPENDENCIES, row, required(dependency, "dependency").cells("dependency."));
        }

        @Override
        public String field(String file, String column) {
            return "dependency." + orElse(DependencyFields.field(column), "after");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_EDIT_DEPENDENCY, before, after);
        }
    }

    record RemoveDependency(String before, String after) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            tables.remove(DatasetReader.DEPENDENCIES, existing(tables, before, after));
        }

        @Override
        public String field(String file, String column) {
            return "after";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_REMOVE_DEPENDENCY, before, after);
        }
    }

    /**
     * A new body (a board, a committee, a group that meets), with its sitting days pasted if the planner has them
     * ({@code dates} as {@link PasteSittings}' and their {@code source}); more are added one by one or pasted.
     */
    record AddBody(String code, String name, String dates, SittingSource source) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            if (required(code, "code").isBlank() || code.contains(";")) {
                throw new WorkspaceError.Invalid("code", Text.REFUSED_BODY_CODE);
            }
            if (!tables.rowsWhere(DatasetReader.BODIES, "Code", code.trim()).isEmpty()) {
                throw new WorkspaceError.Invalid("code", Text.REFUSED_BODY_EXISTS, code.trim());
            }
            tables.add(DatasetReader.BODIES, Map.of("Code", code.trim(), "Name", orElse(name, "").trim()));
            if (dates != null && !dates.isBlank()) {
                Sittings.pasted(dates, null).forEach(day -> tables.add(DatasetReader.SITTINGS,
                        Sittings.cells(code.trim(), day, required(source, "source"), "")));
            }
        }

        @Override
        public String field(String file, String column) {
            return "Name".equals(column) ? "name" : DatasetReader.SITTINGS.equals(file) ? "dates" : "code";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_ADD_BODY, code, name);
        }
    }

    /** A body's name set. */
    record EditBody(String code, String name) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            tables.set(DatasetReader.BODIES, bodyRow(tables, code, "code"), "Name", orElse(name, "").trim());
        }

        @Override
        public String field(String file, String column) {
            return "Name".equals(column) ? "name" : "code";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_EDIT_BODY, code, name);
        }
    }

    /** A sitting day of a body, with where it comes from and, if the planner says, more about it. */
    record AddSitting(String body, LocalDate date, SittingSource source, String note) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            bodyRow(tables, body, "body");
            tables.add(DatasetReader.SITTINGS, Sittings.cells(body, required(date, "date"), required(source, "source"), note));
        }

        @Override
        public String field(String file, String column) {
            return Sittings.field(column);
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_ADD_SITTING, body, date);
        }
    }

    /** Where a sitting day comes from set: a day to confirm confirmed (from a protocol, the body's plan), say. */
    record EditSitting(String body, LocalDate date, SittingSource source, String note) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            tables.set(DatasetReader.SITTINGS, Sittings.existing(tables, body, date, "date"),
                    Sittings.cells(body, date, required(source, "source"), note));
        }

        @Override
        public String field(String file, String column) {
            return Sittings.field(column);
        }

        @Override
        public Phrase phrase() {
            return note == null || note.isBlank() ? Phrase.of(Text.EDITED_EDIT_SITTING, body, date, Words.source(source))
                    : Phrase.of(Text.EDITED_EDIT_SITTING_NOTE, body, date, Words.source(source), note.trim());
        }
    }

    /** A sitting day moved, its source kept. */
    record MoveSitting(String body, LocalDate from, LocalDate to) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            tables.set(DatasetReader.SITTINGS, Sittings.existing(tables, body, from, "from"), "Date", required(to, "to").toString());
        }

        @Override
        public String field(String file, String column) {
            return "Body".equals(column) ? "body" : "to";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_MOVE_SITTING, body, from, to);
        }
    }

    record RemoveSitting(String body, LocalDate date) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            tables.remove(DatasetReader.SITTINGS, Sittings.existing(tables, body, date, "date"));
        }

        @Override
        public String field(String file, String column) {
            return "Body".equals(column) ? "body" : "date";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_REMOVE_SITTING, body, date);
        }
    }

    /**
     * A body's sitting days of one year, pasted from its published sammanträdesplan (a column of dates, one a line,
     * as {@code 2022-02-15}; text around a date is left), in place of the days it had that year.
     */
    record PasteSittings(String body, int year, String dates, SittingSource source) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            bodyRow(tables, body, "body");
            TreeSet<LocalDate> days = Sittings.pasted(dates, year);
            tables.rowsWhere(DatasetReader.SITTINGS, "Body", body).stream()
                    .filter(row -> row.get("Date").startsWith(year + "-"))
                    .forEach(row -> tables.remove(DatasetReader.SITTINGS, row));
            days.forEach(day -> tables.add(DatasetReader.SITTINGS, Sittings.cells(body, day, required(source, "source"), "")));
        }

        @Override
        public String field(String file, String column) {
            return "Body".equals(column) ? "body" : "dates";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_PASTE_SITTINGS, body, year);
        }
    }

    /** An external date the region does not control (an SKR forecast): fixed, work that uses it comes after it. */
    record AddForecast(String id, String name, LocalDate date, String yearInFocus) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            if (required(id, "id").isBlank() || id.contains(";")) {
                throw new WorkspaceError.Invalid("id", Text.REFUSED_FORECAST_ID);
            }
            if (tables.findActivity(id.trim()).isPresent()) {
                throw new WorkspaceError.Invalid("id", Text.REFUSED_ACTIVITY_EXISTS, id.trim());
            }
            tables.add(DatasetReader.ACTIVITIES, Map.of("Id", id.trim(), DatasetReader.DATUM, required(date, "date").toString(),
                    DatasetReader.AKTIVITET, orElse(name, "SKR presenterar Skatteunderlagsprognos"), "B", "B",
                    DatasetReader.AR_I_FOKUS, orElse(yearInFocus, ""), "External", "x"));
        }

        @Override
        public String field(String file, String column) {
            return switch (orElse(column, "")) {
                case DatasetReader.DATUM -> "date";
                case DatasetReader.AKTIVITET -> "name";
                default -> "id";
            };
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_ADD_FORECAST, id, date);
        }
    }

    /** An external date moved (SKR publishes its forecast on another day). */
    record MoveForecast(String id, LocalDate date) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            tables.set(DatasetReader.ACTIVITIES, forecastRow(tables, id), DatasetReader.DATUM, required(date, "date").toString());
        }

        @Override
        public String field(String file, String column) {
            return "Id".equals(column) ? "id" : "date";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_MOVE_FORECAST, id, date);
        }
    }

    /** An external date removed; refused with the steps that wait for it, unless {@code withDependencies}. */
    record RemoveForecast(String id, boolean withDependencies) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            removeRow(tables, forecastRow(tables, id), withDependencies);
        }

        @Override
        public String field(String file, String column) {
            return "id";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(withDependencies ? Text.EDITED_REMOVE_FORECAST_WITH_DEPENDENCIES : Text.EDITED_REMOVE_FORECAST, id);
        }
    }

    /** The office hours (settings.json): every meeting starts and ends within them. */
    record SetOfficeHours(LocalTime start, LocalTime end) implements DatasetEdit {
        @Override
        public void apply(DatasetTables tables) {
            if (!required(start, "start").isBefore(required(end, "end"))) {
                throw new WorkspaceError.Invalid("end", Text.REFUSED_OFFICE_HOURS, start, end);
            }
            tables.setSettings(tables.settings().withOfficeHours(new Settings.Hours(start, end)));
        }

        @Override
        public String field(String file, String column) {
            return "end"; // a meeting the new hours cannot hold
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EDITED_OFFICE_HOURS, start, end);
        }
    }

    /** A part of an edit that must be given; a request without it is refused naming it. */
    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new WorkspaceError.Invalid(field, Text.REFUSED_MISSING, field);
        }
        return value;
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static List<DatasetTables.Row> dependencyRows(DatasetTables tables, String before, String after) {
        return tables.rowsWhere(DatasetReader.DEPENDENCIES, "Before", before).stream()
                .filter(row -> row.get("After").equals(after)).toList();
    }

    private static DatasetTables.Row existing(DatasetTables tables, String before, String after) {
        return dependencyRows(tables, required(before, "before"), required(after, "after")).stream().findFirst()
                .orElseThrow(() -> new WorkspaceError.Invalid("after", Text.REFUSED_NO_DEPENDENCY, before, after));
    }

    /** A body's row; an unknown code is refused naming {@code field}. */
    private static DatasetTables.Row bodyRow(DatasetTables tables, String code, String field) {
        return tables.rowsWhere(DatasetReader.BODIES, "Code", required(code, field)).stream().findFirst()
                .orElseThrow(() -> new WorkspaceError.Invalid(field, Text.REFUSED_NO_BODY, code));
    }

    private static DatasetTables.Row forecastRow(DatasetTables tables, String id) {
        DatasetTables.Row row = tables.activity(required(id, "id"), "id");
        if (row.get("External").isEmpty()) {
            throw new WorkspaceError.Invalid("id", Text.REFUSED_NOT_EXTERNAL, id);
        }
        return row;
    }

    /** Removes an activity's row and its meeting brief; the steps that depend on it too if asked, else refused. */
    private static void removeRow(DatasetTables tables, DatasetTables.Row row, boolean withDependencies) {
        String id = row.get("Id");
        List<DatasetTables.Row> steps = new ArrayList<>(tables.rowsWhere(DatasetReader.DEPENDENCIES, "Before", id));
        steps.addAll(tables.rowsWhere(DatasetReader.DEPENDENCIES, "After", id));
        if (!steps.isEmpty() && !withDependencies) {
            throw new WorkspaceError.Invalid("id", Text.REFUSED_IN_DEPENDENCIES, id, steps.size(),
                    String.join(", ", steps.stream().map(d -> d.get("Before") + " → " + d.get("After")).toList()));
        }
        steps.forEach(step -> tables.remove(DatasetReader.DEPENDENCIES, step));
        tables.rowsWhere(DatasetReader.MEETINGS, "Id", id).forEach(brief -> tables.remove(DatasetReader.MEETINGS, brief));
        tables.remove(DatasetReader.ACTIVITIES, row);
    }
}

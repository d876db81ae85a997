package se.rjh.tidplan.workspace;

import java.util.List;
import java.util.Map;
import java.util.Set;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.edit.DatasetEdit;
import se.rjh.tidplan.workspace.edit.DatasetTables;
import se.rjh.tidplan.workspace.edit.EditableDataset;
import se.rjh.tidplan.workspace.edit.Findings;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * Edits of a scenario's dataset (activities, chains, bodies and sittings, external dates, office hours), each saved
 * as a new version with who made it and when, undone as any version is; and what {@code validate} says of the
 * dataset, after an edit, before one (a check that saves nothing), or as it stands.
 */
public final class Edits {

    /** An edit, based on the version of the scenario the planner sees (an older one is refused: 409). */
    public record EditRequest(int version, DatasetEdit edit) {
    }

    /** The scenario after an edit (or as it would be, for a check) and what {@code validate} says of its dataset. */
    public record Edited(Scenarios.Summary scenario, List<Findings.Finding> findings) {
    }

    private final Versions versions;
    private final Scenarios scenarios;

    Edits(Versions versions, Scenarios scenarios) {
        this.versions = versions;
        this.scenarios = scenarios;
    }

    /** The latest version's dataset, as the editor shows it. */
    public EditableDataset dataset(long id) {
        ScenarioStore.Scenario scenario = versions.existing(id);
        return EditableDataset.of(scenario.version(), versions.current(id).dataset());
    }

    /**
     * Makes the edit and saves the dataset as a new version, with the calendar as it was (an activity the edit dated
     * on its new date) scored under it; a refused edit changes nothing.
     */
    public Edited edit(long id, EditRequest request, String by) {
        State state = based(id, request);
        Applied applied = apply(id, state, request.edit());
        versions.store().save(id, request.version(), applied.state(), new VersionEvent.Edited(request.edit()), by);
        return new Edited(scenarios.get(id), applied.findings());
    }

    /** What the edit would give, without saving it: the dry run the editor asks for while the planner types. */
    public List<Findings.Finding> check(long id, EditRequest request) {
        return apply(id, based(id, request), request.edit()).findings();
    }

    /** What {@code validate} says of the latest version's dataset. */
    public List<Findings.Finding> validation(long id) {
        State state = versions.current(id);
        return Findings.of(Versions.dataset(id, state), state.dataset());
    }

    /**
     * A row of an imported hand-made calendar the import could give no chain (no step before or after it) or no unit
     * of the Tidplan's own (it guessed PoU, or the administration the name names), until a planner edits it.
     */
    public record ImportedRow(String id, String name, java.time.LocalDate date, String unit, boolean noChain,
            boolean unitGuessed) {
    }

    /** The rows of a scenario imported from a hand-made calendar that still need a chain or a unit; none for others. */
    public List<ImportedRow> importedRows(long id) {
        List<ScenarioStore.Version> history = versions.store().history(id); // newest first
        if (history.isEmpty() || !(history.get(history.size() - 1).event() instanceof VersionEvent.Imported imported)
                || imported.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return List.of();
        }
        Set<String> edited = new java.util.HashSet<>();
        history.forEach(version -> {
            if (version.event() instanceof VersionEvent.Edited e && e.edit() instanceof DatasetEdit.EditActivity activity) {
                edited.add(activity.activity().id());
            }
        });
        EditableDataset dataset = dataset(id);
        Set<String> chained = new java.util.HashSet<>();
        dataset.dependencies().forEach(d -> {
            chained.add(d.before());
            chained.add(d.after());
        });
        return dataset.activities().stream()
                .map(a -> new ImportedRow(a.id(), a.name(), a.date(), a.unit(), !chained.contains(a.id()),
                        a.operations().isEmpty() && a.finance().isEmpty() && !edited.contains(a.id())))
                .filter(row -> row.noChain() || row.unitGuessed()).toList();
    }

    private State based(long id, EditRequest request) {
        if (request.edit() == null) {
            throw new WorkspaceError.Invalid("edit", Text.REFUSED_NO_EDIT);
        }
        ScenarioStore.Scenario scenario = versions.existing(id);
        if (request.version() != scenario.version()) {
            throw new ScenarioStore.Conflict(id, request.version(), scenario.version());
        }
        return versions.store().state(id, scenario.version()).orElseThrow();
    }

    private record Applied(State state, List<Findings.Finding> findings) {
    }

    private static Applied apply(long id, State state, DatasetEdit edit) {
        edit.check(() -> Versions.dataset(id, state));
        DatasetTables tables = new DatasetTables(state.dataset());
        edit.apply(tables);
        Map<String, String> files = tables.files();
        Dataset dataset;
        try {
            dataset = Planner.loadFrom(DatasetSource.inMemory(Versions.source(id), files));
        } catch (InputException refused) {
            // Where it is wrong is the edit's field; what is wrong, the reader's words.
            InputException first = refused.each().get(0);
            throw new WorkspaceError.Invalid(edit.field(fileName(first.file()), first.field()), Text.REFUSED_BY_READER,
                    String.join("; ", refused.each().stream().map(InputException::problem).toList()));
        }
        List<Findings.Finding> findings = Findings.of(dataset, files);
        CalendarFile.Content calendar = Versions.calendar(id, state.calendar());
        CalendarExplainer.Scored scored = CalendarExplainer.score(dataset, without(calendar, tables.dated()));
        return new Applied(new State(files, CalendarCsvWriter.text(scored.schedule()), scored.analysis().score().toString()),
                findings);
    }

    /** The calendar without the rows of {@code ids}: those activities take their dataset's date. */
    private static CalendarFile.Content without(CalendarFile.Content calendar, Set<String> ids) {
        return new CalendarFile.Content(calendar.file(), calendar.rows().stream().filter(row -> !ids.contains(row.id())).toList(),
                calendar.skipped(), calendar.merged(), calendar.notes());
    }

    /** "scenario 3/activities.csv" as the table's name. */
    private static String fileName(String described) {
        return described == null ? null : described.substring(described.lastIndexOf('/') + 1);
    }
}

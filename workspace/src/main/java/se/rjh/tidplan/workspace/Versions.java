package se.rjh.tidplan.workspace;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;

/** A scenario's saved versions as the workspace's services read them: found or {@link WorkspaceError.NotFound}. */
final class Versions {

    private final ScenarioStore store;

    Versions(ScenarioStore store) {
        this.store = store;
    }

    ScenarioStore store() {
        return store;
    }

    ScenarioStore.Scenario existing(long id) {
        return store.find(id).orElseThrow(() -> new WorkspaceError.NotFound(Text.ERROR_NO_SCENARIO, id));
    }

    /** The scenario's latest version. */
    State current(long id) {
        return store.state(id, existing(id).version()).orElseThrow();
    }

    /** One version of an existing scenario, as it was saved. */
    State state(long id, int version) {
        existing(id);
        return store.state(id, version)
                .orElseThrow(() -> new WorkspaceError.NotFound(Text.ERROR_NO_VERSION, id, version));
    }

    /** Where a scenario's calendar CSV and dataset come from in messages. */
    static String source(long id) {
        return "scenario " + id;
    }

    /** A version's dataset, read and prepared as for a solve. */
    static Dataset dataset(long id, State state) {
        return Planner.loadFrom(DatasetSource.inMemory(source(id), state.dataset()));
    }

    static CalendarFile.Content calendar(long id, String csv) {
        return CalendarFile.read(source(id) + "/calendar.csv", csv);
    }
}

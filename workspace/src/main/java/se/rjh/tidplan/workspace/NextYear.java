package se.rjh.tidplan.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.transform.RollForward;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.workspace.edit.Findings;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * "Nytt år": a scenario rolled forward into next year's, as {@code rollforward} does (what the scenario already
 * knows of the months both years plan kept, the rest rolled), made a new scenario, with the list of what to confirm.
 */
public final class NextYear {

    /** Roll {@code version} of the scenario (null: its latest) into {@code year}; the new scenario's name, or the rolled one. */
    public record RollForwardRequest(Integer version, int year, String name) {
    }

    /** What to look at in the new scenario: what it is and where the page goes to confirm it. */
    public enum Kind {
        /** A sitting day to confirm with its body: {@code body} and {@code date}. */
        SITTING,
        /** An activity whose date is a guess: {@code activity}. */
        ACTIVITY,
        /** The roll as a whole (how many days were only rolled): nothing to go to. */
        NOTE
    }

    /** One thing to confirm. */
    public record ToConfirm(Kind kind, String body, LocalDate date, String activity, String text) {
    }

    /** The new scenario, what was kept from this one, and what to confirm. */
    public record Rolled(Scenarios.Summary scenario, List<String> kept, List<ToConfirm> toConfirm) {
    }

    private final Versions versions;
    private final Scenarios scenarios;

    NextYear(Versions versions, Scenarios scenarios) {
        this.versions = versions;
        this.scenarios = scenarios;
    }

    public Rolled rollForward(long id, RollForwardRequest request, String by) {
        ScenarioStore.Scenario from = versions.existing(id);
        int version = request.version() == null ? from.version() : request.version();
        Dataset dataset = Versions.dataset(id, versions.state(id, version));
        int lastYear = dataset.schedule().getHorizonEnd().getYear();
        if (request.year() <= lastYear) {
            throw new WorkspaceError.Invalid("year", Text.REFUSED_YEAR_NOT_AFTER, request.year(), lastYear);
        }
        RollForward.Result result = Planner.rollForward(dataset, request.year(), null);
        Map<String, String> files = DatasetFiles.written(result.settings(), result.schedule());
        String name = request.name() == null || request.name().isBlank() ? result.settings().name() : request.name();
        Scenarios.Summary created = scenarios.create(files, name, new VersionEvent.RolledForward(from.name(), version,
                request.year()), by);
        return new Rolled(created, result.kept(), toConfirm(result, files));
    }

    /** The rolled dataset's sitting days to confirm, then each note of the roll, tied to its activity where it names one. */
    private static List<ToConfirm> toConfirm(RollForward.Result result, Map<String, String> files) {
        List<ToConfirm> list = new ArrayList<>();
        for (Findings.Finding sitting : Findings.toConfirm(result.schedule(), Findings.items(files))) {
            String[] item = sitting.item().split(" (?=\\d{4}-)");
            list.add(new ToConfirm(Kind.SITTING, item[0], LocalDate.parse(item[1]), null, sitting.message()));
        }
        Set<String> ids = result.schedule().getActivities().stream().map(Activity::getId).collect(Collectors.toSet());
        for (String note : result.notes()) {
            String first = note.split(" ", 2)[0];
            list.add(ids.contains(first) ? new ToConfirm(Kind.ACTIVITY, null, null, first, note)
                    : new ToConfirm(Kind.NOTE, null, null, null, note));
        }
        return list;
    }
}

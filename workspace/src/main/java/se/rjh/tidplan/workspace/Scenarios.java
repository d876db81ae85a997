package se.rjh.tidplan.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * The scenarios and their versions: listed, created (the region's own, an upload, a copy), published, deleted, and
 * earlier versions restored as new ones (nothing is ever overwritten).
 */
public final class Scenarios {

    /**
     * A scenario as the page lists it: {@code what} made its latest version, in the planners' words; {@code feed} is the
     * published calendar's subscription address (a path); {@code today}, before which its calendar is frozen;
     * {@code publishedVersion}, the version everyone's calendar shows while this is the published scenario (later
     * versions are its draft).
     */
    public record Summary(long id, String name, int version, boolean published, Solves.Status status, String score,
            Instant savedAt, String what, String feed, LocalDate today, Integer publishedVersion) {
    }

    /** The planners' words, which the page is written in. */
    private static final Words WORDS = Words.planners();
    private final Versions versions;
    private final Solves solves;

    Scenarios(Versions versions, Solves solves) {
        this.versions = versions;
        this.solves = solves;
    }

    /** The region's own calendar as the first scenario, when there is none yet. */
    void createFirst() {
        if (versions.store().list().isEmpty()) {
            create(DatasetFiles.embeddedDefault(), "Region Jämtland Härjedalen, Tidplan 2021",
                    new VersionEvent.Created("Regionens dataset 2021, med Tidplanens egna datum"), null);
        }
    }

    public List<Summary> list() {
        return versions.store().list().stream().map(this::summary).toList();
    }

    public Summary get(long id) {
        return summary(versions.existing(id));
    }

    private Summary summary(ScenarioStore.Scenario s) {
        return new Summary(s.id(), s.name(), s.version(), s.published(), solves.status(s.id()), s.score(), s.savedAt(),
                WORDS.say(s.event().phrase()), s.published() && s.feedSecret() != null ? "/feeds/" + s.feedSecret() + ".ics" : null,
                s.today(), s.publishedVersion());
    }

    /** One version in the history: what made it, typed ({@code event}) and in the planners' words ({@code what}). */
    public record Version(int version, Instant savedAt, VersionEvent event, String what, String score, String by) {
    }

    public List<Version> history(long id) {
        versions.existing(id);
        return versions.store().history(id).stream().map(v -> new Version(v.version(), v.savedAt(), v.event(),
                WORDS.say(v.event().phrase()), v.score(), v.by())).toList();
    }

    /** A new scenario from a hand-made calendar (the Tidplan text, an Excel workbook or CSV) or a dataset folder as a zip. */
    public Summary importFile(String name, String fileName, byte[] content, String by) {
        Map<String, String> files = DatasetFiles.fromUpload(fileName, content);
        return create(files, name, new VersionEvent.Imported(fileName), by);
    }

    /** A new scenario of a dataset's files, its calendar the dataset's own dates. */
    Summary create(Map<String, String> files, String name, VersionEvent what, String by) {
        Dataset dataset = Planner.loadFrom(DatasetSource.inMemory(name, files));
        // The dataset's own dates (its hand-made calendar), placed and written as the calendar CSV.
        CalendarFile.Content own = CalendarFile.read(DatasetReader.ACTIVITIES, files.get(DatasetReader.ACTIVITIES));
        String csv = CalendarCsvWriter.text(CalendarExplainer.score(dataset, own).schedule());
        HardSoftLongScore score = Planner.score(dataset);
        return get(versions.store().create(name, new State(files, csv, score.toString()), what, by));
    }

    public Summary copy(long id, String name, String by) {
        State state = versions.current(id);
        ScenarioStore.Scenario from = versions.existing(id);
        long copy = versions.store().create(name == null || name.isBlank() ? from.name() + " (kopia)" : name, state,
                new VersionEvent.Copied(from.name(), from.version()), by);
        versions.store().setToday(copy, from.today()); // a what-if of the same year, frozen where its original is
        return get(copy);
    }

    /**
     * Sets the scenario's today: every solve, re-plan and advice from now on leaves what its calendar has before
     * that day where it is. Null unfreezes.
     */
    public Summary setToday(long id, LocalDate today) {
        versions.existing(id);
        versions.store().setToday(id, today);
        return get(id);
    }

    /**
     * Publishes {@code version} of the scenario (null: its latest) as the calendar everyone uses, until another is
     * published; later versions are its draft. Its feed address is kept from an earlier publication.
     */
    public Summary publish(long id, Integer version, String by) {
        ScenarioStore.Scenario scenario = versions.existing(id);
        versions.store().publish(id, version == null ? scenario.version() : version, Feeds.newSecret(), by);
        return get(id);
    }

    /**
     * Deletes a scenario with every version of it. The published calendar stays until another is published (its
     * subscribers would lose it), and a scenario being solved until its solve is stopped.
     */
    public void delete(long id) {
        solves.unlessSolving(id, () -> {
            if (!versions.store().delete(id)) {
                versions.existing(id);
                throw new WorkspaceError.Conflict(Text.ERROR_PUBLISHED_NOT_DELETED, id);
            }
        });
    }

    /** A new feed address for the scenario: subscribers of the old one must subscribe again. */
    public Summary rotateFeed(long id) {
        versions.existing(id);
        versions.store().rotateFeed(id, Feeds.newSecret());
        return get(id);
    }

    /** Restores the version before {@code basedOn}, as a new version. */
    public Summary undo(long id, int basedOn, String by) {
        if (basedOn <= 1) {
            throw new WorkspaceError.BadRequest(Text.ERROR_NOTHING_TO_UNDO, basedOn);
        }
        return restore(id, basedOn - 1, basedOn, by);
    }

    /** Restores an earlier version as a new one, based on {@code basedOn} (the version the planner sees). */
    public Summary restore(long id, int version, int basedOn, String by) {
        State earlier = versions.state(id, version);
        versions.store().save(id, basedOn, earlier, new VersionEvent.Restored(version), by);
        return get(id);
    }
}

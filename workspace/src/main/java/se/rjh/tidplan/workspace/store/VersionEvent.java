package se.rjh.tidplan.workspace.store;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.edit.DatasetEdit;

/**
 * What made a version of a scenario, kept typed in its history (JSON tagged with {@code type}) and shown to the
 * planners in their words ({@link #phrase()}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = VersionEvent.Created.class, name = "created"),
        @JsonSubTypes.Type(value = VersionEvent.Imported.class, name = "imported"),
        @JsonSubTypes.Type(value = VersionEvent.Copied.class, name = "copied"),
        @JsonSubTypes.Type(value = VersionEvent.Solved.class, name = "solved"),
        @JsonSubTypes.Type(value = VersionEvent.Replanned.class, name = "replanned"),
        @JsonSubTypes.Type(value = VersionEvent.Restored.class, name = "restored"),
        @JsonSubTypes.Type(value = VersionEvent.Noted.class, name = "noted"),
        @JsonSubTypes.Type(value = VersionEvent.Edited.class, name = "edited"),
        @JsonSubTypes.Type(value = VersionEvent.RolledForward.class, name = "rolledForward")})
public sealed interface VersionEvent {

    Phrase phrase();

    /** A scenario made from a dataset the workspace holds (the region's own, at the first start). */
    record Created(String dataset) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.VERBATIM, dataset);
        }
    }

    /** A scenario made from an uploaded file. */
    record Imported(String fileName) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EVENT_IMPORTED, fileName);
        }
    }

    /** A scenario made as a copy of a version of another. */
    record Copied(String scenario, int version) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EVENT_COPIED, scenario, version);
        }
    }

    /** A solve's calendar; {@code stopped} when a planner stopped it before it ended by itself. */
    record Solved(String score, boolean stopped) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(stopped ? Text.EVENT_SOLVED_STOPPED : Text.EVENT_SOLVED, Words.score(score));
        }
    }

    /** A re-plan after changes, the past before {@code today} frozen; {@code moved} activities moved. */
    record Replanned(LocalDate today, List<Replanner.Change> changes, int moved) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EVENT_REPLANNED, today, changes.stream().map(Replanner.Change::phrase).toList(),
                    Phrase.of(Text.COUNT_MOVED_ACTIVITIES, moved));
        }
    }

    /** An edit of the dataset in the editor. */
    record Edited(DatasetEdit edit) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return edit.phrase();
        }
    }

    /** A scenario made as next year's from a version of another ("Nytt år", as {@code rollforward}). */
    record RolledForward(String scenario, int version, int year) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EVENT_ROLLED_FORWARD, year, scenario, version);
        }
    }

    /** An earlier version saved again as the newest. */
    record Restored(int version) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.EVENT_RESTORED, version);
        }
    }

    /** A version whose history an earlier release wrote as text that says none of the above: the text, kept. */
    record Noted(String text) implements VersionEvent {
        @Override
        public Phrase phrase() {
            return Phrase.of(Text.VERBATIM, text);
        }
    }
}

package se.rjh.tidplan.workspace;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVPrinter;

import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.pages.ChangeNotice;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.ScenarioStore;

/**
 * What a publication changes for the people concerned: before it, which activities would move against the calendar
 * published now (for the admin to confirm); after it, the change notice of the latest publication, as a page to
 * print or mail and as CSV.
 */
public final class Publications {

    /** A publication to confirm: the version that would replace the published one, and what would then move. */
    public record Preview(String scenario, int version, String replaces, List<Replanner.Moved> moves) {
    }

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** The planners' words, which the notice is written in. */
    private static final Words WORDS = Words.planners();

    private final Versions versions;
    private final CalendarViews calendars;

    Publications(Versions versions, CalendarViews calendars) {
        this.versions = versions;
        this.calendars = calendars;
    }

    /** What publishing the scenario's latest version would change against the calendar published now. */
    public Preview preview(long id) {
        ScenarioStore.Scenario next = versions.existing(id);
        Optional<ScenarioStore.Scenario> published = versions.store().list().stream().filter(ScenarioStore.Scenario::published)
                .findFirst();
        List<Replanner.Moved> moves = published.map(p -> changed(p.id(), p.publishedVersion(), id, next.version()))
                .orElse(List.of());
        return new Preview(next.name(), next.version(), published.map(p -> name(p.id(), p.publishedVersion())).orElse(null),
                moves);
    }

    /** The change notice of the latest publication, to print or mail. */
    public String latestNotice() {
        ScenarioStore.Publication publication = latest();
        return ChangeNotice.ofPublication(name(publication.scenario(), publication.version()),
                LocalDate.ofInstant(publication.at(), STOCKHOLM), what(publication), moves(publication));
    }

    /** The same as CSV in Excel's Swedish dialect: one row per activity that moved, and whom to tell. */
    public String latestNoticeCsv() {
        StringWriter text = new StringWriter();
        try {
            CSVPrinter csv = SpreadsheetCsv.printer(text, SpreadsheetCsv.Flavour.EXCEL);
            csv.printRecord(Stream.of(Text.NOTICE_ID, Text.NOTICE_ACTIVITY, Text.NOTICE_FROM, Text.NOTICE_TO, Text.NOTICE_TIME_FROM,
                    Text.NOTICE_TIME_TO, Text.NOTICE_TELL).map(WORDS::say).toList());
            for (Replanner.Moved m : moves(latest())) {
                csv.printRecord(m.id(), m.name(), m.oldDate() == null ? "" : m.oldDate(), m.newDate(),
                        m.oldStart() == null ? "" : m.oldStart(), m.newStart() == null ? "" : m.newStart(),
                        String.join(", ", m.toTell()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private ScenarioStore.Publication latest() {
        return versions.store().latestPublication()
                .orElseThrow(() -> new WorkspaceError.NotFound(Text.ERROR_NOTHING_PUBLISHED));
    }

    private List<Replanner.Moved> moves(ScenarioStore.Publication publication) {
        return publication.previousScenario() == null ? List.of()
                : changed(publication.previousScenario(), publication.previousVersion(), publication.scenario(),
                        publication.version());
    }

    private String what(ScenarioStore.Publication publication) {
        String published = name(publication.scenario(), publication.version());
        return publication.previousScenario() == null ? WORDS.say(Text.PUBLISHED, published)
                : WORDS.say(Text.PUBLISHED_INSTEAD_OF, published, name(publication.previousScenario(), publication.previousVersion()));
    }

    private List<Replanner.Moved> changed(long fromScenario, int fromVersion, long toScenario, int toVersion) {
        Schedule before = calendars.scored(fromScenario, fromVersion).schedule();
        Schedule after = calendars.scored(toScenario, toVersion).schedule();
        return Planner.changedSince(before, name(fromScenario, fromVersion), after);
    }

    private String name(long scenario, int version) {
        return WORDS.say(Text.SCENARIO_VERSION, versions.store().find(scenario).map(ScenarioStore.Scenario::name)
                .orElse(WORDS.say(Text.SCENARIO, scenario)), version);
    }
}

package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.rjh.tidplan.pages.PageAssertions.asText;
import static se.rjh.tidplan.pages.PageAssertions.assertSelfContainedPage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.HandMadeCalendar;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.Rules;
import se.rjh.tidplan.planning.StopSignal;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;

class ChangeNoticeTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 1);

    @Test
    void theNoticeOfAReplanSaysWhatMovedFromWhenToWhenWhyAndWhomToTellInSwedish() {
        List<Replanner.Change> changes = List.of(
                new Replanner.MoveSitting("RF", LocalDate.of(2021, 6, 21), LocalDate.of(2021, 6, 14)),
                new Replanner.CancelSitting("RS", LocalDate.of(2021, 6, 7)));
        Replanner.Result result = Planner.replan(() -> Planner.load(null), Region.calendar("tidplan.csv", HandMadeCalendar.placed()),
                TODAY, changes, false, new Planner.Search(Duration.ofSeconds(60), 20_000, 0), best -> { }, StopSignal.none());
        assertTrue(result.moves().size() >= 2, result.moves().toString());

        String page = ChangeNotice.render(result, TODAY, changes);
        assertSelfContainedPage(page);
        assertTrue(page.contains("<h1>Ändringsmeddelande</h1>"));
        assertTrue(page.contains("omplanerad lör 1 maj 2021"));
        assertTrue(page.contains("<li>RF sammanträder 2021-06-14 i stället för 2021-06-21</li>"), page);
        assertTrue(page.contains("<li>RS sammanträder inte 2021-06-07</li>"));
        assertTrue(page.contains("<h2>" + Labels.activities(result.moves().size()) + " flyttas</h2>"));
        for (Replanner.Moved move : result.moves()) {
            String row = page.substring(page.indexOf("<tr><td><span class=\"id\">" + move.id() + "</span>"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertTrue(row.contains(asText(move.name())), row);
            assertTrue(row.contains("<td class=\"when\">" + Labels.date(move.oldDate())), row);
            assertTrue(row.contains("<span class=\"to\">" + Labels.date(move.newDate())), row);
            assertTrue(row.contains("<td>" + String.join(", ", move.toTell()) + "</td>"), row);
            move.toTell().forEach(who -> assertTrue(page.contains("<li><b>" + who + "</b>: "), who));
        }
        // RF's decision follows its sitting, said in Swedish like every other reason.
        assertTrue(page.contains("<td>Organets sammanträdesdag: RF sammanträder inte längre 2021-06-21</td>"), page);
        for (String english : List.of("the change", "no longer", "Order with", "soft goals", "Sitting day")) {
            assertFalse(page.contains(english), "English on the page: " + english);
        }
    }

    @Test
    void aChangeThatCannotBeMetSaysWhichRulesStayBroken() {
        Replanner.Result result = new Replanner.Result(new SolveResult(HandMadeCalendar.placed(), null, 0, 0, 0, 0, 0, false, 1),
                null, false, List.of(), List.of(new Replanner.Blocker("Sitting day of the body",
                        new Rules.Finding("RF does not sit on 2021-06-14", Phrase.of(Text.INVALID_DOES_NOT_SIT, "RF", "2021-06-14"),
                                List.of("RP22-RF")), List.of())), List.of(), List.of(), 0);
        String page = ChangeNotice.render(result, TODAY, List.of(new Replanner.Pin("RP22-RF", LocalDate.of(2021, 6, 14))));
        assertSelfContainedPage(page);
        assertTrue(page.contains("<li>RP22-RF låses till 2021-06-14</li>"));
        assertTrue(page.contains("<p>Ingen aktivitet behöver flyttas.</p>"));
        assertTrue(page.contains("<li class=\"broken\">Organets sammanträdesdag (RP22-RF)</li>"));
    }
}

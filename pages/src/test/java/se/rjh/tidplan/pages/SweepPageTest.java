package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.rjh.tidplan.pages.PageAssertions.assertSelfContainedPage;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.planning.Sweep;

class SweepPageTest {

    @Test
    void aBarPerWhatIfInItsVerdictsColourAndTheTableInSwedish() {
        List<Sweep.Outcome> outcomes = List.of(
                new Sweep.Outcome(0, "RF sits on 2021-06-14 instead of 2021-06-21", "yes", 1, "0hard/-3430soft",
                        "Close to the hand-made date"),
                new Sweep.Outcome(1, "\"RS <AU>\" does not sit on 2021-06-07", "no", 4, "-1hard/-5000soft",
                        "Sitting day of the body"),
                new Sweep.Outcome(2, "RF sits on 2021-06-19 instead of 2021-06-21", "invalid", 0, "",
                        "2021-06-19 is not a working day (Saturday)"));
        String page = SweepPage.render(outcomes);
        assertSelfContainedPage(page);
        assertTrue(page.contains("<h1>Svep: 3 tänkta ändringar</h1>"));
        assertEquals(3, page.split("<rect ", -1).length - 1);
        // The highest bar is the what-if that moves most; one that moves nothing still shows.
        assertTrue(page.contains("<rect x=\"48\" y=\"10\" width=\"11\" height=\"150\" fill=\"" + Palette.colour("breaks-rule") + "\">"));
        assertTrue(page.contains("<rect x=\"62\" y=\"158\" width=\"11\" height=\"2\" fill=\"" + Palette.colour("cannot") + "\">"));
        assertTrue(page.contains("<span class=\"key\" style=\"background:" + Palette.colour("keeps-rules") + "\"></span>alla regler hålls"));
        assertTrue(page.contains("<tr><td class=\"num\">0</td><td>RF sits on 2021-06-14 instead of 2021-06-21</td><td>ja</td>"
                + "<td class=\"num\">1</td><td class=\"num\">0hard/-3430soft</td><td>Nära det handgjorda datumet</td></tr>"));
        assertTrue(page.contains("<td>\"RS &lt;AU&gt;\" does not sit on 2021-06-07</td><td>nej</td>"), page);
        assertTrue(page.contains("<td>går inte</td><td class=\"num\">0</td><td class=\"num\"></td>"
                + "<td>2021-06-19 is not a working day (Saturday)</td>"));
    }
}

package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.rjh.tidplan.pages.PageAssertions.asText;
import static se.rjh.tidplan.pages.PageAssertions.assertSelfContainedPage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.HandMadeCalendar;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;

class YearViewPageTest {

    @Test
    void theYearViewIsAWallChartInSwedishWithFullNamesWeeksAndMarks() {
        Schedule schedule = HandMadeCalendar.placed();
        String page = YearViewPage.render(schedule, new YearViewPage.Marks(
                Map.of("RP22-RF", List.of("Organets sammanträdesdag")), Map.of("RP22-RS", LocalDate.of(2021, 5, 18))));
        assertSelfContainedPage(page);
        // Every activity's full name, however long, is on the page under its number: nothing is cut.
        for (Activity activity : schedule.getActivities()) {
            assertTrue(page.contains("data-id=\"" + activity.getId() + "\""), activity.getId());
            assertTrue(page.contains(asText(activity.getName())), activity.getName());
        }
        assertTrue(!page.contains("…"), "a name is cut");
        // ISO weeks: 2021-06-07 is in week 23, and the week column says so on that row.
        assertTrue(page.matches("(?s).*<td class=\"wk\">23</td><td class=\"\"><div class=\"d\">7 .*"), "no week 23 row starting 7 June");
        // Flagged and moved rows, in the grid and in the list, with the Swedish rule and the old date.
        assertTrue(page.contains("<span class=\"flag\">! Organets sammanträdesdag</span>"));
        assertTrue(page.contains("&#8644; flyttad från tis 18 maj</span>"));
        assertTrue(page.contains("1 aktivitet bryter mot en regel."));
        // A legend for everything drawn, the SKR chip visible; the workload chart has axes, weeks and a legend.
        assertTrue(page.contains("<span class=\"chip\" style=\"background:#555\">SKR</span>"));
        assertTrue(page.contains("aktiviteter i en svag vecka (semester, jul)"));
        assertTrue(page.contains(">v. 1</text>") && page.contains("class=\"axis\""));
        // Swedish throughout: day names and days off.
        assertTrue(page.contains("<th>mån</th>") && page.contains("title=\"lördag\""));
        for (String english : List.of("Saturday", "Sunday", "Mon<", "week ", "activities")) {
            assertTrue(!page.contains(english), "English on the page: " + english);
        }
    }

    @Test
    void textFromTheDataStaysTextInTheContentTheAttributesAndTheScript() {
        Schedule schedule = HandMadeCalendar.placed();
        Activity activity = Region.activity(schedule, "RP22-RF");
        activity.setComment("Flyttas? </script><script>alert('x')</script>\u2028slut");
        activity.setUnit("Enhet \"A\" & 'B'");
        String page = YearViewPage.render(schedule, YearViewPage.Marks.NONE);
        // The comment is text in the month's list; the page has its one script, whole.
        assertTrue(page.contains("&#9998; Flyttas? &lt;/script&gt;&lt;script&gt;alert('x')&lt;/script&gt;\u2028slut</span>"));
        assertEquals(1, page.split("<script>", -1).length - 1);
        assertEquals(1, page.split("</script>", -1).length - 1);
        assertTrue(page.indexOf("document.body.dataset.rendered") < page.indexOf("</script>"));
        // In an attribute both quotes are escaped: the workload chart's label names the unit.
        assertTrue(page.contains("aria-label=\"Arbetsbelastning Enhet &#34;A&#34; &amp; &#39;B&#39;\""));
    }
}

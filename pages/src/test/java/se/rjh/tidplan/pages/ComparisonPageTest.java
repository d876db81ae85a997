package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.rjh.tidplan.pages.PageAssertions.assertSelfContainedPage;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.HandMadeCalendar;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.Planner;

class ComparisonPageTest {

    @Test
    void theComparisonOfTwoCalendarsListsTheMovesAndEveryRuleInSwedish() {
        Schedule a = HandMadeCalendar.placed();
        Schedule b = HandMadeCalendar.placed();
        // RS decides on the regional plan a day late and RF a week early, each on a day it does not sit.
        Region.activity(b, "RP22-RS").setDate(LocalDate.of(2021, 6, 8));
        Region.activity(b, "RP22-RF").setDate(LocalDate.of(2021, 6, 14));
        CalendarComparison.Comparison comparison = Planner.compare(() -> Planner.load(null),
                Region.calendar("a.csv", a), () -> Planner.load(null), Region.calendar("b.csv", b));
        assertEquals(List.of("RP22-RF", "RP22-RS"), comparison.moves().stream().map(CalendarComparison.Move::id).sorted().toList());

        String page = ComparisonPage.render(comparison);
        assertSelfContainedPage(page);
        assertTrue(page.contains("<title>tidplan: a.csv / b.csv</title>"));
        assertTrue(page.contains("<h2>2 aktiviteter flyttade</h2>"));
        assertTrue(page.contains("<tr><td>RP22-RF</td><td>RF Beslutar Regionplan inkl.budgetramar för kommande 4 årsperiod</td>"
                + "<td>2021-06-21</td><td>2021-06-14</td><td class=\"num\">-7</td></tr>"), page);
        assertTrue(page.contains("<tr><td>RP22-RS</td>"));
        for (CalendarComparison.RuleDifference rule : comparison.rules()) {
            assertTrue(page.contains("<tr><td>" + Labels.rule(rule.constraint()) + "</td>"), rule.constraint());
        }
        // RS and RF off their sitting days is worse in B, marked so on the rule's difference.
        CalendarComparison.RuleDifference sittings = comparison.rules().stream()
                .filter(r -> r.constraint().equals("Sitting day of the body")).findFirst().orElseThrow();
        assertTrue(sittings.worse());
        // Each rule's score as its penalty points, the difference signed; each calendar's score in words.
        long pointsA = -sittings.scoreA().hardScore();
        long pointsB = -sittings.scoreB().hardScore();
        assertTrue(page.contains("<tr><td>Organets sammanträdesdag</td><td class=\"num\">" + pointsA + "</td><td class=\"num\">"
                + pointsB + "</td><td class=\"num worse\">+" + (pointsB - pointsA) + "</td></tr>"), page);
        assertTrue(page.contains("A: a.csv – ") && page.contains(" straffpoäng<br>B: b.csv – hårda regler brutna ("), page);
        assertFalse(page.contains("hard/") || page.contains("soft<"), "a score as the solver writes it");
        assertFalse(page.contains("\" class=\""), "an element with two class attributes");
        // The workload of the weeks that differ is bold.
        assertTrue(page.contains("<tr style=\"font-weight:bold\">"));
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import se.rjh.tidplan.workspace.store.UserStore;

/**
 * The page meets WCAG 2.1 AA: axe-core finds nothing on any view with the region's calendar solved, and every action
 * a planner takes works with the keyboard alone, the focus going somewhere sensible after each.
 */
class WorkspaceAccessibilityTest {

    private WorkspacePage page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void noViewBreaksAWcag21AaRuleWithTheRegionSolved(@TempDir Path dir) {
        page = new WorkspacePage(dir, 1500, 1100);
        RunningWorkspace server = page.server;
        // Before accounts exist: a published calendar, a re-plan of it published too (a change notice with moves),
        // the region solved, and a copy to compare with.
        assertEquals(200, server.post("/api/scenarios/1/publish", "").status());
        assertEquals(200, server.post("/api/scenarios/1/replan",
                "{\"version\":1,\"changes\":[{\"type\":\"moveSitting\",\"body\":\"RF\",\"from\":\"2021-06-21\",\"to\":\"2021-06-14\"}]}").status());
        assertEquals(200, server.post("/api/scenarios/1/publish", "{\"version\":2}").status());
        page.solve(1);
        assertEquals(201, server.post("/api/scenarios/1/copy", "{\"name\":\"Kopia att jämföra\"}").status());
        server.users().add("anna", UserStore.Role.ADMIN, "annas långa lösenord");

        page.browser.get(server.url("/"));
        page.wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        page.assertNoAxeViolations("the login form");
        page.tabTo("#login-name").sendKeys("anna", Keys.TAB, "annas långa lösenord", Keys.ENTER);
        page.waitUntilReady();
        page.waitForFocus("#views"); // the login form is gone: the keyboard goes on from the views
        page.waitForVersion(3);
        assertTrue(page.status().contains("poäng"), page.status());

        page.assertNoAxeViolations("Årshjul");
        page.browser.findElement(By.id("wheel-text-toggle")).click();
        page.wait.until(d -> d.findElement(By.id("wheel-list")).isDisplayed());
        page.assertNoAxeViolations("Årshjul with its text alternative");
        page.browser.findElement(By.cssSelector("#wheel .item[data-id='RP22-RF'] circle")).click();
        page.wait.until(d -> d.findElement(By.id("activity-name")).getText().startsWith("RF Beslutar Regionplan"));
        page.assertNoAxeViolations("Årshjul with an activity's details");
        for (String view : List.of("months", "table", "sittings", "analysis", "history", "compare", "editor", "users")) {
            page.tab(view);
            switch (view) {
                case "analysis" -> page.wait.until(d -> page.text("#view-analysis").startsWith("Poäng: "));
                case "history" -> page.wait.until(d -> d.findElements(By.cssSelector("#history tr")).size() >= 4);
                case "compare" -> {
                    page.browser.findElement(By.id("compare")).click();
                    page.wait.until(d -> !d.findElements(By.id("compare-moves")).isEmpty());
                    // A's bars solid, B's striped, and the key says so in words: colour is not the only cue.
                    assertFalse(page.browser.findElements(By.cssSelector("#comparison svg rect[fill='url(#striped-b)']")).isEmpty());
                    assertTrue(page.text("#comparison").contains("A: hel stapel") && page.text("#comparison").contains("B: randig stapel"));
                }
                case "editor" -> {
                    page.wait.until(d -> d.findElement(By.id("view-editor")).getDomAttribute("data-version") != null);
                    // A body's sitting days on their calendar, and an activity with what validate says at its fields.
                    new Select(page.browser.findElement(By.id("editor-body-choice"))).selectByValue("RF");
                    page.wait.until(d -> !d.findElements(By.cssSelector(".sitting-calendar .sitting-day")).isEmpty());
                    new Select(page.browser.findElement(By.id("editor-activity-choice"))).selectByValue("RP22-RF");
                    page.wait.until(d -> "RP22-RF".equals(d.findElement(By.id("view-editor")).getDomAttribute("data-activity")));
                }
                case "users" -> page.wait.until(d -> !d.findElements(By.cssSelector("#audit tr")).isEmpty());
                default -> page.wait.until(d -> !page.text("#view-" + view).isEmpty());
            }
            page.assertNoAxeViolations(view);
            assertEquals(List.of(), page.textsUnder11Px(), view + ": text under 11 px");
        }

        // A re-plan's result and the advice on it in the details panel.
        page.tab("months");
        page.browser.findElement(By.cssSelector("#months .chip[data-id='BD22-KOMM']")).click();
        page.wait.until(d -> d.findElement(By.id("move-to")).isDisplayed());
        page.script("document.getElementById('move-to').value = '2021-01-20';");
        page.browser.findElement(By.id("move")).click();
        page.waitForVersion(4);
        page.wait.until(d -> page.text("#changes").contains("BD22-KOMM"));
        page.assertNoAxeViolations("Månader after a re-plan");
        assertEquals(List.of(), page.textsUnder11Px(), "after a re-plan: text under 11 px");

        // The change notice the publication wrote.
        page.browser.get(server.url("/api/publications/latest/notice.html"));
        page.wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Ändringsmeddelande"));
        page.assertNoAxeViolations("the change notice");
    }

    @Test
    void everyActionWorksWithTheKeyboardAlone(@TempDir Path dir) throws Exception {
        page = new WorkspacePage(dir, 1500, 1100);
        page.open();
        page.waitForVersion(1);

        // The skip link first, to the views.
        page.press(Keys.TAB);
        assertTrue(page.isFocused("a.skip"), page.describeFocus());
        assertTrue(page.focused().isDisplayed(), "the skip link shows when it has the focus");
        page.assertFocusVisible();
        page.press(Keys.ENTER);
        page.waitForFocus("#views");

        // Open an activity from the wheel: one stop in the tab order, arrow keys along the dates, Enter.
        page.tabTo("#wheel .item");
        page.press(Keys.HOME, Keys.ARROW_RIGHT);
        assertTrue(page.isFocused("#wheel .item[data-id='RP21-RS']"), page.describeFocus());
        page.assertFocusVisible();
        page.press(Keys.ENTER);
        page.waitForFocus("#activity-name");
        assertEquals("Regionplan 2021 beslutas i RS", page.focused().getText());

        // Move it to a day the details offer: the date typed in, Enter; the focus goes to what moved.
        String day = page.browser.findElement(By.cssSelector(".possible-dates button")).getDomAttribute("data-date");
        page.tabTo("#move-to");
        page.typeDate(day);
        page.press(Keys.ENTER);
        page.waitForVersion(2);
        page.waitForFocus("#changes-heading");
        assertEquals(day, activityDate("RP21-RS"));
        assertTrue(page.text("#activity").contains("Låst till sitt datum."));

        // Unpin it.
        page.tabTo("#unpin").sendKeys(Keys.ENTER);
        page.waitForVersion(3);
        page.waitForFocus("#changes-heading");
        assertFalse(page.text("#activity").contains("Låst till sitt datum."));

        // The tab list: the arrow keys move along it and show each view.
        page.tabTo("#tab-wheel", true);
        page.press(Keys.ARROW_RIGHT);
        assertTrue(page.isFocused("#tab-months[aria-selected='true']"), page.describeFocus());
        page.assertFocusVisible();
        assertTrue(page.browser.findElement(By.id("view-months")).isDisplayed());
        assertFalse(page.browser.findElement(By.id("view-wheel")).isDisplayed());

        // Open an activity from the months.
        page.tabTo("#months .chip[data-id='BD22-KOMM']");
        page.assertFocusVisible();
        page.press(Keys.ENTER);
        page.waitForFocus("#activity-name");
        assertTrue(page.focused().getText().startsWith("Budgetdialog"), page.focused().getText());

        // ... and from the table, filtered by typing.
        page.tabTo("#tab-months", true);
        page.press(Keys.ARROW_RIGHT);
        page.tabTo("#filter-text").sendKeys("Regionplan inkl");
        page.tabTo("#table button[data-id='RP22-RF']");
        page.assertFocusVisible();
        page.press(Keys.ENTER);
        page.waitForFocus("#activity-name");
        assertTrue(page.focused().getText().startsWith("RF Beslutar Regionplan"), page.focused().getText());

        // Copy (the name asked for is typed): the what-ifs below are made on the copy.
        page.tabTo("#copy", true).sendKeys(Keys.ENTER);
        page.wait.until(d -> d.switchTo().alert()).sendKeys("Kopia från tangentbordet");
        page.browser.switchTo().alert().accept();
        page.wait.until(d -> page.text("#message").startsWith("Kopierat"));
        page.waitForVersion(1);
        page.assertFocusNotLost("Kopiera");

        // Sittings: move one, add one, cancel one; each a re-plan, the focus on what it moved.
        page.tabTo("#tab-table");
        page.press(Keys.ARROW_RIGHT);
        assertTrue(page.isFocused("#tab-sittings"));
        changeSitting("moveSitting", "RF", "2021-06-21", "2021-06-14");
        page.waitForVersion(2);
        page.waitForFocus("#changes-heading");
        assertTrue(page.text("#changes").contains("RP22-RF"), page.text("#changes"));
        changeSitting("addSitting", "RS", "2021-06-01", null);
        page.waitForVersion(3);
        page.waitForFocus("#changes-heading");
        changeSitting("cancelSitting", "RS", "2021-06-07", null);
        page.waitForVersion(4);
        page.waitForFocus("#changes-heading");
        assertTrue(page.text("#changes").contains("RP22-RS"), page.text("#changes"));

        // Compare the copy with the original.
        page.tabTo("#tab-sittings", true);
        page.press(Keys.END); // the last tab a planner has (Redigera), then one back
        assertTrue(page.isFocused("#tab-editor[aria-selected='true']"), page.describeFocus());
        page.press(Keys.ARROW_LEFT);
        assertTrue(page.isFocused("#tab-compare[aria-selected='true']"), page.describeFocus());
        page.tabTo("#compare-with");
        page.chooseWithArrows("1");
        page.tabTo("#compare").sendKeys(Keys.ENTER);
        page.wait.until(d -> !d.findElements(By.id("compare-moves")).isEmpty());
        assertTrue(page.isFocused("#compare"), page.describeFocus());
        assertTrue(page.text("#comparison").contains("RP22-RF"), page.text("#comparison"));

        // Export: each link reached by Tab, and what it gives.
        page.tabTo("#export-csv", true);
        String csv = page.focused().getDomProperty("href");
        assertTrue(page.server.get(csv.substring(csv.indexOf("/api/"))).body().contains("Regionplan"));

        // Import: the file field is reached by Tab (its label shows the focus) and given the file.
        Path zip = dir.resolve("endless-region.zip");
        Files.write(zip, RunningWorkspace.endlessRegionZip());
        page.tabTo("#import");
        page.assertFocusVisible();
        page.focused().sendKeys(zip.toString());
        page.wait.until(d -> page.text("#message").startsWith("Importerad"));
        page.wait.until(d -> page.status().startsWith("Version 1,"));
        page.assertFocusNotLost("Importera");

        // Solve and stop (this dataset searches until stopped): the focus goes from Lös to Stoppa and back, and the
        // live region says the start and the result.
        page.script("""
                window.said = []; const live = document.getElementById('progress');
                new MutationObserver(() => window.said.push(live.textContent)).observe(live, {childList: true, characterData: true, subtree: true});
                """);
        page.tabTo("#solve", true).sendKeys(Keys.ENTER);
        page.waitForFocus("#stop");
        page.wait.until(d -> page.status().startsWith("Löser"));
        page.press(Keys.ENTER);
        page.waitForVersion(2);
        page.waitForFocus("#solve");
        page.wait.until(d -> String.valueOf(page.script("return window.said.join('\\n');")).contains("Lösningen är klar: version 2"));
        assertTrue(String.valueOf(page.script("return window.said[0];")).equals("Lösningen har startat."),
                String.valueOf(page.script("return window.said.join('\\n');")));
        assertEquals("polite", page.browser.findElement(By.id("progress")).getDomAttribute("aria-live"));
        page.screenshot("keyboard-after-stop");
    }

    /** Fills the sittings form with the keyboard alone and submits it (from its tab, or from after the form). */
    private void changeSitting(String action, String body, String from, String to) {
        page.tabTo("#sitting-action", !page.isFocused("#tab-sittings"));
        page.chooseWithArrows(action);
        page.tabTo("#sitting-body");
        page.chooseWithArrows(body);
        page.tabTo("#sitting-from");
        page.typeDate(from);
        if (to != null) {
            page.tabTo("#sitting-to");
            page.typeDate(to);
        }
        page.tabTo("#sitting-form button[type='submit']").sendKeys(Keys.ENTER);
    }

    private String activityDate(String id) {
        for (var activity : page.server.get("/api/scenarios/1/calendar").json().path("activities")) {
            if (activity.path("id").asText().equals(id)) {
                return activity.path("date").asText();
            }
        }
        throw new AssertionError("no activity " + id);
    }
}

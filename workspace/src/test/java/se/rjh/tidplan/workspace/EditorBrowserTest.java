package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dataset editor in a real browser (headless Chromium, as WorkspaceBrowserTest): a planner builds a small chain
 * from a dataset with no body and no chain (a body with three sittings, three activities, two dependencies), typing
 * and pressing Enter, sees a refused dependency at its field, solves it and finds the order kept.
 */
class EditorBrowserTest {

    private RunningWorkspace server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start(@TempDir Path dir) {
        browser = Chromium.start(1500, 1100);
        server = new RunningWorkspace(dir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.ignoring(StaleElementReferenceException.class); // the editor draws its tab anew after each edit
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private void waitForVersion(int version) {
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Version " + version + ","));
    }

    /** The editor drawn anew for the version (after an edit, the status line is told first). */
    private void waitForEditor(int version) {
        wait.until(d -> Integer.toString(version).equals(d.findElement(By.id("view-editor")).getAttribute("data-version")));
    }

    /** Types into the editor's field (after the tab is drawn anew, the field is found again). */
    private WebElement type(String id, String text) {
        WebElement field = wait.until(d -> d.findElement(By.id(id)));
        field.clear();
        field.sendKeys(text);
        return field;
    }

    /** A date field set as the date picker would (typing into it depends on the browser's locale). */
    private void date(String id, String day) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), day);
    }

    private void newActivity(String id, String name, String day, String bodies, int version) {
        new Select(wait.until(d -> d.findElement(By.id("editor-activity-choice")))).selectByValue("");
        wait.until(d -> "".equals(d.findElement(By.id("view-editor")).getAttribute("data-activity")));
        type("edit-activity-id", id);
        date("edit-activity-date", day);
        browser.findElement(By.cssSelector("#editor-activity input[name=process][value=B]")).sendKeys(Keys.SPACE);
        type("edit-activity-bodies", bodies);
        type("edit-activity-unit", "PoU");
        type("edit-activity-name", name).sendKeys(Keys.ENTER);
        waitForEditor(version);
    }

    private void dependency(String before, String after, int version) {
        type("edit-dependency-before", before);
        type("edit-dependency-after", after).sendKeys(Keys.ENTER);
        waitForEditor(version);
    }

    @Test
    void aPlannerBuildsASmallChainSolvesItAndTheOrderIsKept() throws Exception {
        long id = server.upload("liten.zip", DatasetEditApiTest.smallDatasetZip()).json().path("id").asLong();
        browser.get(server.url("/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        new Select(browser.findElement(By.id("scenario"))).selectByValue(Long.toString(id));
        waitForVersion(1);
        browser.findElement(By.cssSelector("#tabs button[data-view='editor']")).click();
        waitForEditor(1);

        // A body with its three sitting days, pasted as a column.
        type("edit-name", "Nämnden");
        type("edit-dates", "2023-02-14\n2023-04-18\n2023-06-13");
        type("edit-code", "NY").sendKeys(Keys.ENTER);
        waitForEditor(2);
        assertEquals(3, browser.findElements(By.cssSelector("#edit-sittings tr[data-date]")).size());
        // And on a calendar, February to June, each day a button to its row.
        assertEquals(3, browser.findElements(By.cssSelector(".sitting-calendar .sitting-day")).size());
        assertEquals(5, browser.findElements(By.cssSelector(".sitting-calendar table")).size());
        browser.findElement(By.cssSelector(".sitting-calendar .sitting-day[title^='2023-04-18']")).sendKeys(Keys.ENTER);
        assertEquals("edit-source-2023-04-18", browser.switchTo().activeElement().getAttribute("id"));

        newActivity("A", "Underlaget skrivs", "2023-05-02", "", 3);
        newActivity("B", "Nämnden beslutar", "2023-02-14", "NY", 4);
        newActivity("C", "Beslutet meddelas", "2023-01-16", "", 5);
        dependency("A", "B", 6);
        dependency("B", "C", 7);

        // A step from an activity to itself is refused, told at the field, and nothing is saved.
        type("edit-dependency-before", "C");
        type("edit-dependency-after", "C").sendKeys(Keys.ENTER);
        WebElement after = browser.findElement(By.id("edit-dependency-after"));
        wait.until(d -> "true".equals(after.getAttribute("aria-invalid")));
        // Told in the page's words; what the dataset's reader found ("cannot depend on itself") stays in its own.
        String told = browser.findElement(By.id("edit-dependency-after-error")).getText();
        assertTrue(told.startsWith("Datasetet tar inte ändringen: ") && told.contains("cannot depend on itself"), told);
        assertTrue(browser.findElement(By.id("status")).getText().startsWith("Version 7,"));
        screenshot("workspace-editor");

        browser.findElement(By.id("solve")).click();
        waitForVersion(8);
        assertTrue(browser.findElement(By.id("status")).getText().contains("0 brutna regler"));
        Map<String, String> dates = new HashMap<>();
        server.get("/api/scenarios/" + id + "/calendar").json().path("activities")
                .forEach(a -> dates.put(a.path("id").asText(), a.path("date").asText()));
        assertTrue(dates.get("A").compareTo(dates.get("B")) < 0 && dates.get("B").compareTo(dates.get("C")) < 0, dates.toString());
        assertTrue(List.of("2023-02-14", "2023-04-18", "2023-06-13").contains(dates.get("B")), "B on a sitting: " + dates);
    }

    @Test
    void nyttArRollsTheRegionForwardAndASittingIsConfirmedFromTheList() throws Exception {
        browser.get(server.url("/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        browser.findElement(By.cssSelector("#tabs button[data-view='editor']")).click();
        WebElement year = wait.until(d -> d.findElement(By.id("edit-next-year")));
        assertEquals("2022", year.getAttribute("value"));
        year.sendKeys(Keys.ENTER);
        wait.until(d -> new Select(d.findElement(By.id("scenario"))).getFirstSelectedOption().getText()
                .equals("Region Jämtland Härjedalen, Tidplan 2022"));
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("#editor-to-confirm button")).stream()
                .filter(b -> b.getText().startsWith("RF 2022-11-08")).findFirst().orElse(null));
        item.sendKeys(Keys.ENTER);
        // The list goes to the day in the body's sittings, its source in focus: confirmed from the body's protocol.
        WebElement source = wait.until(d -> d.findElement(By.id("edit-source-2022-11-08")));
        wait.until(d -> source.equals(d.switchTo().activeElement()));
        new Select(source).selectByValue("PROTOCOL");
        browser.findElement(By.id("edit-note-2022-11-08")).sendKeys("RF:s sammanträdesplan 2022");
        browser.findElement(By.cssSelector("#edit-sittings tr[data-date='2022-11-08'] button")).click();
        waitForEditor(2);
        String findings = wait.until(d -> d.findElement(By.id("editor-findings"))).getText();
        assertTrue(!findings.contains("RF 2022-11-08"), findings);
        screenshot("workspace-next-year");
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The workspace's page in headless Chromium, for the tests of how it reads and works: the keyboard's moves, axe-core's
 * WCAG checks, sizes and print. Every wait is for a state of the page, bounded at minutes to catch a hang.
 */
final class WorkspacePage implements AutoCloseable {

    /** axe-core's rules of WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** How many key presses a walk with Tab may take before the test calls the element unreachable. */
    private static final int MOST_PRESSES = 600;

    final RunningWorkspace server;
    final ChromeDriver browser;
    final WebDriverWait wait;

    WorkspacePage(Path dir, int width, int height) {
        browser = Chromium.start(width, height);
        server = new RunningWorkspace(dir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void close() {
        browser.quit();
        server.close();
    }

    /** Opens the page and waits for it to have drawn the first scenario (or for the login form). */
    void open() {
        browser.get(server.url("/"));
        waitUntilReady();
    }

    void waitUntilReady() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    String status() {
        return text("#status");
    }

    void waitForVersion(int version) {
        wait.until(d -> status().startsWith("Version " + version + ","));
    }

    /** The open scenario's version, as the status line says it. */
    int version() {
        return Integer.parseInt(status().replaceAll("^Version (\\d+),.*", "$1"));
    }

    /** Shows a view by clicking its tab. */
    void tab(String view) {
        browser.findElement(By.cssSelector("#tabs [data-view='" + view + "']")).click();
        wait.until(d -> d.findElement(By.id("view-" + view)).isDisplayed());
    }

    /** Solves scenario id through the API (no accounts yet) and waits until its solve has ended. */
    void solve(long id) {
        assertEquals(202, server.post("/api/scenarios/" + id + "/solve", "").status());
        wait.until(d -> "NOT_SOLVING".equals(server.get("/api/scenarios/" + id).json().path("status").asText()));
    }

    // The keyboard.

    void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    WebElement focused() {
        return browser.switchTo().activeElement();
    }

    boolean isFocused(String css) {
        return Boolean.TRUE.equals(script("return !!document.activeElement && document.activeElement.matches(arguments[0]);", css));
    }

    /** Waits until the element css has the focus. */
    void waitForFocus(String css) {
        wait.until(d -> isFocused(css));
    }

    /** Presses Tab (or Shift+Tab) until the element css has the focus; fails if the keyboard cannot get there. */
    WebElement tabTo(String css, boolean backwards) {
        for (int i = 0; i < MOST_PRESSES && !isFocused(css); i++) {
            if (backwards) {
                new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
        }
        assertTrue(isFocused(css), "the keyboard does not reach " + css + "; the focus is on " + describeFocus());
        return focused();
    }

    WebElement tabTo(String css) {
        return tabTo(css, false);
    }

    /** Chooses an option of the focused select with the arrow keys alone. */
    void chooseWithArrows(String value) {
        WebElement select = focused();
        assertEquals("select", select.getTagName());
        press(Keys.HOME);
        for (int i = 0; i < 100 && !value.equals(select.getDomProperty("value")); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertEquals(value, select.getDomProperty("value"));
    }

    /**
     * Types an ISO date (yyyy-mm-dd) into the focused date field as a person does: its year, month and day as digits,
     * in the order the browser's language writes a date (headless Chromium may keep its own, not the page's).
     */
    void typeDate(String isoDate) {
        WebElement field = focused();
        assertEquals("date", field.getDomAttribute("type"));
        String order = String.valueOf(script("return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date())"
                + ".map(p => p.type).filter(t => ['year', 'month', 'day'].includes(t)).join(' ');"));
        Map<String, String> part = Map.of("year", isoDate.substring(0, 4), "month", isoDate.substring(5, 7), "day", isoDate.substring(8));
        for (String type : order.split(" ")) {
            press(part.get(type));
        }
        assertEquals(isoDate, field.getDomProperty("value"), "the date typed");
    }

    /** Where the focus is, for a failure's message; never the page's body after an action. */
    String describeFocus() {
        return String.valueOf(script("const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'none';"));
    }

    /**
     * The element with the focus shows it: an outline (the page's 3 px ring), or for an activity on the wheel, its
     * dots' thick black edge and its name in bold.
     */
    void assertFocusVisible() {
        Object shown = script("""
                const e = document.activeElement;
                if (e.closest('#wheel .item')) return getComputedStyle(e.querySelector('circle')).strokeWidth === '4px'
                    && getComputedStyle(e.querySelector('text')).fontWeight === '700';
                const style = getComputedStyle(e.matches('input[type=file]') ? e.closest('label') : e);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                """);
        assertTrue(Boolean.TRUE.equals(shown), "no visible focus on " + describeFocus());
    }

    void assertFocusNotLost(String after) {
        assertNotEquals("body", focused().getTagName(), "after " + after + " the focus fell to the page's body");
    }

    // axe-core and what the page shows.

    /** Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now; fails with every violation, node by node. */
    void assertNoAxeViolations(String where) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        assertTrue(results.getErrorMessage() == null, where + ": axe failed: " + results.getErrorMessage());
        assertFalse(results.getPasses().isEmpty(), where + ": axe checked nothing");
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), where + ": " + violations.size() + " axe violations:\n" + violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n    " + v.getNodes().stream().limit(6)
                        .map(n -> n.getTarget() + " " + n.getFailureSummary().replace('\n', ' '))
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n")));
    }

    /**
     * Every text the page shows that is smaller than 11 CSS pixels as drawn (an SVG's text scaled as its graphic is),
     * with its size: none is wanted.
     */
    @SuppressWarnings("unchecked")
    List<String> textsUnder11Px() {
        return (List<String>) script("""
                const small = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode, e = node.parentElement;
                  if (!node.textContent.trim() || !e.getClientRects().length || e.closest('.visually-hidden, title')) continue;
                  let size = parseFloat(getComputedStyle(e).fontSize);
                  const svg = e.closest('svg');
                  if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                  if (size < 10.95) small.push(size.toFixed(1) + ' px: ' + node.textContent.trim().slice(0, 40));
                }
                return small.slice(0, 20);
                """);
    }

    /** The element's box on the page (CSS pixels): left, top, right, bottom, width, height. */
    @SuppressWarnings("unchecked")
    Map<String, Number> rect(String css) {
        return (Map<String, Number>) script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return {left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY, width: r.width, height: r.height};",
                css);
    }

    /** Saves what the browser shows as target/screenshots/name.png. */
    Path screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}

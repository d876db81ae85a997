package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.rjh.tidplan.workspace.store.UserStore;

/**
 * The workspace in a real browser: Selenium drives headless Chromium (Debian's chromium and chromium-driver,
 * which {@code .ci/run} installs) through what a planner does: open the year, solve, open an activity, drag it
 * to another day, cancel a sitting, copy and compare. Each step leaves a screenshot under {@code target/}.
 */
class WorkspaceBrowserTest {

    private RunningWorkspace server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start(@TempDir Path dir) {
        browser = Chromium.start(1500, 1100);
        server = new RunningWorkspace(dir);
        // A page being replaced (a login redirect) leaves the element just read stale: the wait looks again.
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.ignoring(StaleElementReferenceException.class);
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

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String status() {
        return browser.findElement(By.id("status")).getText();
    }

    private void waitForVersion(int version) {
        wait.until(d -> status().startsWith("Version " + version + ","));
    }

    private void tab(String view) {
        browser.findElement(By.cssSelector("#tabs button[data-view='" + view + "']")).click();
    }

    @Test
    void aPlannerSolvesOpensDragsCancelsCopiesAndCompares() throws Exception {
        browser.get(server.url("/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        // The year wheel: the whole planning cycle, a dot per activity and process, the region's name in the selector.
        assertTrue(browser.findElements(By.cssSelector("#wheel .item circle")).size() > 50);
        assertEquals("Region Jämtland Härjedalen, Tidplan 2021",
                new Select(browser.findElement(By.id("scenario"))).getFirstSelectedOption().getText());
        screenshot("workspace-wheel");

        // A solve of the region takes a second or less when warm: the page's states are recorded as they come.
        ((JavascriptExecutor) browser).executeScript("""
                window.seen = []; const status = document.getElementById('status');
                new MutationObserver(() => window.seen.push(status.textContent + ' | stop '
                    + !document.getElementById('stop').disabled + ', solve ' + !document.getElementById('solve').disabled))
                    .observe(status, {childList: true, characterData: true, subtree: true});
                window.requested = []; const fetched = window.fetch, Stream = window.EventSource;
                window.fetch = (path, options) => { window.requested.push('fetch ' + path); return fetched(path, options); };
                window.EventSource = class extends Stream {
                  constructor(path, options) { super(path, options); window.requested.push('EventSource ' + path); }
                };
                """);
        browser.findElement(By.id("solve")).click();
        waitForVersion(2);
        assertTrue(status().contains(" 0 brutna regler, "), status());
        String seen = String.valueOf(((JavascriptExecutor) browser).executeScript("return window.seen.join('\\n');"));
        // Queued or solving (as the server answered the click), the page offers Stoppa and not Lös.
        assertTrue(seen.lines().anyMatch(line -> (line.startsWith("Löser… bästa poäng") || line.startsWith("I kö"))
                && line.endsWith("stop true, solve false")), seen);
        // The page followed the solve as server-sent events, never asking for its progress.
        String requests = String.valueOf(((JavascriptExecutor) browser).executeScript("return window.requested.join('\\n');"));
        assertTrue(requests.lines().anyMatch(path -> path.matches("EventSource /api/scenarios/\\d+/events")), requests);
        assertTrue(requests.lines().noneMatch(path -> path.endsWith("/progress")), requests);

        // An activity's details: its chain before, with the lag's reason.
        browser.findElement(By.cssSelector("#wheel .item[data-id='RP22-RF'] circle")).click();
        String details = browser.findElement(By.id("activity")).getText();
        assertTrue(details.contains("RF Beslutar Regionplan"), details);
        assertTrue(details.contains("Kedjan före") && details.contains("RP22-RS"), details);
        assertTrue(details.contains("Kan flyttas till"), details);
        screenshot("workspace-details");

        // Drag a budget dialogue to another day in the month grid: it is pinned there and the year re-planned.
        tab("months");
        WebElement dialogue = browser.findElement(By.cssSelector("#months .chip[data-id='BD22-KOMM']"));
        WebElement target = browser.findElement(By.cssSelector("#months td[data-date='2021-01-20']"));
        ((JavascriptExecutor) browser).executeScript("""
                const [source, target] = arguments; const data = new DataTransfer();
                source.dispatchEvent(new DragEvent('dragstart', {dataTransfer: data, bubbles: true}));
                target.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                target.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """, dialogue, target);
        waitForVersion(3);
        wait.until(d -> !d.findElements(By.cssSelector("#months td[data-date='2021-01-20'] .chip[data-id='BD22-KOMM']")).isEmpty());
        assertTrue(browser.findElement(By.id("changes")).getText().contains("BD22-KOMM"));
        screenshot("workspace-months");

        // The dragged dialogue is pinned there; its details let it go again, as a re-plan of its own.
        browser.findElement(By.cssSelector("#months .chip[data-id='BD22-KOMM']")).click();
        assertTrue(browser.findElement(By.id("activity")).getText().contains("Låst till sitt datum."));
        browser.findElement(By.id("unpin")).click();
        waitForVersion(4);
        wait.until(d -> !d.findElement(By.id("activity")).getText().contains("Låst till sitt datum."));

        // Try a what-if on a copy: cancel RS's June sitting there; the Regionplan's decisions move.
        long original = server.get("/api/scenarios").json().get(0).path("id").asLong();
        browser.findElement(By.id("copy")).click();
        browser.switchTo().alert().sendKeys("Utan junisammanträdet");
        browser.switchTo().alert().accept();
        wait.until(d -> new Select(d.findElement(By.id("scenario"))).getFirstSelectedOption().getText().equals("Utan junisammanträdet"));
        waitForVersion(1);
        tab("sittings");
        new Select(browser.findElement(By.id("sitting-action"))).selectByValue("cancelSitting");
        new Select(browser.findElement(By.id("sitting-body"))).selectByValue("RS");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sitting-from').value = '2021-06-07';");
        browser.findElement(By.cssSelector("#sitting-form button[type='submit']")).click();
        waitForVersion(2);
        assertTrue(browser.findElement(By.id("changes")).getText().contains("RP22-RS"));

        // Compare the what-if with the original: what moved, rule by rule, week by week.
        tab("compare");
        new Select(browser.findElement(By.id("compare-with"))).selectByValue(String.valueOf(original));
        browser.findElement(By.id("compare")).click();
        wait.until(d -> !d.findElements(By.id("compare-moves")).isEmpty());
        String comparison = browser.findElement(By.id("comparison")).getText();
        assertTrue(comparison.contains("RP22-RS") && comparison.contains("RP22-RF"), comparison);
        assertTrue(!browser.findElements(By.cssSelector("#comparison svg.load-chart")).isEmpty(), "no weekly load chart");
        screenshot("workspace-compare");
        String page = browser.findElement(By.id("compare-page")).getAttribute("href");
        assertTrue(server.get(page.substring(page.indexOf("/api/"))).body().contains("Jämförelse av två kalendrar"));
        // The status line and the comparison agree on the what-if's score.
        String score = status().replaceFirst("^Version \\d+, ", "");
        assertTrue(comparison.contains("– " + score), status() + " / " + comparison);

        // Advice for the cancelled sitting: an extra RS sitting near it; used, the what-if moves only one activity.
        browser.findElement(By.id("advise")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#advice li.advice")).isEmpty());
        String advice = browser.findElement(By.cssSelector("#advice li.advice")).getText();
        assertTrue(advice.startsWith("RS sammanträder också 2021-06-"), advice);
        screenshot("workspace-advice");
        browser.findElement(By.cssSelector("#advice li.advice button")).click();
        waitForVersion(4);
        assertTrue(browser.findElement(By.id("changes")).getText().startsWith("1 aktivitet flyttad"),
                browser.findElement(By.id("changes")).getText());

        // The export links give the calendar and the dataset.
        String href = browser.findElement(By.id("export-csv")).getAttribute("href");
        assertTrue(server.get(href.substring(href.indexOf("/api/"))).body().contains("Regionplan"));
        for (String export : new String[] {"export-xlsx", "export-ics", "export-html", "export-zip"}) {
            String link = browser.findElement(By.id(export)).getAttribute("href");
            assertEquals(200, server.get(link.substring(link.indexOf("/api/"))).status(), export);
        }

        // Publishing asks first, naming the version; confirmed, the what-if is the common calendar at that version.
        browser.findElement(By.id("publish")).click();
        String question = wait.until(d -> d.switchTo().alert()).getText();
        assertTrue(question.startsWith("Publicera ") && question.contains(" version 4 som den gemensamma kalendern?"), question);
        browser.switchTo().alert().accept();
        wait.until(d -> d.findElement(By.id("message")).getText().contains("Publicerad: version 4"));

        // The scenario's own today, set in the header: saved with it, and said to freeze what lies before it.
        ((JavascriptExecutor) browser).executeScript("const t = document.getElementById('today'); t.value = '2021-05-01';"
                + " t.dispatchEvent(new Event('change'));");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("Allt före 2021-05-01 är fruset"));
        assertEquals(4, server.get("/api/scenarios/" + server.get("/api/scenarios").json().get(1).path("id").asLong())
                .json().path("publishedVersion").asInt());
    }

    /** No script, handler or markup an activity's or scenario's name carries runs in any view: it is shown as text. */
    @Test
    void hostileNamesAreShownAsTextInEveryView() throws Exception {
        String script = "<script>document.title='pwned'</script>";
        String sql = "'; DROP TABLE x; --";
        String image = "<img src=x onerror=\"document.title='pwned'\">";
        String csv = "Datum,Tid,P,B,I,IK,U,Aktivitet,År i fokus,Politiska styrelser och nämnder\n"
                + "2021-03-02,,P,,,,,\"" + script.replace("\"", "\"\"") + "\",2021,RS\n"
                + "2021-03-03,,P,,,,,\"" + sql + "\",2021,\n";
        long imported = server.upload("hostile.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().path("id").asLong();
        RunningWorkspace.Response copy = server.post("/api/scenarios/" + imported + "/copy",
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("name", image)));
        assertEquals(201, copy.status(), copy.body());
        long id = copy.json().path("id").asLong();
        String scriptId = null;
        for (var activity : server.get("/api/scenarios/" + id + "/calendar").json().path("activities")) {
            if (activity.path("name").asText().equals(script)) {
                scriptId = activity.path("id").asText();
            }
        }
        assertTrue(scriptId != null, "the name is stored verbatim");

        browser.get(server.url("/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        new Select(browser.findElement(By.id("scenario"))).selectByValue(String.valueOf(id));
        wait.until(d -> status().startsWith("Version 1,"));
        assertEquals(image, new Select(browser.findElement(By.id("scenario"))).getFirstSelectedOption().getText());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        Object scripts = page.executeScript("return document.scripts.length;");
        String title = browser.getTitle();
        // What shows that each view has rendered the scenario: only then does "nothing was added" say anything.
        String chipOfTheScript = "#months .chip[data-id='" + scriptId + "']";
        Map<String, ExpectedCondition<Boolean>> rendered = new LinkedHashMap<>();
        rendered.put("wheel", d -> String.valueOf(page.executeScript(
                "return [...document.querySelectorAll('#wheel title')].map(t => t.textContent).join();")).contains(script));
        rendered.put("months", d -> !d.findElements(By.cssSelector(chipOfTheScript)).isEmpty());
        rendered.put("table", d -> d.findElement(By.id("view-table")).getText().contains(script));
        rendered.put("sittings", d -> d.findElement(By.id("sitting-list")).getText().contains("RS"));
        rendered.put("analysis", d -> d.findElement(By.id("view-analysis")).getText().startsWith("Poäng: "));
        rendered.put("history", d -> d.findElements(By.cssSelector("#history tr")).size() >= 2);
        rendered.put("compare", d -> d.findElement(By.id("comparison")).getText().contains("A: " + image));
        for (var view : rendered.entrySet()) {
            tab(view.getKey());
            wait.until(d -> d.findElement(By.id("view-" + view.getKey())).isDisplayed());
            if (view.getKey().equals("compare")) {
                browser.findElement(By.id("compare")).click(); // the comparison is drawn when asked for
            }
            wait.until(view.getValue());
            assertEquals(scripts, page.executeScript("return document.scripts.length;"), view.getKey() + ": a script element was added");
            assertEquals(0L, page.executeScript("return document.querySelectorAll('img').length;"), view.getKey() + ": an image element was made");
            assertEquals(title, browser.getTitle(), view.getKey() + ": a script ran");
        }
        String wheelTitles = (String) page.executeScript(
                "return [...document.querySelectorAll('#wheel title')].map(t => t.textContent).join('\\n');");
        assertTrue(wheelTitles.contains(script), "the wheel's tooltip shows the name as text");
        tab("table");
        String table = browser.findElement(By.id("view-table")).getText();
        assertTrue(table.contains(script) && table.contains(sql), table);
        tab("months");
        WebElement chip = browser.findElement(By.cssSelector(chipOfTheScript));
        chip.click();
        wait.until(d -> d.findElement(By.id("activity")).getText().contains(script));
        assertEquals(title, browser.getTitle());
        screenshot("workspace-hostile");
    }

    @Test
    void anAdminLogsInAndManagesTheAccountsInThePage() throws Exception {
        server.users().add("anna", UserStore.Role.ADMIN, "annas långa lösenord");
        browser.get(server.url("/"));
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        browser.findElement(By.id("login-name")).sendKeys("anna");
        browser.findElement(By.id("login-password")).sendKeys("annas långa lösenord");
        screenshot("workspace-login");
        browser.findElement(By.cssSelector("#login button[type='submit']")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertTrue(browser.findElement(By.id("who")).getText().startsWith("anna (administratör)"));

        tab("users");
        wait.until(d -> !d.findElements(By.cssSelector("#users tr[data-user='anna']")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("#users tr[data-user='anna'] button.remove")).isEmpty(),
                "an admin does not remove their own account from the page");
        browser.findElement(By.id("user-name")).sendKeys("vera");
        new Select(browser.findElement(By.id("user-role"))).selectByValue("viewer");
        browser.findElement(By.id("user-password")).sendKeys("veras långa lösenord");
        browser.findElement(By.cssSelector("#user-form button[type='submit']")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#users tr[data-user='vera']")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("#users tr[data-user='vera']")).getText().contains("läsare"));
        String token = browser.findElement(By.cssSelector("#user-token code")).getText();
        screenshot("workspace-users");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest asVera = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/scenarios")))
                .header("Authorization", "Bearer " + token).build();
        assertEquals(200, http.send(asVera, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), "the token shown works");

        browser.findElement(By.cssSelector("#users tr[data-user='vera'] button.remove")).click();
        browser.switchTo().alert().accept();
        wait.until(d -> d.findElements(By.cssSelector("#users tr[data-user='vera']")).isEmpty());
        // The tab's audit log says who logged in and which accounts came and went, in Swedish words.
        wait.until(d -> d.findElement(By.id("audit")).getText().contains("Användare borttagen"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertTrue(audit.contains("Användare tillagd") && audit.contains("vera (viewer)") && audit.contains("Inloggning"), audit);
        assertEquals(1, server.users().list().size());
        assertEquals(401, http.send(asVera, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), "removed, out at once");
    }

    @Test
    void aPlannerLogsInWithTheRegionsAccountFromTheKeyboard(@TempDir Path other) throws Exception {
        // The page on 127.0.0.1, the provider on localhost: another site, as in a region. The provider's login form is
        // submitted there, so the way back starts on that other site, and the browser's rules for cookies on it
        // (SameSite) are the real ones.
        try (RegionProvider provider = RegionProvider.interactive();
                RunningWorkspace withRegionLogin = new RunningWorkspace(other, provider.login())) {
            provider.nextUser("sub-eva", Map.of("preferred_username", "eva@region.se", "groups", List.of(RegionProvider.PLANNERS)), 3600);
            browser.get(withRegionLogin.url("/"));
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
            assertFalse(browser.findElement(By.id("login-local")).isDisplayed(), "no account here has a password: no form for one");
            WebElement regionLogin = browser.findElement(By.linkText("Logga in med regionens konto"));
            screenshot("workspace-login-region");
            regionLogin.sendKeys(Keys.ENTER);
            wait.until(d -> d.findElement(By.name("username"))).sendKeys("eva", Keys.ENTER);
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertTrue(browser.findElement(By.id("who")).getText().startsWith("eva@region.se (planerare)"),
                    browser.findElement(By.id("who")).getText());
            assertTrue(browser.findElement(By.id("solve")).isDisplayed() && !browser.findElement(By.id("publish")).isDisplayed(),
                    "a planner's buttons");
        }
    }

    /**
     * After a solve, a re-plan and a change that cannot be made, every view says what the server sent in Swedish:
     * rules, findings, reasons, changes, errors, history and chain notes, and each score in words.
     */
    @Test
    void everyViewSpeaksSwedishAfterASolveAndAReplan() throws Exception {
        browser.get(server.url("/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        browser.findElement(By.id("solve")).click();
        waitForVersion(2);
        assertTrue(status().matches("Version 2, 0 brutna regler, [\\d\\s]+ straffpoäng"), status());

        // A re-plan: RS's June sitting cancelled; the list says why each activity moved.
        tab("sittings");
        new Select(browser.findElement(By.id("sitting-action"))).selectByValue("cancelSitting");
        new Select(browser.findElement(By.id("sitting-body"))).selectByValue("RS");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sitting-from').value = '2021-06-07';");
        browser.findElement(By.cssSelector("#sitting-form button[type='submit']")).click();
        waitForVersion(3);
        String changes = browser.findElement(By.id("changes")).getText();
        assertTrue(changes.contains("RP22-RS 2021-06-07 → ") && changes.contains("Organets sammanträdesdag: RS sammanträder inte längre 2021-06-07"),
                changes);
        assertTrue(browser.findElement(By.id("message")).getText().startsWith("Omplanerat: RS sammanträder inte 2021-06-07. Nu "),
                browser.findElement(By.id("message")).getText());

        // A change that cannot be made: the server's refusal, in Swedish.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sitting-from').value = '2021-06-08';");
        browser.findElement(By.cssSelector("#sitting-form button[type='submit']")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().startsWith("Ändringen går inte att göra"));
        assertEquals("Ändringen går inte att göra: RS sammanträder inte 2021-06-08.", browser.findElement(By.id("message")).getText());

        // An activity's details, its chain notes among them.
        tab("table");
        browser.findElement(By.cssSelector("#table [data-id='RP22-RF']")).click();
        wait.until(d -> d.findElement(By.id("activity")).getText().contains("RP22-RS"));
        String details = browser.findElement(By.id("activity")).getText();
        assertTrue(details.contains("minst 7 kalenderdagar"), details);

        Map<String, ExpectedCondition<Boolean>> views = new LinkedHashMap<>();
        views.put("wheel", d -> !d.findElements(By.cssSelector("#wheel svg")).isEmpty());
        views.put("months", d -> !d.findElements(By.cssSelector("#months .chip")).isEmpty());
        views.put("table", d -> d.findElements(By.cssSelector("#table tr")).size() > 100);
        views.put("sittings", d -> d.findElement(By.id("sitting-list")).getText().contains("RS"));
        views.put("analysis", d -> d.findElement(By.id("view-analysis")).getText().contains("Straffpoäng"));
        views.put("history", d -> d.findElements(By.cssSelector("#history tr")).size() == 4);
        views.put("compare", d -> !d.findElements(By.id("compare-moves")).isEmpty());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        for (var view : views.entrySet()) {
            tab(view.getKey());
            wait.until(d -> d.findElement(By.id("view-" + view.getKey())).isDisplayed());
            if (view.getKey().equals("compare")) {
                browser.findElement(By.id("compare")).click(); // the comparison is drawn when asked for
            }
            wait.until(view.getValue());
            // What a planner sees of the page now (hidden parts left out), and what is said in tooltips and to screen readers.
            String visible = String.valueOf(page.executeScript("return document.body.innerText;"));
            String said = String.valueOf(page.executeScript("return [...document.querySelectorAll('[title], [aria-label], title')]"
                    + ".map(n => n.getAttribute('title') || n.getAttribute('aria-label') || n.textContent).join('\\n');"));
            for (String text : List.of(visible, said)) {
                assertEquals(null, Swedish.englishIn(text), view.getKey());
                assertFalse(text.matches("(?s).*-?\\d+(hard|soft).*"), view.getKey() + ": a score as the solver writes it: " + text);
            }
        }
        // The views walked are hidden now: their text as it stands in the page.
        String history = browser.findElement(By.id("history")).getAttribute("textContent");
        assertTrue(history.contains("Löst: 0 brutna regler, ") && history.contains("Omplanerad från "), history);
        String analysis = browser.findElement(By.id("view-analysis")).getAttribute("textContent");
        assertTrue(analysis.startsWith("Poäng: 0 brutna regler, "), analysis);
        screenshot("workspace-swedish");
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the page is laid out for a planner reading the year: the wheel of the whole planning cycle with names, a
 * legend and a text alternative, fitting a 1600 x 1000 screen; month chips that break only between words; the
 * page at 320 px and at 200 % zoom; and the wheel printed on A3, the months on A4. Screenshots go to
 * target/screenshots (the README's come from there).
 */
class WorkspaceLayoutTest {

    /** The months of the region's planning cycle (its settings' horizon, 2020-05-01 .. 2021-12-31). */
    private static final List<String> CYCLE = months();

    private WorkspacePage page;
    private JsonNode activities;

    @BeforeEach
    void start(@TempDir Path dir) {
        page = new WorkspacePage(dir, 1600, 1000);
        page.solve(1);
        activities = page.server.get("/api/scenarios/1/calendar").json().path("activities");
        page.open();
        page.waitForVersion(2);
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    private static List<String> months() {
        String[] names = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
            "november", "december"};
        List<String> cycle = new ArrayList<>();
        for (int m = 4; m < 12; m++) {
            cycle.add(names[m] + " 2020");
        }
        for (String name : names) {
            cycle.add(name + " 2021");
        }
        return cycle;
    }

    @Test
    void theWheelShowsTheWholeCycleByNameWithALegendAndAsTextOnALaptopScreen() throws Exception {
        assertEquals("Hela planeringscykeln (maj 2020 – december 2021)",
                new Select(page.browser.findElement(By.id("wheel-year"))).getFirstSelectedOption().getText());
        // The months of the cycle around the wheel, the first at the top: the short names, the year at each January.
        List<String> monthNames = page.browser.findElements(By.cssSelector("#wheel textPath")).stream().map(WebElement::getText).toList();
        assertEquals(CYCLE.size(), monthNames.size(), monthNames.toString());
        assertEquals("maj 2020", monthNames.get(0));
        assertEquals("jan 2021", monthNames.get(8));
        assertEquals("dec", monthNames.get(19));

        // Every activity of the cycle on the wheel by name: cut at a word when long, whole on focus and hover.
        List<WebElement> items = page.browser.findElements(By.cssSelector("#wheel .item"));
        assertEquals(activities.size(), items.size());
        for (JsonNode activity : activities) {
            WebElement item = page.browser.findElement(By.cssSelector("#wheel .item[data-id='" + activity.path("id").asText() + "']"));
            String name = activity.path("name").asText();
            String label = item.findElement(By.cssSelector("text.label")).getText().replaceFirst("^SKR: ", "");
            assertTrue(label.equals(name) || label.endsWith("…") && name.startsWith(label.substring(0, label.length() - 1)),
                    label + " / " + name);
            assertTrue(item.getDomAttribute("aria-label").startsWith(name), item.getDomAttribute("aria-label"));
            assertTrue(item.findElement(By.tagName("title")).getDomProperty("textContent").endsWith(name));
        }

        // The whole wheel on a 1600 x 1000 screen, no text under 11 px.
        Map<String, Number> wheel = page.rect("#wheel svg");
        Number width = (Number) page.script("return innerWidth;"), height = (Number) page.script("return innerHeight;");
        assertTrue(wheel.get("right").doubleValue() <= width.doubleValue() && wheel.get("bottom").doubleValue() <= height.doubleValue(),
                "the wheel " + wheel + " in a window of " + width + " x " + height);
        assertEquals(List.of(), page.textsUnder11Px());

        // The legend: each process ring by code and name, SKR, the sittings' tracks by body, holidays, the load.
        String legend = page.text("#wheel-legend");
        for (String key : List.of("P Planering", "B Budget", "I ", "IK ", "U ", "SKR", "Sammanträdesdag", "RS", "RF", "Helgdag",
                "Aktiviteter per vecka")) {
            assertTrue(legend.contains(key), key + " in " + legend);
        }
        page.screenshot("wheel");

        // The text alternative: the same activities, each a button that opens it, and the weekly load as a table.
        page.browser.findElement(By.id("wheel-text-toggle")).click();
        List<WebElement> rows = page.browser.findElements(By.cssSelector("#wheel-list table:first-of-type button[data-id]"));
        assertEquals(activities.size(), rows.size());
        long work = 0;
        for (JsonNode activity : activities) {
            work += activity.path("external").asBoolean() ? 0 : 1;
        }
        Object weeklyTotal = page.script("return [...document.querySelectorAll('#wheel-list table:nth-of-type(2) td.num')]"
                + ".reduce((sum, td) => sum + Number(td.textContent), 0);");
        assertEquals(work, ((Number) weeklyTotal).longValue(), "the weekly load counts every activity of the region's");
        rows.get(3).click();
        page.wait.until(d -> page.text("#activity-name").equals(activities.get(3).path("name").asText()));

        // A chosen year instead: its twelve months by their full names, its activities only.
        new Select(page.browser.findElement(By.id("wheel-year"))).selectByValue("2021");
        page.wait.until(d -> d.findElements(By.cssSelector("#wheel textPath")).size() == 12);
        assertEquals("januari 2021", page.browser.findElement(By.cssSelector("#wheel textPath")).getText());
        long in2021 = 0;
        for (JsonNode activity : activities) {
            in2021 += activity.path("date").asText().startsWith("2021") ? 1 : 0;
        }
        assertEquals(in2021, page.browser.findElements(By.cssSelector("#wheel .item")).size());
    }

    @Test
    void monthChipsBreakOnlyBetweenWordsAndSayTheirProcessInText() throws Exception {
        page.tab("months");
        page.screenshot("months");
        // A word wider than its chip would spill out of it (the chips never break inside a word): none does.
        @SuppressWarnings("unchecked")
        List<String> spilling = (List<String>) page.script("return [...document.querySelectorAll('#months .chip')]"
                + ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.clientWidth + ' < ' + c.scrollWidth + ': ' + c.textContent);");
        assertEquals(List.of(), spilling);
        assertEquals("normal", page.script("return getComputedStyle(document.querySelector('#months .chip')).overflowWrap;"));
        // Colour is not the only cue: each chip has its process's code (SKR for a forecast), a holiday its name.
        assertEquals(0L, page.script("return [...document.querySelectorAll('#months .chip')].filter(c => !c.querySelector('.code')).length;"));
        assertTrue(page.text("#months td[data-date='2021-06-25']").contains("Midsommarafton"));
        assertTrue(page.text("#months .chip[data-id='SKR-2010']").startsWith("SKR"));
        assertEquals(List.of(), page.textsUnder11Px());
    }

    @Test
    void thePanelComesUnderTheViewAt320PixelsAndAt200PercentZoom() throws Exception {
        page.tab("table");
        page.browser.findElement(By.cssSelector("#table button[data-id='RP22-RF']")).click();
        page.wait.until(d -> page.text("#activity-name").startsWith("RF Beslutar"));
        // 320 CSS pixels wide (WCAG 1.4.10), and a 1280-pixel window at 200 %: 640 CSS pixels.
        for (int width : new int[] {320, 640}) {
            page.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
            page.wait.until(d -> ((Number) page.script("return innerWidth;")).intValue() == width);
            for (String view : List.of("wheel", "months", "table", "sittings", "analysis", "history", "compare")) {
                page.tab(view);
                Map<String, Number> views = page.rect("#views"), details = page.rect("#details");
                assertTrue(details.get("top").doubleValue() >= views.get("bottom").doubleValue() - 1,
                        view + " at " + width + " px: the panel " + details + " overlaps the view " + views);
                assertTrue(details.get("right").doubleValue() <= width && views.get("right").doubleValue() <= width,
                        view + " at " + width + " px: wider than the window");
                assertTrue(((Number) page.script("return document.documentElement.scrollWidth;")).intValue() <= width,
                        view + " at " + width + " px: the page scrolls sideways");
                assertEquals(List.of(), page.textsUnder11Px(), view + " at " + width + " px");
            }
            page.tab("wheel");
            page.screenshot("reflow-" + width);
        }
    }

    @Test
    void theWheelPrintsOnA3LandscapeAndTheMonthsOnA4() throws Exception {
        try (PDDocument wheel = print("wheel")) {
            PDRectangle a3 = wheel.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A3.getHeight(), a3.getWidth(), 2, "A3 landscape");
            assertEquals(PDRectangle.A3.getWidth(), a3.getHeight(), 2, "A3 landscape");
            // The wheel and its legend on the first page, the same items as tables on the pages after it.
            String first = text(wheel, 1, 1);
            assertTrue(first.contains("Planering") && first.contains("Sammanträdesdag") && !first.contains("Aktiviteterna i årshjulet"), first);
            String all = withoutSpace(text(wheel, 1, wheel.getNumberOfPages()));
            assertTrue(wheel.getNumberOfPages() >= 2, "the text alternative follows the wheel");
            for (JsonNode activity : activities) {
                assertTrue(all.contains(withoutSpace(activity.path("name").asText())), activity.path("name").asText());
            }
            for (String month : CYCLE) {
                assertTrue(all.contains(month.split(" ")[0].substring(0, 3)), month);
            }
            BufferedImage image = new PDFRenderer(wheel).renderImageWithDPI(0, 96);
            Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(image, "png", Path.of("target", "screenshots", "wheel-a3.png").toFile());
        }
        try (PDDocument months = print("months")) {
            String all = withoutSpace(text(months, 1, months.getNumberOfPages()));
            // Each month begins a page of its own, A4 landscape, in order.
            Map<String, Integer> startsOn = new LinkedHashMap<>();
            for (int p = 1; p <= months.getNumberOfPages(); p++) {
                PDRectangle size = months.getPage(p - 1).getMediaBox();
                assertEquals(PDRectangle.A4.getHeight(), size.getWidth(), 2, "A4 landscape, page " + p);
                assertEquals(PDRectangle.A4.getWidth(), size.getHeight(), 2, "A4 landscape, page " + p);
                String text = text(months, p, p);
                for (String month : CYCLE) {
                    if (text.contains(month) && !startsOn.containsKey(month)) {
                        startsOn.put(month, p);
                    }
                }
            }
            // Every month, in order, from the first page; a busy month goes on over a page or two more (January's
            // budget dialogues), none further.
            assertEquals(CYCLE, List.copyOf(startsOn.keySet()), "every month, in order");
            List<Integer> starts = List.copyOf(startsOn.values());
            assertEquals(1, starts.get(0));
            for (int i = 1; i < starts.size(); i++) {
                int pages = starts.get(i) - starts.get(i - 1);
                assertTrue(pages >= 1 && pages <= 3, CYCLE.get(i - 1) + " takes " + pages + " pages: " + startsOn);
            }
            assertTrue(months.getNumberOfPages() - starts.get(starts.size() - 1) <= 2, "the last month: " + months.getNumberOfPages());
            for (JsonNode activity : activities) {
                assertTrue(all.contains(withoutSpace(activity.path("name").asText())), activity.path("name").asText());
            }
        }
    }

    /** Prints the view as Chromium prints it, with the page size the style sheet asks for. */
    private PDDocument print(String view) throws Exception {
        page.tab(view);
        Map<String, Object> pdf = page.browser.executeCdpCommand("Page.printToPDF",
                Map.of("printBackground", true, "preferCSSPageSize", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", view + ".pdf"), bytes);
        return Loader.loadPDF(bytes);
    }

    /** Text without its spaces and line breaks: a name wrapped in a table's cell (after a word or a hyphen) is found. */
    private static String withoutSpace(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String text(PDDocument document, int from, int to) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document);
    }
}

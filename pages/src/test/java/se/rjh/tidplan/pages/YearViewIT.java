package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * The year view in a real browser: headless Chromium (Debian's package; {@code .ci/run} installs it) loads
 * the page from disk with the network off, runs its script, and the rendered DOM is checked; a screenshot
 * is kept in {@code target/yearview.png}.
 */
class YearViewIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static String chromium(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + workDir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = workDir.resolve("chromium-out.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(workDir.resolve("chromium-err.txt").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theYearViewRendersEveryActivityWithoutScriptErrors(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: run ./.ci/run, which installs it");
        Schedule schedule = TidplanSolver.solve(Planner.load(null).schedule(),
                TidplanSolver.Options.of(Duration.ofSeconds(60), 100_000, 0), best -> { }).schedule();
        Path page = dir.resolve("tidplan.html");
        YearViewPage.write(schedule, page);

        String dom = chromium(dir, "--dump-dom", page.toUri().toString());
        // The script ran to its end: it counts the chips it wired up.
        assertTrue(dom.contains("data-rendered=\"" + schedule.getActivities().size() + "\""), "the script did not finish");
        assertTrue(dom.contains("<div id=\"errors\"></div>"), "script errors: " + dom.substring(0, Math.min(400, dom.length())));
        for (Activity activity : schedule.getActivities()) {
            assertTrue(dom.contains("id=\"a-" + activity.getId() + "\""), activity.getId() + " is not on the page");
        }
        assertTrue(dom.contains("Regionplan 2021 beslutas i RF"));
        // The Tidplan's own comment is on its row in the month's list, and the chip is marked as commented.
        assertTrue(dom.matches("(?s).*class=\"chip kom\" id=\"a-PF22-RS\".*"), "PF22-RS is not marked as commented");
        assertTrue(dom.matches("(?s).*data-id=\"PF22-RS\" class=\"kom\">.*?Kanske lite tidigt datum.*"),
                "the comment of PF22-RS is not in its month's list");
        assertTrue(dom.contains("Arbetsbelastning per enhet och vecka"));

        Path screenshot = Path.of("target/yearview.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(dir, "--window-size=2400,3000", "--screenshot=" + screenshot, page.toUri().toString());
        assertTrue(Files.size(screenshot) > 50_000, "screenshot too small");
        // Printed (A3 landscape, as the page's @page asks): a PDF with the whole year in it.
        Path pdf = dir.resolve("tidplan.pdf");
        chromium(dir, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
        assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 50_000, "no PDF printed");
        assertTrue(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(0, Files.readString(page).indexOf("<!DOCTYPE html>"));
        assertTrue(!Files.readString(page).contains("http"), "the page must not load anything from the network");
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium and chromium-driver (which {@code .ci/run} installs), headless, for the tests of the page. */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A headless browser whose window is width x height CSS pixels; the test is skipped without Chromium. */
    static ChromeDriver start(int width, int height) {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "no chromium and chromedriver: run ./.ci/run, which installs them");
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toString()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--window-size=" + width + "," + height, "--lang=sv-SE", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}

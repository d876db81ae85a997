package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The server writes one line per request, and never a feed's secret address. */
class RequestLogTest {

    @Test
    void everyRequestIsLoggedWithItsStatusAndAFeedsSecretIsNot(@TempDir Path dir) throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("se.rjh.tidplan.workspace.requests");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        requests.addAppender(log);
        Level level = requests.getLevel();
        requests.setLevel(Level.INFO);
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            assertEquals(200, server.get("/api/scenarios").status());
            assertEquals(404, server.get("/feeds/not-a-secret-anyone-has.ics").status());
            // The line is written once the answer has gone: wait for it rather than guess how long that takes.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (log.list.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /api/scenarios 200 ")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /feeds/(secret) 404 ")), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("not-a-secret")), lines.toString());
        } finally {
            requests.detachAppender(log);
            requests.setLevel(level);
        }
    }
}

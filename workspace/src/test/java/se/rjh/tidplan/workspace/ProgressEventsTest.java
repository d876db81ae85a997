package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.rjh.tidplan.workspace.store.UserStore;

/**
 * A solve's progress pushed as server-sent events ({@code GET /api/scenarios/{id}/events}), read as the page's
 * EventSource reads it: with the browser session's cookie, {@code Accept: text/event-stream}, line by line.
 */
class ProgressEventsTest {

    /** Catches a hang, not a slow machine: every wait is for an event, never for a guessed time. */
    private static final long BOUND_SECONDS = 60;

    /** One event: its name ({@code event:}) and its data, JSON. */
    record Event(String name, JsonNode data) {
        String status() {
            return data.path("status").asText();
        }
    }

    /** The events of one open stream, in the order they came; {@link #CLOSED} once the server has ended it. */
    private static final class EventStream implements AutoCloseable {
        static final Event CLOSED = new Event("(closed)", null);
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        EventStream(HttpResponse<Stream<String>> response) {
            this.lines = response.body();
            Thread reader = new Thread(() -> {
                String[] name = {"message"};
                StringBuilder data = new StringBuilder();
                try {
                    lines.forEach(line -> {
                        if (line.isEmpty()) { // an event ends with an empty line; a comment alone is no event
                            if (data.length() > 0) {
                                events.add(new Event(name[0], json(data.toString())));
                            }
                            name[0] = "message";
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            name[0] = line.substring("event:".length()).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring("data:".length()).trim());
                        }
                    });
                } catch (RuntimeException closedHere) { // the test closed the stream
                }
                events.add(CLOSED);
            }, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event, or a failure after {@link #BOUND_SECONDS}. */
        Event next() throws InterruptedException {
            Event event = events.poll(BOUND_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + BOUND_SECONDS + " s");
            return event;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void aSolvesProgressArrivesAsServerSentEventsAndItsEndClosesTheStream(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            // A scenario whose solve searches until stopped: it is queued or solving until the test stops it, however fast the machine.
            long id = server.workspace.scenarios().importFile("Utan slut", "endless.zip", RunningWorkspace.endlessRegionZip(), null).id();
            server.users().add("per", UserStore.Role.PLANNER, "ett långt lösenord");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"per\",\"password\":\"ett långt lösenord\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String csrf = json(login.body()).path("csrf").asText();
            String events = "/api/scenarios/" + id + "/events";

            // Not a stream without a login, of an unknown scenario, or for a client that does not ask for one.
            assertEquals(401, HttpClient.newHttpClient().send(eventsRequest(server, events).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(404, browser.send(eventsRequest(server, "/api/scenarios/999/events").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(406, browser.send(HttpRequest.newBuilder(URI.create(server.url(events))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            HttpResponse<Stream<String>> response = browser.sendAsync(eventsRequest(server, events).build(),
                    HttpResponse.BodyHandlers.ofLines()).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    response.headers().toString());
            try (EventStream stream = new EventStream(response)) {
                // Opened before any solve: the progress as it is.
                Event first = stream.next();
                assertEquals("progress", first.name());
                assertEquals("NOT_SOLVING", first.status());

                HttpResponse<String> solve = browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios/" + id + "/solve")))
                        .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, solve.statusCode(), solve.body());
                // The solve's new state arrives by itself: queued for a solver thread, then solving.
                List<Event> seen = new ArrayList<>();
                Event event;
                do {
                    event = stream.next();
                    seen.add(event);
                    assertEquals("progress", event.name(), seen.toString());
                    assertTrue(event.status().matches("QUEUED|SOLVING"), seen.toString());
                } while (!event.status().equals("SOLVING"));

                HttpResponse<String> stop = browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios/" + id + "/stop")))
                        .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, stop.statusCode(), stop.body());
                // Then the end, with the score the solve saved; after it the server closes the stream.
                do {
                    event = stream.next();
                    seen.add(event);
                } while (event.name().equals("progress") && event.status().equals("SOLVING"));
                assertEquals("end", event.name(), seen.toString());
                assertEquals("NOT_SOLVING", event.status());
                String saved = browser.send(HttpRequest.newBuilder(URI.create(server.url("/api/scenarios/" + id))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertEquals(json(saved).path("score").asText(), event.data().path("bestScore").asText(), saved);
                assertEquals(EventStream.CLOSED, stream.next(), "the stream ends with its solve");
            }
        }
    }

    @Test
    void aStoppingServerEndsTheStreamsStillOpen(@TempDir Path dir) throws Exception {
        RunningWorkspace server = new RunningWorkspace(dir);
        HttpResponse<Stream<String>> response;
        try {
            long id = server.get("/api/scenarios").json().get(0).path("id").asLong();
            response = HttpClient.newHttpClient().sendAsync(eventsRequest(server, "/api/scenarios/" + id + "/events").build(),
                    HttpResponse.BodyHandlers.ofLines()).get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        try (EventStream stream = new EventStream(response)) {
            assertEquals("NOT_SOLVING", stream.next().status());
            // No solve to wait for: the stream stays open until the server stops, which does not wait for it.
            assertTimeoutPreemptively(Duration.ofSeconds(BOUND_SECONDS), server::close);
            assertEquals(EventStream.CLOSED, stream.next());
        }
    }

    private static HttpRequest.Builder eventsRequest(RunningWorkspace server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "text/event-stream");
    }
}

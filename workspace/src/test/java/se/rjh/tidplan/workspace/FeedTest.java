package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The published calendar as a feed Outlook subscribes to: stable UIDs, SEQUENCE per move, caching, a rotatable secret. */
class FeedTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static int sequence(String ics, String id) {
        String unfolded = ics.replace("\r\n ", "");
        int at = unfolded.indexOf("UID:" + id + "@tidplan");
        String event = unfolded.substring(unfolded.lastIndexOf("BEGIN:VEVENT", at), unfolded.indexOf("END:VEVENT", at));
        Matcher m = Pattern.compile("SEQUENCE:(\\d+)").matcher(event);
        assertTrue(m.find(), event);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aPublishedCalendarIsAFeedWhoseMovedEventsOutrankTheirOldCopies(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            server.post("/api/scenarios/1/publish", "");
            String feed = server.get("/api/scenarios/1").json().path("feed").asText();
            assertTrue(feed.matches("/feeds/[A-Za-z0-9_-]{43}\\.ics"), feed);
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(server.url(feed))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
            assertEquals(0, sequence(first.body(), "RP22-RF"));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(first.headers().firstValue("Last-Modified").isPresent());
            assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(server.url(feed))).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "unchanged: the client keeps its copy");

            // RF's June sitting a week earlier: the decision moves in the draft; the published feed does not change.
            assertEquals(200, server.post("/api/scenarios/1/replan",
                    "{\"version\":1,\"changes\":[{\"type\":\"moveSitting\",\"body\":\"RF\",\"from\":\"2021-06-21\",\"to\":\"2021-06-14\"}]}").status());
            HttpResponse<String> draftEdited = http.send(HttpRequest.newBuilder(URI.create(server.url(feed))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(etag, draftEdited.headers().firstValue("ETag").orElseThrow(), "the draft is not the published calendar");
            assertEquals(first.body(), draftEdited.body());
            assertEquals(1, server.get("/api/scenarios/1").json().path("publishedVersion").asInt());
            // Published (the version the admin has seen): its event's SEQUENCE goes up, the UID stays.
            // Before publishing, the admin sees what would move for whom; after, the change notice says it.
            JsonNode preview = server.get("/api/scenarios/1/publication").json();
            assertEquals(2, preview.path("version").asInt());
            assertTrue(preview.path("replaces").asText().endsWith("version 1"), preview.toString());
            assertTrue(preview.path("moves").findValuesAsText("id").contains("RP22-RF"), preview.toString());
            assertEquals(409, server.post("/api/scenarios/1/publish", "{\"version\":1}").status(), "not the latest version");
            assertEquals(2, server.post("/api/scenarios/1/publish", "{\"version\":2}").json().path("publishedVersion").asInt());
            String notice = server.get("/api/publications/latest/notice.html").body();
            assertTrue(notice.contains("<h1>Ändringsmeddelande</h1>") && notice.contains("RP22-RF")
                    && notice.contains("i stället för") && notice.contains("RF"), notice);
            String noticeCsv = server.get("/api/publications/latest/notice.csv").body();
            assertTrue(noticeCsv.startsWith("\uFEFFId;Aktivitet;Från;Till") && noticeCsv.contains("RP22-RF;"), noticeCsv);
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(URI.create(server.url(feed))).header("If-None-Match", etag)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, second.statusCode());
            assertNotEquals(etag, second.headers().firstValue("ETag").orElseThrow());
            assertEquals(1, sequence(second.body(), "RP22-RF"));
            assertEquals(0, sequence(second.body(), "RP21-RS"), "an event that did not move keeps its sequence");
            assertEquals(first.body().split("BEGIN:VEVENT").length, second.body().split("BEGIN:VEVENT").length);
            // Moved back and published again: counted on from the publication before, the event has moved twice.
            assertEquals(200, server.post("/api/scenarios/1/replan",
                    "{\"version\":2,\"changes\":[{\"type\":\"moveSitting\",\"body\":\"RF\",\"from\":\"2021-06-14\",\"to\":\"2021-06-21\"}]}").status());
            assertEquals(3, server.post("/api/scenarios/1/publish", "{\"version\":3}").json().path("publishedVersion").asInt());
            String third = server.get(feed).body();
            assertEquals(2, sequence(third, "RP22-RF"));
            assertEquals(0, sequence(third, "RP21-RS"));

            // A feed of what concerns RS: RS's matters only, each with RS among its bodies.
            String rs = server.get(feed + "?body=RS").body();
            int events = rs.split("BEGIN:VEVENT").length - 1;
            assertTrue(events > 5 && events < second.body().split("BEGIN:VEVENT").length - 1, "RS's events: " + events);
            assertTrue(rs.contains("UID:RP22-RS@tidplan") && !rs.contains("UID:RP22-RF@tidplan"), "RS's, not RF's");
            assertEquals(0, server.get(feed + "?person=Ingen+S%C3%A5dan").body().split("BEGIN:VEVENT").length - 1);

            // A rotated secret: the old address is gone, the new one serves the same calendar.
            String rotated = server.post("/api/scenarios/1/feed/rotate", "").json().path("feed").asText();
            assertNotEquals(feed, rotated);
            assertEquals(404, server.get(feed).status());
            assertEquals(200, server.get(rotated).status());
            assertEquals(404, server.get("/feeds/1.ics").status(), "the scenario's number is not a feed");
        }
    }
}

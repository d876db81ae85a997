package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.rjh.tidplan.workspace.Swedish.assertSwedish;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.pages.Palette;
import se.rjh.tidplan.planning.Planner;

/** The JSON API against the server running in-process, over H2 in a file and over PostgreSQL. */
class WorkspaceApiTest {

    /** RS's June sitting cancelled, as a change in the API's JSON. */
    private static final String CANCEL_RS_JUNE = "{\"type\":\"cancelSitting\",\"body\":\"RS\",\"date\":\"2021-06-07\"}";

    /** An activity pinned to a date, as a change in the API's JSON. */
    static String pin(String id, String date) {
        return "{\"type\":\"pin\",\"id\":\"" + id + "\",\"date\":\"" + date + "\"}";
    }


    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFirstStartHoldsTheRegionsCalendarAndSolvesItAsTheCommandLineDoes(TestDatabase database, @TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(database.url(dir))) {
            assertEquals("UP", server.get("/api/health").json().path("status").asText());
            JsonNode scenarios = server.get("/api/scenarios").json();
            assertEquals(1, scenarios.size());
            long id = scenarios.get(0).path("id").asLong();
            JsonNode first = server.get("/api/scenarios/" + id).json();
            assertEquals("NOT_SOLVING", first.path("status").asText());
            assertEquals(1, first.path("version").asInt());
            // The first calendar is the region's own hand-made one: it breaks hard rules.
            assertTrue(first.path("score").asText().startsWith("-"), first.toString());

            JsonNode solved = server.solve(id);
            assertEquals(2, solved.path("version").asInt());
            Dataset region = Planner.load(null);
            if (database == TestDatabase.H2) { // the same solve on either database: compare once
                String cli = Planner.solve(region, Planner.Search.of(region, 1), best -> { },
                        se.rjh.tidplan.planning.StopSignal.none()).schedule().getScore().toString();
                assertEquals(cli, solved.path("score").asText(), "the API's solve must match the command line's");
            }
            assertTrue(solved.path("score").asText().startsWith("0hard/"), solved.toString());

            // The calendar CSV as ?format=plain is the one solve writes: the region's columns, every activity.
            String csv = server.get("/api/scenarios/" + id + "/calendar.csv?format=plain").body();
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
            assertEquals(CalendarCsvWriter.HEADER, records.get(0).toList());
            assertEquals(region.schedule().getActivities().size() + 1, records.size());
            // By default it is what Excel in Sweden opens as columns: a BOM, semicolons, CRLF, the same rows.
            String excel = server.get("/api/scenarios/" + id + "/calendar.csv").body();
            assertTrue(excel.startsWith("\uFEFFId;Datum;") && excel.contains("\r\n"), excel.substring(0, 80));
            assertEquals(CalendarFile.read("plain.csv", csv).rows(), CalendarFile.read("excel.csv", excel).rows());
            // Where RF's Regionplan decision could go with the rest in place: RF's sittings a week after RS's
            // decision and by the end of November (KL 11 kap 8 §), its own date among them.
            JsonNode view = server.get("/api/scenarios/" + id + "/calendar").json();
            JsonNode council = null;
            JsonNode board = null;
            for (JsonNode a : view.path("activities")) {
                council = a.path("id").asText().equals("RP22-RF") ? a : council;
                board = a.path("id").asText().equals("RP22-RS") ? a : board;
            }
            LocalDate rs = LocalDate.parse(board.path("date").asText());
            List<String> rfSittings = new ArrayList<>();
            view.path("sittings").path("RF").forEach(d -> rfSittings.add(d.asText()));
            List<String> possible = new ArrayList<>();
            council.path("possibleDates").forEach(d -> possible.add(d.asText()));
            assertTrue(possible.contains(council.path("date").asText()), possible.toString());
            for (String day : possible) {
                LocalDate d = LocalDate.parse(day);
                assertTrue(rfSittings.contains(day) && !d.isBefore(rs.plusDays(7)) && !d.isAfter(LocalDate.of(2021, 11, 30)), day);
            }
            JsonNode analysis = server.get("/api/scenarios/" + id + "/analysis").json();
            assertTrue(analysis.path("feasible").asBoolean(), analysis.path("score").asText());
            assertTrue(server.get("/api/scenarios/" + id + "/calendar.ics").body().startsWith("BEGIN:VCALENDAR"));
            assertTrue(server.get("/api/scenarios/" + id + "/yearview.html").body().contains("Arbetsbelastning per enhet och vecka"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplanMovesWhatTheChangeForcesAndAStaleVersionIsRefused(TestDatabase database, @TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(database.url(dir))) {
            long id = server.get("/api/scenarios").json().get(0).path("id").asLong();
            server.solve(id);
            RunningWorkspace.Response replanned = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":2,\"today\":\"2021-01-04\",\"changes\":[" + CANCEL_RS_JUNE + "]}");
            assertEquals(200, replanned.status(), replanned.body());
            JsonNode result = replanned.json();
            assertEquals(3, result.path("scenario").path("version").asInt());
            List<String> moved = new ArrayList<>();
            result.path("moves").forEach(m -> moved.add(m.path("id").asText()));
            assertTrue(moved.contains("RP22-RS") && moved.contains("RP22-RF"), moved.toString());
            // Only what the change forces moves, unless the request asks to improve the rest.
            result.path("moves").forEach(m -> assertTrue(m.path("forced").asBoolean(), m.toString()));
            // Why each moved, in the planners' words beside the command line's English ("reason").
            JsonNode rs = StreamSupport.stream(result.path("moves").spliterator(), false)
                    .filter(m -> m.path("id").asText().equals("RP22-RS")).findFirst().orElseThrow();
            assertEquals("Organets sammanträdesdag: RS sammanträder inte längre 2021-06-07", rs.path("said").asText(), rs.toString());
            result.path("moves").forEach(m -> assertSwedish(m.path("said").asText()));
            // The history keeps the change typed, and says it in Swedish words.
            JsonNode saved = server.get("/api/scenarios/" + id + "/history").json().get(0);
            assertEquals("cancelSitting", saved.path("event").path("changes").get(0).path("type").asText(), saved.toString());
            assertEquals("Omplanerad från 2021-01-04: RS sammanträder inte 2021-06-07; " + moved.size()
                    + " aktiviteter flyttade", saved.path("what").asText());
            // Without accounts, who made it is the user the server runs as, and says so.
            assertEquals(System.getProperty("user.name") + " (lokalt, utan konton)", saved.path("by").asText());
            JsonNode calendar = server.get("/api/scenarios/" + id + "/calendar").json();
            assertTrue(!calendar.path("sittings").path("RS").toString().contains("2021-06-07"), "the cancelled sitting is gone");
            // Each version's calendar stays as it was saved: the one before the re-plan has the Regionplan on RS's June sitting.
            String before = server.get("/api/scenarios/" + id + "/versions/2/calendar.csv").body();
            assertTrue(CalendarFile.read("version 2.csv", before).hasActivityOn("RP22-RS", LocalDate.of(2021, 6, 7)), before);
            assertFalse(CalendarFile.read("version 3.csv", server.get("/api/scenarios/" + id + "/versions/3/calendar.csv").body())
                    .hasActivityOn("RP22-RS", LocalDate.of(2021, 6, 7)));
            assertEquals(server.get("/api/scenarios/" + id + "/calendar.csv?format=plain").body(),
                    server.get("/api/scenarios/" + id + "/versions/3/calendar.csv").body());
            assertEquals(404, server.get("/api/scenarios/" + id + "/versions/4/calendar.csv").status());
            assertEquals(404, server.get("/api/scenarios/" + id + "/versions/x/calendar.csv").status());

            if (database == TestDatabase.H2) { // advice reads the store as any request does: once is enough
                adviceForTheChangeMadeToVersion2(server, id, result.path("moves").size());
            }

            // A second tab still on version 2 must not overwrite version 3.
            RunningWorkspace.Response stale = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":2,\"changes\":[" + pin("RP22-RF", "2021-11-23") + "]}");
            assertEquals(409, stale.status(), stale.body());
            assertEquals(3, stale.json().path("currentVersion").asInt());
            assertEquals("Scenario " + id + " är på version 3, men ändringen gjordes på version 2; läs in sidan igen och försök på nytt.",
                    stale.json().path("error").asText());
            assertEquals(3, server.get("/api/scenarios/" + id).json().path("version").asInt());

            // A change that makes no sense is a 400 naming it, and nothing is saved.
            RunningWorkspace.Response nonsense = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":3,\"changes\":[" + pin("NO-SUCH", "2021-05-03") + "]}");
            assertEquals(400, nonsense.status(), nonsense.body());
            assertEquals("Ändringen går inte att göra: ingen aktivitet NO-SUCH.", nonsense.json().path("error").asText());
            RunningWorkspace.Response unknownBody = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":3,\"changes\":[{\"type\":\"addSitting\",\"body\":\"XX\",\"date\":\"2021-05-03\"}]}");
            assertTrue(unknownBody.json().path("error").asText().startsWith("Ändringen går inte att göra: okänt organ XX; datasetet har RF, "),
                    unknownBody.body());
            RunningWorkspace.Response beyond = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":3,\"today\":\"9999-12-31\",\"changes\":[" + pin("BD22-KOMM", "2021-01-20") + "]}");
            assertEquals(400, beyond.status(), beyond.body());
            assertTrue(beyond.json().path("error").asText().startsWith("Dagens datum 9999-12-31 ligger efter kalenderns sista dag"),
                    beyond.body());
            for (String broken : List.of("[null]", "[]", "[{\"type\":\"pin\",\"id\":\"BD22-KOMM\"}]", "[{\"type\":\"teleport\"}]",
                    "[{\"id\":\"BD22-KOMM\",\"date\":\"2021-01-20\"}]")) {
                RunningWorkspace.Response refused = server.post("/api/scenarios/" + id + "/replan",
                        "{\"version\":3,\"changes\":" + broken + "}");
                assertEquals(400, refused.status(), broken + ": " + refused.body());
                assertSwedish(refused.json().path("error").asText());
            }
            // The command line's syntax inside JSON, as the release before this one took it, is no change at all.
            assertEquals(400, server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":3,\"pin\":[\"BD22-KOMM=2021-01-20\"]}").status());
            String many = (pin("BD22-KOMM", "2021-01-20") + ",").repeat(Replans.MOST_CHANGES) + pin("BD22-KOMM", "2021-01-20");
            RunningWorkspace.Response tooMany = server.post("/api/scenarios/" + id + "/replan", "{\"version\":3,\"changes\":[" + many + "]}");
            assertEquals(400, tooMany.status(), tooMany.body());
            assertEquals("Högst 100 ändringar i en omplanering.", tooMany.json().path("error").asText());
            assertEquals(3, server.get("/api/scenarios/" + id).json().path("version").asInt(), "nothing was saved");
            // Undo goes back to the solved calendar, as a new version.
            JsonNode undone = server.post("/api/scenarios/" + id + "/undo", "{\"version\":3}").json();
            assertEquals(4, undone.path("version").asInt());
            assertEquals(server.get("/api/scenarios/" + id + "/history").json().get(2).path("score").asText(),
                    undone.path("score").asText());
        }
    }

    private static void adviceForTheChangeMadeToVersion2(RunningWorkspace server, long id, int movedWithout) {
        // Advice for the change made to version 2: an RS sitting near the cancelled one, as request fields too.
        RunningWorkspace.Response advised = server.post("/api/scenarios/" + id + "/advise",
                "{\"version\":2,\"today\":\"2021-01-04\",\"changes\":[" + CANCEL_RS_JUNE + "]}");
        assertEquals(200, advised.status(), advised.body());
        JsonNode best = advised.json().get(0);
        // The fix as typed changes to add to the request, and in Swedish words.
        JsonNode added = best.path("add").get(0);
        assertEquals("addSitting", added.path("type").asText(), advised.body());
        assertEquals("RS", added.path("body").asText());
        assertTrue(added.path("date").asText().startsWith("2021-06-"), advised.body());
        assertEquals("RS sammanträder också " + added.path("date").asText(), best.path("said").asText());
        assertTrue(best.path("moved").asInt() < movedWithout, advised.body());
        assertEquals(3, server.get("/api/scenarios/" + id).json().path("version").asInt(), "advice saves nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importCopyCompareAndBadInput(TestDatabase database, @TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(database.url(dir))) {
            RunningWorkspace.Response imported = server.upload("tidplan-2021.txt",
                    Files.readAllBytes(Path.of("../data/seed/tidplan-2021.txt")));
            assertEquals(201, imported.status(), imported.body());
            long id = imported.json().path("id").asLong();
            assertEquals(110, server.get("/api/scenarios/" + id + "/calendar").json().path("activities").size());

            // A broken upload: 400 with the file, line and field, and no scenario is added.
            RunningWorkspace.Response broken = server.upload("bad.txt", ("Datum\tTid\tP\tB\tI\tIK\tU\tAktivitet\n"
                    + "2021-02-30\t\tP\t\t\t\t\tPF beslutas i RS\t2022\tRS\t\t\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(400, broken.status(), broken.body());
            // The file, line and field as the command line names them, told in a Swedish answer.
            assertEquals("Felaktig indata: bad.txt:2: Datum: '2021-02-30' is not a date", broken.json().path("error").asText());
            assertEquals(2, server.get("/api/scenarios").json().size());

            JsonNode copy = server.post("/api/scenarios/" + id + "/copy", "{\"name\":\"Vad händer om\"}").json();
            assertEquals("Vad händer om", copy.path("name").asText());
            JsonNode same = server.get("/api/compare?a=" + id + "&b=" + copy.path("id").asLong()).json();
            assertEquals(0, same.path("moves").size());
            assertEquals(same.path("scoreA"), same.path("scoreB"));
            // The dataset goes out as a zip and comes back in as a scenario of its own, the same calendar.
            byte[] zip = server.bytes("/api/scenarios/" + id + "/dataset.zip");
            JsonNode back = server.upload("dataset.zip", zip).json();
            assertEquals(110, server.get("/api/scenarios/" + back.path("id").asLong() + "/calendar").json().path("activities").size());
            assertTrue(server.bytes("/api/scenarios/" + id + "/calendar.xlsx").length > 5_000);
            assertEquals(404, server.get("/api/scenarios/999").status());
            assertEquals(404, server.get("/api/compare?a=" + id + "&b=999").status());

            // A what-if is deleted with all its versions; the published calendar stays until another is published.
            assertEquals(204, server.delete("/api/scenarios/" + copy.path("id").asLong()).status());
            assertEquals(404, server.get("/api/scenarios/" + copy.path("id").asLong()).status());
            assertEquals(404, server.delete("/api/scenarios/999").status());
            assertEquals(200, server.post("/api/scenarios/" + id + "/publish", "").status());
            RunningWorkspace.Response published = server.delete("/api/scenarios/" + id);
            assertEquals(409, published.status(), published.body());
            assertEquals(200, server.get("/api/scenarios/" + id).status());
        }
    }

    @Test
    void aComparisonJudgesEachScenarioUnderItsOwnDataset(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long original = server.get("/api/scenarios").json().get(0).path("id").asLong();
            String own = server.solve(original).path("score").asText();
            JsonNode copy = server.post("/api/scenarios/" + original + "/copy", "{\"name\":\"Utan RS i juni\"}").json();
            long id = copy.path("id").asLong();
            // The copy loses RS's June sitting, re-planned improving the rest too: some moves are chosen.
            RunningWorkspace.Response replanned = server.post("/api/scenarios/" + id + "/replan", "{\"version\":"
                    + copy.path("version").asInt() + ",\"today\":\"2021-01-04\",\"improve\":true,\"changes\":["
                    + CANCEL_RS_JUNE + "]}");
            assertEquals(200, replanned.status(), replanned.body());
            JsonNode moves = replanned.json().path("moves");
            List<Boolean> forced = new ArrayList<>();
            moves.forEach(m -> forced.add(m.path("forced").asBoolean()));
            assertTrue(forced.contains(true) && forced.contains(false), moves.toString());
            String copied = replanned.json().path("scenario").path("score").asText();
            // The score shown is the copy's under its own dataset, as its analysis (explain) gives it.
            assertEquals(server.get("/api/scenarios/" + id + "/analysis").json().path("score").asText(), copied);

            // The original keeps its own score beside the copy (RS still sits on 7 June in its dataset), and the copy its own.
            JsonNode comparison = server.get("/api/compare?a=" + id + "&b=" + original).json();
            assertEquals(copied, comparison.path("scoreA").asText(), comparison.toString());
            assertEquals(own, comparison.path("scoreB").asText(), comparison.toString());
            assertTrue(own.startsWith("0hard/"), own);
            JsonNode reversed = server.get("/api/compare?a=" + original + "&b=" + id).json();
            assertEquals(own, reversed.path("scoreA").asText());
            assertEquals(copied, reversed.path("scoreB").asText());
            assertEquals(moves.size(), reversed.path("moves").size(), reversed.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRestartFindsEverythingSaved(TestDatabase database, @TempDir Path dir) throws Exception {
        long id;
        String score;
        String url = database.url(dir);
        try (RunningWorkspace server = new RunningWorkspace(url)) {
            id = server.get("/api/scenarios").json().get(0).path("id").asLong();
            RunningWorkspace.Response pinned = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":1,\"changes\":[" + pin("BD22-KOMM", "2021-01-20") + "]}");
            assertEquals(200, pinned.status(), pinned.body());
            score = pinned.json().path("scenario").path("score").asText();
            server.post("/api/scenarios/" + id + "/copy", "{\"name\":\"Kopia\"}");
        }
        try (RunningWorkspace again = new RunningWorkspace(url)) {
            JsonNode scenarios = again.get("/api/scenarios").json();
            assertEquals(2, scenarios.size(), "the default scenario is not added a second time");
            JsonNode scenario = again.get("/api/scenarios/" + id).json();
            assertEquals(2, scenario.path("version").asInt());
            assertEquals(score, scenario.path("score").asText());
            assertEquals(2, again.get("/api/scenarios/" + id + "/history").json().size());
        }
    }

    @Test
    void thePageIsServedAsJavaScriptModulesWithItsPalette(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            String index = server.get("/").body();
            assertTrue(index.contains("<script type=\"module\" src=\"/js/main.js\"></script>"), index);
            assertTrue(index.contains("<link rel=\"stylesheet\" href=\"/palette.css\">"), index);
            HttpClient http = HttpClient.newHttpClient();
            // A browser runs a module only if it is served as JavaScript (and, with nosniff, says so).
            List<Path> modules;
            try (var files = Files.list(Path.of("src/main/resources/web/js"))) {
                modules = files.filter(f -> f.toString().endsWith(".js")).toList();
            }
            assertTrue(modules.size() >= 8, modules.toString());
            for (Path module : modules) {
                HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(server.url("/js/" + module.getFileName()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, served.statusCode(), module.toString());
                assertTrue(served.headers().firstValue("Content-Type").orElse("").matches("(text|application)/javascript.*"),
                        module + ": " + served.headers().firstValue("Content-Type"));
                assertEquals(Files.readString(module), served.body(), module.toString());
            }
            HttpResponse<String> palette = http.send(HttpRequest.newBuilder(URI.create(server.url("/palette.css"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(palette.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), palette.headers().toString());
            assertEquals(Palette.css(), palette.body(), "the palette the year view and the other pages inline");
            JsonNode labels = server.get("/api/labels").json();
            assertEquals("Intern kontroll", labels.path("processes").path("IK").asText(), labels.toString());
            assertEquals("Arbetsdag", labels.path("rules").path("Working day").asText(), labels.toString());
        }
    }

    @Test
    void withoutItsDatabaseTheServerSaysDownAndAnErrorCarriesAnIdNotItsCause(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            assertEquals("UP", server.get("/api/health").json().path("database").asText());
            server.closeDatabase();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            RunningWorkspace.Response health;
            RunningWorkspace.Response failed;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                health = server.get("/api/health");
                failed = server.get("/api/scenarios");
            } finally {
                System.setErr(stderr);
            }
            assertEquals(503, health.status(), health.body());
            assertEquals("DOWN", health.json().path("status").asText());
            // Not ready, and the same at /api/health/ready; but alive: a restart would not bring the database back.
            assertEquals(503, server.get("/api/health/ready").status());
            assertEquals(200, server.get("/api/health/live").status());
            assertEquals(503, failed.status(), failed.body());
            String id = failed.json().path("id").asText();
            assertTrue(failed.json().path("error").asText().startsWith("Databasen svarar inte; försök igen om en stund"), failed.body());
            assertTrue(failed.json().path("error").asText().contains(id), failed.body());
            for (String internal : List.of("Exception", "Hikari", "SQL", "jdbc", "at se.")) {
                assertFalse(failed.body().contains(internal), "the client got the server's internals: " + failed.body());
            }
            String logged = log.toString(StandardCharsets.UTF_8);
            assertTrue(logged.contains("GET /api/scenarios failed; error id " + id), logged);
            assertTrue(logged.contains("HikariDataSource"), "the log has the cause: " + logged);
        }
    }

    @Test
    void aScenariosTodayFreezesItsPastForEverySolveAndReplan(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = server.get("/api/scenarios").json().get(0).path("id").asLong();
            String before = server.get("/api/scenarios/" + id + "/calendar.csv?format=plain").body();
            RunningWorkspace.Response set = server.put("/api/scenarios/" + id + "/today", "{\"today\":\"2021-05-01\"}");
            assertEquals(200, set.status(), set.body());
            assertEquals("2021-05-01", set.json().path("today").asText());
            // Lös, whose request carries no date: the books still close on 13 January, as the calendar has it.
            server.solve(id);
            String after = server.get("/api/scenarios/" + id + "/calendar.csv?format=plain").body();
            assertTrue(CalendarFile.read("after.csv", after).hasActivityOn("AR20-STANG", LocalDate.of(2021, 1, 13)), after);
            for (var row : CalendarFile.read("before.csv", before).rows()) {
                if (row.date().isBefore(LocalDate.of(2021, 5, 1))) {
                    assertTrue(CalendarFile.read("after.csv", after).hasActivityOn(row.id(), row.date()), row.id() + " moved");
                }
            }
            // A re-plan without a date of its own freezes the same past: a pin into it is refused, nothing saved.
            int version = server.get("/api/scenarios/" + id).json().path("version").asInt();
            RunningWorkspace.Response intoThePast = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":" + version + ",\"changes\":[" + pin("BD22-KOMM", "2021-01-20") + "]}");
            assertEquals(400, intoThePast.status(), intoThePast.body());
            // A copy is frozen where its original is; null unfreezes.
            long copy = server.post("/api/scenarios/" + id + "/copy", "{\"name\":\"Kopia\"}").json().path("id").asLong();
            assertEquals("2021-05-01", server.get("/api/scenarios/" + copy).json().path("today").asText());
            assertTrue(server.put("/api/scenarios/" + copy + "/today", "{\"today\":null}").json().path("today").isNull());
        }
    }

    @Test
    void aPinThatBreaksARuleIsRefusedWithTheRuleAndAPinCanBeLetGo(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = server.get("/api/scenarios").json().get(0).path("id").asLong();
            // BD22-HR to Saturday 16 January: refused, nothing saved.
            RunningWorkspace.Response saturday = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":1,\"changes\":[" + pin("BD22-HR", "2021-01-16") + "]}");
            assertEquals(400, saturday.status(), saturday.body());
            assertEquals("Ändringen går inte att göra: 2021-01-16 är ingen arbetsdag (lördag).", saturday.json().path("error").asText());
            // RP22-RS on a day RS does not sit: refused with the body.
            RunningWorkspace.Response noSitting = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":1,\"changes\":[" + pin("RP22-RS", "2021-06-08") + "]}");
            assertEquals(400, noSitting.status(), noSitting.body());
            assertEquals("Ändringen går inte att göra: RS sammanträder inte 2021-06-08, och RP22-RS behandlas på dess sammanträde.",
                    noSitting.json().path("error").asText());
            assertEquals(1, server.get("/api/scenarios/" + id).json().path("version").asInt(), "nothing was saved");
            // A good pin, then let go: the history says both, and the activity is no longer pinned.
            assertEquals(200, server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":1,\"changes\":[" + pin("BD22-KOMM", "2021-01-20") + "]}").status());
            RunningWorkspace.Response unpinned = server.post("/api/scenarios/" + id + "/replan",
                    "{\"version\":2,\"changes\":[{\"type\":\"unpin\",\"id\":\"BD22-KOMM\"}]}");
            assertEquals(200, unpinned.status(), unpinned.body());
            assertTrue(server.get("/api/scenarios/" + id + "/history").json().get(0).path("what").asText()
                    .contains("BD22-KOMM låses upp"));
            for (JsonNode a : server.get("/api/scenarios/" + id + "/calendar").json().path("activities")) {
                if (a.path("id").asText().equals("BD22-KOMM")) {
                    assertFalse(a.path("pinned").asBoolean(), a.toString());
                }
            }
        }
    }
}

package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import se.rjh.tidplan.workspace.store.UserStore.Role;

/**
 * The dataset editor's API against the server running in-process: each kind of edit saved as a new version and
 * seen in the dataset, each refused one a 400 naming its field with nothing changed, a stale version a 409, undo,
 * the history's author, what validate says after an edit, "Nytt år" and an imported calendar's rows to clean up.
 */
class DatasetEditApiTest {

    /** A new activity of PoU's, handled at RS, as the editor sends it. */
    private static final String NEW_ACTIVITY = "{\"id\":\"EX-RS\",\"name\":\"RS beslutar om exemplet\",\"date\":\"2021-03-02\","
            + "\"processes\":[\"P\",\"U\"],\"yearInFocus\":\"2021\",\"bodies\":[\"RS\"],\"unit\":\"PoU\"}";

    private static long region(RunningWorkspace server) {
        return server.get("/api/scenarios").json().get(0).path("id").asLong();
    }

    private static int version(RunningWorkspace server, long id) {
        return server.get("/api/scenarios/" + id).json().path("version").asInt();
    }

    /** The edit made on the scenario's latest version; it must be taken. */
    private static JsonNode edit(RunningWorkspace server, long id, String edit) {
        RunningWorkspace.Response response = server.post("/api/scenarios/" + id + "/edits",
                "{\"version\":" + version(server, id) + ",\"edit\":" + edit + "}");
        assertEquals(200, response.status(), edit + ": " + response.body());
        return response.json();
    }

    /** The edit refused with a 400 naming {@code field}, the scenario left at its version; returns the message. */
    private static String refused(RunningWorkspace server, long id, String edit, String field) {
        int before = version(server, id);
        RunningWorkspace.Response response = server.post("/api/scenarios/" + id + "/edits",
                "{\"version\":" + before + ",\"edit\":" + edit + "}");
        assertEquals(400, response.status(), edit + ": " + response.body());
        assertEquals(field, response.json().path("field").asText(), response.body());
        assertEquals(before, version(server, id), "a refused edit changes nothing");
        return response.json().path("error").asText();
    }

    private static JsonNode dataset(RunningWorkspace server, long id) {
        return server.get("/api/scenarios/" + id + "/dataset").json();
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void activitiesAreAddedEditedInEveryFieldPinnedAndRemovedWithWhatDependsOnThem(@TempDir Path dir) {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = region(server);
            JsonNode added = edit(server, id, "{\"type\":\"addActivity\",\"activity\":" + NEW_ACTIVITY + "}");
            assertEquals(2, added.path("scenario").path("version").asInt());
            assertEquals("Ny aktivitet EX-RS (RS beslutar om exemplet)", added.path("scenario").path("what").asText());
            JsonNode activity = find(dataset(server, id).path("activities"), "id", "EX-RS");
            assertEquals("[\"P\",\"U\"]", activity.path("processes").toString());
            // The calendar has it on its date, and the history says who did what.
            JsonNode view = find(server.get("/api/scenarios/" + id + "/calendar").json().path("activities"), "id", "EX-RS");
            assertEquals("2021-03-02", view.path("date").asText());

            // Every field of the issue set at once, the meeting's start and length as its Tid.
            edit(server, id, "{\"type\":\"editActivity\",\"id\":\"EX-RS\",\"activity\":{\"id\":\"EX-RS\",\"name\":\"Exempelmöte\","
                    + "\"date\":\"2021-03-03\",\"processes\":[\"B\"],\"yearInFocus\":\"2022\",\"bodies\":[],\"unit\":\"HSF\","
                    + "\"political\":\"x\",\"collaboration\":\"CSG\",\"management\":\"CLG\",\"operations\":\"x\",\"finance\":\"x\","
                    + "\"participants\":[\"RD\",\"Budgetchef\"],\"start\":\"09:30\",\"minutes\":90,\"earliest\":\"2021-02-01\","
                    + "\"latest\":\"2021-03-31\",\"windowReason\":\"Före delårsrapporten\",\"comment\":\"Tidplanens kommentar\"}}");
            activity = find(dataset(server, id).path("activities"), "id", "EX-RS");
            assertEquals("Exempelmöte", activity.path("name").asText());
            assertEquals("[\"B\"]", activity.path("processes").toString());
            assertEquals("2022", activity.path("yearInFocus").asText());
            assertEquals("HSF", activity.path("unit").asText());
            assertEquals("CSG", activity.path("collaboration").asText());
            assertEquals("CLG", activity.path("management").asText());
            assertEquals("[\"RD\",\"Budgetchef\"]", activity.path("participants").toString());
            assertTrue(activity.path("start").asText().startsWith("09:30"), activity.toString());
            assertEquals(90, activity.path("minutes").asInt());
            assertEquals("2021-02-01", activity.path("earliest").asText());
            assertEquals("2021-03-31", activity.path("latest").asText());
            assertEquals("Före delårsrapporten", activity.path("windowReason").asText());
            assertEquals("Tidplanens kommentar", activity.path("comment").asText());
            view = find(server.get("/api/scenarios/" + id + "/calendar").json().path("activities"), "id", "EX-RS");
            assertEquals("2021-03-03", view.path("date").asText());
            assertTrue(view.path("start").asText().startsWith("09:30"), view.toString());

            // Refused, each naming its field; nothing changes.
            String body = NEW_ACTIVITY.replace("EX-RS", "EX-2");
            assertTrue(refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + body.replace("[\"RS\"]", "[\"RSX\"]") + "}",
                    "activity.bodies").contains("unknown body 'RSX'"));
            refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + body.replace("\"PoU\"", "\"\"") + "}", "activity.unit");
            refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + body.replace("\"U\"]", "\"X\"]") + "}", "activity.processes");
            refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + NEW_ACTIVITY + "}", "activity.id");
            refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + body.replace("}", ",\"earliest\":\"2021-05-01\","
                    + "\"latest\":\"2021-04-01\"}") + "}", "activity.latest");
            refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + body.replace("}", ",\"participants\":[\"RD\"]}") + "}",
                    "activity.participants");
            refused(server, id, "{\"type\":\"addActivity\",\"activity\":" + body.replace("}", ",\"start\":\"08:00\",\"minutes\":600}")
                    + "}", "activity.start");
            assertEquals("Datasetet har ingen aktivitet ”NO-SUCH”.",
                    refused(server, id, "{\"type\":\"editActivity\",\"id\":\"NO-SUCH\",\"activity\":" + body + "}", "id"));

            // Pinned only on a day it can take (an honest pin, as a re-plan's), and let go again.
            assertTrue(refused(server, id, "{\"type\":\"pinActivity\",\"id\":\"RP22-RS\",\"date\":\"2021-06-06\"}", "date")
                    .contains("2021-06-06"));
            edit(server, id, "{\"type\":\"pinActivity\",\"id\":\"RP22-RS\",\"date\":\"2021-05-18\"}");
            assertTrue(dataset(server, id).path("pinned").toString().contains("\"RP22-RS\""));
            JsonNode pinned = find(server.get("/api/scenarios/" + id + "/calendar").json().path("activities"), "id", "RP22-RS");
            assertEquals("2021-05-18", pinned.path("date").asText());
            assertTrue(pinned.path("pinned").asBoolean());
            edit(server, id, "{\"type\":\"unpinActivity\",\"id\":\"RP22-RS\"}");
            assertFalse(dataset(server, id).path("pinned").toString().contains("\"RP22-RS\""));
            assertEquals("RP22-RS är inte låst", refused(server, id, "{\"type\":\"unpinActivity\",\"id\":\"RP22-RS\"}", "id"));

            // Removing what a chain depends on is refused with the chain, unless asked; then the steps go too.
            String chain = refused(server, id, "{\"type\":\"removeActivity\",\"id\":\"RP22-RSAU\"}", "id");
            assertTrue(chain.startsWith("RP22-RSAU ingår i ") && chain.contains("RP22-CSG → RP22-RSAU")
                    && chain.contains("RP22-RSAU → RP22-RS"), chain);
            edit(server, id, "{\"type\":\"removeActivity\",\"id\":\"RP22-RSAU\",\"withDependencies\":true}");
            JsonNode after = dataset(server, id);
            assertEquals(null, find(after.path("activities"), "id", "RP22-RSAU"));
            assertFalse(after.path("dependencies").toString().contains("RP22-RSAU"));
            edit(server, id, "{\"type\":\"removeActivity\",\"id\":\"EX-RS\"}");
            assertEquals(null, find(dataset(server, id).path("activities"), "id", "EX-RS"));
        }
    }

    @Test
    void chainsAreEditedAndACycleASelfDependencyOrAnUnknownActivityIsRefusedWithTheReason(@TempDir Path dir) {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = region(server);
            edit(server, id, "{\"type\":\"addActivity\",\"activity\":" + NEW_ACTIVITY + "}");
            edit(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"RP22-RS\",\"after\":\"EX-RS\","
                    + "\"minLag\":2,\"unit\":\"calendar\",\"buffer\":5,\"reason\":\"Exemplet följer beslutet\"}}");
            JsonNode step = null;
            for (JsonNode d : dataset(server, id).path("dependencies")) {
                step = d.path("after").asText().equals("EX-RS") ? d : step;
            }
            assertEquals("RP22-RS", step.path("before").asText());
            assertEquals(2, step.path("minLag").asInt());
            assertEquals(5, step.path("buffer").asInt());
            assertEquals("calendar", step.path("unit").asText());
            assertEquals("Exemplet följer beslutet", step.path("reason").asText());

            assertTrue(refused(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"EX-RS\",\"after\":\"RP22-CSG\"}}",
                    "dependency.after").contains("dependency cycle"));
            assertTrue(refused(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"EX-RS\",\"after\":\"EX-RS\"}}",
                    "dependency.after").contains("cannot depend on itself"));
            assertTrue(refused(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"NOPE\",\"after\":\"EX-RS\"}}",
                    "dependency.before").contains("unknown activity 'NOPE'"));
            refused(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"RP22-RS\",\"after\":\"EX-RS\"}}",
                    "dependency.after");
            refused(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"RP22-RS\",\"after\":\"RP22-RF\","
                    + "\"unit\":\"veckor\"}}", "dependency.after");
            refused(server, id, "{\"type\":\"editDependency\",\"before\":\"RP22-RS\",\"after\":\"EX-RS\",\"dependency\":"
                    + "{\"before\":\"RP22-RS\",\"after\":\"EX-RS\",\"minLag\":1,\"unit\":\"veckor\"}}", "dependency.unit");

            edit(server, id, "{\"type\":\"editDependency\",\"before\":\"RP22-RS\",\"after\":\"EX-RS\",\"dependency\":"
                    + "{\"before\":\"RP22-RS\",\"after\":\"EX-RS\",\"minLag\":1,\"unit\":\"working\",\"buffer\":0,\"reason\":\"Kortare\"}}");
            assertTrue(dataset(server, id).path("dependencies").toString().contains("Kortare"));
            // A buffer named in settings.json (the room for an MBL 14 § negotiation) stays a name through an edit.
            JsonNode mbl = null;
            for (JsonNode d : dataset(server, id).path("dependencies")) {
                mbl = d.path("after").asText().equals("BE21-HSF") ? d : mbl;
            }
            assertEquals("MBL 14 §", mbl.path("buffer").asText());
            ((com.fasterxml.jackson.databind.node.ObjectNode) mbl).put("reason", "Förhandling före beslut");
            edit(server, id, "{\"type\":\"editDependency\",\"before\":\"VP21-HSN\",\"after\":\"BE21-HSF\",\"dependency\":" + mbl + "}");
            assertTrue(dataset(server, id).path("dependencies").toString()
                    .contains("\"buffer\":\"MBL 14 §\",\"unit\":\"working\",\"reason\":\"Förhandling före beslut\""));
            edit(server, id, "{\"type\":\"removeDependency\",\"before\":\"RP22-RS\",\"after\":\"EX-RS\"}");
            assertFalse(dataset(server, id).path("dependencies").toString().contains("EX-RS"));
            refused(server, id, "{\"type\":\"removeDependency\",\"before\":\"RP22-RS\",\"after\":\"EX-RS\"}", "after");
        }
    }
    @Test
    void bodiesSittingsWithTheirSourceExternalDatesAndOfficeHoursAreEdited(@TempDir Path dir) {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = region(server);
            edit(server, id, "{\"type\":\"addBody\",\"code\":\"PN\",\"name\":\"Patientnämnd\"}");
            refused(server, id, "{\"type\":\"addBody\",\"code\":\"PN\",\"name\":\"Igen\"}", "code");
            refused(server, id, "{\"type\":\"addBody\",\"code\":\"\",\"name\":\"Utan kod\"}", "code");
            edit(server, id, "{\"type\":\"editBody\",\"code\":\"PN\",\"name\":\"Patientnämnden\"}");
            refused(server, id, "{\"type\":\"editBody\",\"code\":\"NOPE\",\"name\":\"x\"}", "code");
            JsonNode body = find(dataset(server, id).path("bodies"), "code", "PN");
            assertEquals("Patientnämnden", body.path("name").asText());

            // Sitting days, each with its source: added, confirmed, moved, removed.
            edit(server, id, "{\"type\":\"addSitting\",\"body\":\"PN\",\"date\":\"2021-03-10\",\"source\":\"ASSUMED\","
                    + "\"note\":\"som förra året\"}");
            JsonNode day = find(find(dataset(server, id).path("bodies"), "code", "PN").path("sittings"), "date", "2021-03-10");
            assertEquals("ASSUMED", day.path("source").asText());
            assertEquals("som förra året", day.path("note").asText());
            refused(server, id, "{\"type\":\"addSitting\",\"body\":\"PN\",\"date\":\"2021-03-10\",\"source\":\"ASSUMED\"}", "date");
            refused(server, id, "{\"type\":\"addSitting\",\"body\":\"NOPE\",\"date\":\"2021-03-11\",\"source\":\"ASSUMED\"}", "body");
            refused(server, id, "{\"type\":\"addSitting\",\"body\":\"PN\",\"date\":\"2021-03-11\"}", "source");
            edit(server, id, "{\"type\":\"editSitting\",\"body\":\"PN\",\"date\":\"2021-03-10\",\"source\":\"PROTOCOL\","
                    + "\"note\":\"protokoll 2021-01-20\"}");
            day = find(find(dataset(server, id).path("bodies"), "code", "PN").path("sittings"), "date", "2021-03-10");
            assertEquals("PROTOCOL", day.path("source").asText());
            edit(server, id, "{\"type\":\"moveSitting\",\"body\":\"PN\",\"from\":\"2021-03-10\",\"to\":\"2021-03-11\"}");
            refused(server, id, "{\"type\":\"moveSitting\",\"body\":\"PN\",\"from\":\"2021-03-10\",\"to\":\"2021-03-12\"}", "from");
            day = find(find(dataset(server, id).path("bodies"), "code", "PN").path("sittings"), "date", "2021-03-11");
            assertEquals("PROTOCOL", day.path("source").asText(), "a moved day keeps its source");
            assertEquals("protokoll 2021-01-20", day.path("note").asText());
            edit(server, id, "{\"type\":\"removeSitting\",\"body\":\"PN\",\"date\":\"2021-03-11\"}");
            refused(server, id, "{\"type\":\"removeSitting\",\"body\":\"PN\",\"date\":\"2021-03-11\"}", "date");

            // A year's sittings pasted from the body's sammanträdesplan, a date a line, text around it left.
            edit(server, id, "{\"type\":\"pasteSittings\",\"body\":\"PN\",\"year\":2021,\"source\":\"PROTOCOL\","
                    + "\"dates\":\"2021-02-03\\n2021-04-07 kl. 09.00\\n\\n2021-06-09\"}");
            List<String> days = new ArrayList<>();
            find(dataset(server, id).path("bodies"), "code", "PN").path("sittings").forEach(d -> days.add(d.path("date").asText()));
            assertEquals(List.of("2021-02-03", "2021-04-07", "2021-06-09"), days);
            assertTrue(refused(server, id, "{\"type\":\"pasteSittings\",\"body\":\"PN\",\"year\":2021,\"source\":\"PROTOCOL\","
                    + "\"dates\":\"2021-02-03\\n7 april\"}", "dates").startsWith("Rad 2: ”7 april” är inget datum år 2021"));
            refused(server, id, "{\"type\":\"pasteSittings\",\"body\":\"PN\",\"year\":2021,\"source\":\"PROTOCOL\","
                    + "\"dates\":\"2022-02-03\"}", "dates");

            // SKR's forecasts: added, moved, removed (not while work waits for it, unless asked).
            edit(server, id, "{\"type\":\"addForecast\",\"id\":\"SKR-2105\",\"date\":\"2021-05-20\",\"yearInFocus\":\"2022\"}");
            edit(server, id, "{\"type\":\"moveForecast\",\"id\":\"SKR-2105\",\"date\":\"2021-05-21\"}");
            JsonNode forecast = find(dataset(server, id).path("forecasts"), "id", "SKR-2105");
            assertEquals("2021-05-21", forecast.path("date").asText());
            assertEquals("SKR presenterar Skatteunderlagsprognos", forecast.path("name").asText());
            JsonNode placed = find(server.get("/api/scenarios/" + id + "/calendar").json().path("activities"), "id", "SKR-2105");
            assertEquals("2021-05-21", placed.path("date").asText());
            refused(server, id, "{\"type\":\"moveForecast\",\"id\":\"RP22-RS\",\"date\":\"2021-05-21\"}", "id");
            refused(server, id, "{\"type\":\"addForecast\",\"id\":\"SKR-2105\",\"date\":\"2021-05-20\"}", "id");
            assertTrue(refused(server, id, "{\"type\":\"removeForecast\",\"id\":\"SKR-2102\"}", "id").contains("SKR-2102 → PF22-RSAU"));
            edit(server, id, "{\"type\":\"removeForecast\",\"id\":\"SKR-2105\"}");
            assertEquals(null, find(dataset(server, id).path("forecasts"), "id", "SKR-2105"));

            // Office hours: a day that ends before it starts, or that a timed meeting of the dataset does not fit in, is refused.
            edit(server, id, "{\"type\":\"setOfficeHours\",\"start\":\"08:30\",\"end\":\"16:30\"}");
            assertTrue(dataset(server, id).path("officeStart").asText().startsWith("08:30"));
            refused(server, id, "{\"type\":\"setOfficeHours\",\"start\":\"16:00\",\"end\":\"08:00\"}", "end");
            assertTrue(refused(server, id, "{\"type\":\"setOfficeHours\",\"start\":\"13:00\",\"end\":\"13:30\"}", "end")
                    .contains("longer than the office hours"));
            RunningWorkspace.Response unknown = server.post("/api/scenarios/" + id + "/edits",
                    "{\"version\":" + version(server, id) + ",\"edit\":{\"type\":\"noSuchEdit\"}}");
            assertEquals(400, unknown.status());
            assertTrue(unknown.body().contains("fält edit"), unknown.body());
        }
    }

    @Test
    void anEditIsAVersionWithItsAuthorUndoneAsAnyAndAStaleOneIsAConflict(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = region(server);
            String planner = server.users().add("per", Role.PLANNER, null);
            String viewer = server.users().add("vera", Role.VIEWER, null);
            String addBody = "{\"version\":1,\"edit\":{\"type\":\"addBody\",\"code\":\"KF\",\"name\":\"Kulturnämnden\"}}";
            assertEquals(403, send(server, "/api/scenarios/" + id + "/edits", addBody, viewer).statusCode());
            assertEquals(403, send(server, "/api/scenarios/" + id + "/rollforward", "{\"year\":2022}", viewer).statusCode());
            HttpResponse<String> made = send(server, "/api/scenarios/" + id + "/edits", addBody, planner);
            assertEquals(200, made.statusCode(), made.body());
            // The same edit on the version it no longer is: 409 with the version there is now.
            HttpResponse<String> stale = send(server, "/api/scenarios/" + id + "/edits", addBody, planner);
            assertEquals(409, stale.statusCode(), stale.body());
            assertTrue(stale.body().contains("\"currentVersion\":2"), stale.body());
            HttpResponse<String> history = get(server, "/api/scenarios/" + id + "/history", viewer);
            JsonNode latest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.body()).get(0);
            assertEquals("per", latest.path("by").asText());
            assertEquals("edited", latest.path("event").path("type").asText());
            assertEquals("addBody", latest.path("event").path("edit").path("type").asText());
            assertEquals("Nytt organ KF (Kulturnämnden)", latest.path("what").asText());
            assertFalse(latest.path("savedAt").asText().isEmpty());
            // Undo: the version before, saved again; the body is gone from the dataset.
            HttpResponse<String> undone = send(server, "/api/scenarios/" + id + "/undo", "{\"version\":2}", planner);
            assertEquals(200, undone.statusCode(), undone.body());
            assertFalse(get(server, "/api/scenarios/" + id + "/dataset", viewer).body().contains("Kulturnämnden"));
        }
    }

    @Test
    void everyEditIsValidatedAsValidateDoesAndACheckSavesNothing(@TempDir Path dir) {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = region(server);
            // RS sits on 7 June and 7 September: a window of July and August leaves it no sitting.
            String summer = NEW_ACTIVITY.replace("\"2021-03-02\"", "\"2021-07-15\"").replace("}", ",\"earliest\":\"2021-07-01\","
                    + "\"latest\":\"2021-08-31\"}");
            String request = "{\"version\":1,\"edit\":{\"type\":\"addActivity\",\"activity\":" + summer + "}}";
            RunningWorkspace.Response checked = server.post("/api/scenarios/" + id + "/edits/check", request);
            assertEquals(200, checked.status(), checked.body());
            JsonNode finding = null;
            for (JsonNode f : checked.json()) {
                finding = f.path("item").asText().equals("EX-RS") && f.path("kind").asText().equals("CANNOT_BE_MET") ? f : finding;
            }
            assertEquals("bodies", finding.path("field").asText(), checked.body());
            assertEquals("activities.csv", finding.path("table").asText());
            assertTrue(finding.path("message").asText().contains("do not sit between 2021-07-01 and 2021-08-31"), finding.toString());
            assertEquals(1, version(server, id), "a check saves nothing");
            // The edit itself is taken (a planner may fix the window next) and says the same.
            JsonNode edited = edit(server, id, "{\"type\":\"addActivity\",\"activity\":" + summer + "}");
            assertTrue(edited.path("findings").toString().contains("do not sit between 2021-07-01 and 2021-08-31"));
            // What validate says of the dataset as it stands: the days its bodies have yet to confirm, each by item.
            JsonNode validation = server.get("/api/scenarios/" + id + "/validation").json();
            JsonNode confirm = null;
            for (JsonNode f : validation) {
                confirm = f.path("kind").asText().equals("TO_CONFIRM") && f.path("item").asText().startsWith("RS ") ? f : confirm;
            }
            assertEquals("sittings.csv", confirm.path("table").asText(), validation.toString());
            assertEquals("source", confirm.path("field").asText());
            assertTrue(confirm.path("line").asInt() > 1);
            assertTrue(validation.toString().contains("EX-RS"));
        }
    }

    @Test
    void nyttArRollsTheScenarioIntoANewOneWithWhatToConfirm(@TempDir Path dir) {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            long id = region(server);
            RunningWorkspace.Response rolled = server.post("/api/scenarios/" + id + "/rollforward", "{\"year\":2022}");
            assertEquals(201, rolled.status(), rolled.body());
            JsonNode result = rolled.json();
            long next = result.path("scenario").path("id").asLong();
            assertNotEquals(id, next);
            assertEquals("Region Jämtland Härjedalen, Tidplan 2022", result.path("scenario").path("name").asText());
            assertTrue(result.path("scenario").path("what").asText().startsWith("Nytt år 2022 från"));
            assertTrue(result.path("kept").toString().contains("RP22-RS 2021-06-07"), result.path("kept").toString());
            JsonNode budgetSitting = null;
            JsonNode forecast = null;
            for (JsonNode item : result.path("toConfirm")) {
                budgetSitting = item.path("kind").asText().equals("SITTING") && item.path("body").asText().equals("RF")
                        && item.path("date").asText().equals("2022-11-08") ? item : budgetSitting;
                forecast = item.path("kind").asText().equals("ACTIVITY") && item.path("activity").asText().equals("SKR-2202")
                        ? item : forecast;
            }
            assertTrue(budgetSitting.path("text").asText().startsWith("RF 2022-11-08: tillagd"), result.path("toConfirm").toString());
            assertTrue(forecast.path("text").asText().contains("confirm SKR's date"), forecast.toString());
            // Confirming the sitting takes it off the list.
            edit(server, next, "{\"type\":\"editSitting\",\"body\":\"RF\",\"date\":\"2022-11-08\",\"source\":\"PROTOCOL\","
                    + "\"note\":\"RF:s sammanträdesplan 2022\"}");
            assertFalse(server.get("/api/scenarios/" + next + "/validation").body().contains("RF 2022-11-08"));
            // The history tells the edit in the planners' words, the source too (sittings.csv writes "protocol").
            assertEquals("RF 2022-11-08: protokoll, RF:s sammanträdesplan 2022",
                    server.get("/api/scenarios/" + next + "/history").json().get(0).path("what").asText());
            RunningWorkspace.Response backwards = server.post("/api/scenarios/" + id + "/rollforward", "{\"year\":2021}");
            assertEquals(400, backwards.status());
            assertEquals("year", backwards.json().path("field").asText());
        }
    }

    @Test
    void anImportedCalendarListsTheRowsWithoutAChainOrAUnitOfTheirOwnUntilEdited(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            assertEquals("[]", server.get("/api/scenarios/" + region(server) + "/imported-rows").body());
            long id = server.upload("tidplan-2021.txt", java.nio.file.Files.readAllBytes(Path.of("../data/seed/tidplan-2021.txt")))
                    .json().path("id").asLong();
            JsonNode rows = server.get("/api/scenarios/" + id + "/imported-rows").json();
            assertTrue(rows.size() > 50, rows.toString());
            JsonNode guessed = null;
            for (JsonNode row : rows) {
                guessed = guessed == null && row.path("unitGuessed").asBoolean() && !row.path("noChain").asBoolean() ? row : guessed;
            }
            String rowId = guessed.path("id").asText();
            JsonNode fields = find(dataset(server, id).path("activities"), "id", rowId);
            ((com.fasterxml.jackson.databind.node.ObjectNode) fields).put("unit", "HSF");
            edit(server, id, "{\"type\":\"editActivity\",\"id\":\"" + rowId + "\",\"activity\":" + fields + "}");
            assertEquals(null, find(server.get("/api/scenarios/" + id + "/imported-rows").json(), "id", rowId));
        }
    }

    /**
     * A dataset of one activity for 2023, the region's settings otherwise: where a small chain is built by edits.
     */
    static byte[] smallDatasetZip() {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        String settings = DatasetFiles.embeddedDefault().get(se.rjh.tidplan.data.read.DatasetReader.SETTINGS);
        String year = settings.replace("\"start\": \"2020-05-01\", \"end\": \"2021-12-31\"", "\"start\": \"2023-01-01\", \"end\": \"2023-12-31\"");
        assertNotEquals(settings, year, "the region's settings.json changed shape");
        files.put("settings.json", year);
        files.put("bodies.csv", "Code,Name\n");
        files.put("sittings.csv", "Body,Date,Note\n");
        String header = DatasetFiles.embeddedDefault().get(se.rjh.tidplan.data.read.DatasetReader.ACTIVITIES).lines().findFirst().orElseThrow();
        files.put("activities.csv", header + "\n"
                + "START,2023-01-09,,P,,,,,Arbetet börjar,2024,,,,,,,,PoU,,,,,,\n");
        files.put("dependencies.csv", "Before,After,MinLag,Buffer,Unit,Reason\n");
        return DatasetFiles.zip(files);
    }

    @Test
    void aChainBuiltByEditsSolvesFromItsDatasetZipAsTheCommandLineSolvesIt(@TempDir Path dir) throws Exception {
        try (RunningWorkspace server = new RunningWorkspace(dir)) {
            RunningWorkspace.Response uploaded = server.upload("liten.zip", smallDatasetZip());
            assertEquals(201, uploaded.status(), uploaded.body());
            long id = uploaded.json().path("id").asLong();
            // The first body of the dataset comes with its sitting days (a dataset's bodies need some).
            refused(server, id, "{\"type\":\"addBody\",\"code\":\"NY\",\"name\":\"Nämnden\"}", "dates");
            edit(server, id, "{\"type\":\"addBody\",\"code\":\"NY\",\"name\":\"Nämnden\",\"source\":\"PROTOCOL\","
                    + "\"dates\":\"2023-02-14\\n2023-04-18\\n2023-06-13\"}");
            edit(server, id, "{\"type\":\"addActivity\",\"activity\":{\"id\":\"A\",\"name\":\"Underlaget skrivs\",\"date\":\"2023-05-02\","
                    + "\"processes\":[\"B\"],\"unit\":\"PoU\"}}");
            edit(server, id, "{\"type\":\"addActivity\",\"activity\":{\"id\":\"B\",\"name\":\"Nämnden beslutar\",\"date\":\"2023-02-14\","
                    + "\"processes\":[\"B\"],\"bodies\":[\"NY\"],\"unit\":\"PoU\"}}");
            edit(server, id, "{\"type\":\"addActivity\",\"activity\":{\"id\":\"C\",\"name\":\"Beslutet meddelas\",\"date\":\"2023-01-16\","
                    + "\"processes\":[\"B\"],\"unit\":\"PoU\"}}");
            edit(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"A\",\"after\":\"B\",\"minLag\":1,\"buffer\":3}}");
            edit(server, id, "{\"type\":\"addDependency\",\"dependency\":{\"before\":\"B\",\"after\":\"C\",\"minLag\":1}}");
            JsonNode solved = server.solve(id);
            assertTrue(solved.path("score").asText().startsWith("0hard/"), solved.toString());
            java.util.Map<String, String> dates = new java.util.HashMap<>();
            server.get("/api/scenarios/" + id + "/calendar").json().path("activities")
                    .forEach(a -> dates.put(a.path("id").asText(), a.path("date").asText()));
            assertTrue(dates.get("A").compareTo(dates.get("B")) < 0 && dates.get("B").compareTo(dates.get("C")) < 0, dates.toString());
            assertTrue(List.of("2023-02-14", "2023-04-18", "2023-06-13").contains(dates.get("B")), "B on a sitting of NY: " + dates);

            // The dataset.zip, unpacked as a folder and solved as solve does (its settings' counted limits): the same bytes.
            Path folder = dir.resolve("utpackad");
            java.nio.file.Files.createDirectories(folder);
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(server.bytes("/api/scenarios/" + id
                    + "/dataset.zip")))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    java.nio.file.Files.write(folder.resolve(Path.of(entry.getName()).getFileName()), zip.readAllBytes());
                }
            }
            se.rjh.tidplan.data.Dataset dataset = se.rjh.tidplan.planning.Planner.load(folder);
            String cli = se.rjh.tidplan.data.write.CalendarCsvWriter.text(se.rjh.tidplan.planning.Planner.solve(dataset,
                    se.rjh.tidplan.planning.Planner.Search.of(dataset, 1), best -> { },
                    se.rjh.tidplan.planning.StopSignal.none()).schedule());
            assertEquals(cli, server.get("/api/scenarios/" + id + "/calendar.csv?format=plain").body());
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(RunningWorkspace server, String path, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(RunningWorkspace server, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

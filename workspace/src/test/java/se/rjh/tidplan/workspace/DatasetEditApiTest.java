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
            assertEquals("09:30:00", activity.path("start").asText().length() == 5 ? activity.path("start").asText() + ":00"
                    : activity.path("start").asText());
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
            refused(server, id, "{\"type\":\"editActivity\",\"id\":\"NO-SUCH\",\"activity\":" + body + "}", "id");

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
            refused(server, id, "{\"type\":\"unpinActivity\",\"id\":\"RP22-RS\"}", "id");

            // Removing what a chain depends on is refused with the chain, unless asked; then the steps go too.
            String chain = refused(server, id, "{\"type\":\"removeActivity\",\"id\":\"RP22-RSAU\"}", "id");
            assertTrue(chain.contains("RP22-CSG -> RP22-RSAU") && chain.contains("RP22-RSAU -> RP22-RS"), chain);
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
            edit(server, id, "{\"type\":\"removeDependency\",\"before\":\"RP22-RS\",\"after\":\"EX-RS\"}");
            assertFalse(dataset(server, id).path("dependencies").toString().contains("EX-RS"));
            refused(server, id, "{\"type\":\"removeDependency\",\"before\":\"RP22-RS\",\"after\":\"EX-RS\"}", "after");
        }
    }
}

package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

class ScriptJsonTest {

    @Test
    void aNameThatWouldEndTheScriptStaysInsideItsString() throws Exception {
        Map<String, List<String>> chain = Map.of("RP22-RF</script><script>alert(1)</script>\u2028",
                List.of("<!-- a & b -->", "rad\u2029\u0001\tslut"));
        String json = ScriptJson.of(chain).json();
        for (String unsafe : List.of("<", ">", "&", "\u2028", "\u2029", "\u0001", "\t")) {
            assertFalse(json.contains(unsafe), "unescaped " + unsafe.codePointAt(0) + " in " + json);
        }
        assertTrue(json.contains("\\u003C/script\\u003E") && json.contains("\\u2028"), json);
        // And it is the same data, read back.
        assertEquals(chain, new ObjectMapper().readValue(json, new TypeReference<Map<String, List<String>>>() { }));
    }
}

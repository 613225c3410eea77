package kursus.rnn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writeThenParseGivesBackTheSameValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("display_name", "Java 17 \u00b7 Kursus \"RNN\"\\ \n\t");
        m.put("argv", List.of("a", "{resource_dir}/x.jar"));
        m.put("n", 3L);
        m.put("ok", true);
        m.put("none", null);
        m.put("empty", Map.of());
        assertEquals(m, Json.parse(Json.write(m)));
    }

    @Test
    void unicodeEscapesAreDecoded() {
        assertEquals("\u00b7", Json.parse("\"\\u00b7\""));
    }

    @Test
    void malformedInputNamesTheOffset() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2}"));
        assertEquals("JSON: expected ']' at offset 11", e.getMessage());
    }
}

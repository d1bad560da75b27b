package dev.waymark.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final String TRICKY = "a\"b\\c\nd\re\tf\u0001g\u007fh\u2028i\u2029j</script><!--&amp;";

    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", TRICKY);
        m.put("n", 42);
        m.put("b", true);
        m.put("z", null);
        m.put("l", Arrays.asList(1.5, "x", null, List.of()));
        m.put("k<", Map.of());
        return m;
    }

    @Test
    void pageJsonCannotCloseItsScriptElementOrStartMarkup() {
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007fh\\u2028i\\u2029j\\u003c/script\\u003e\\u003c!--\\u0026amp;\","
                + "\"n\":42,\"b\":true,\"z\":null,\"l\":[1.5,\"x\",null,[]],\"k\\u003c\":{}}", Json.write(sample()));
    }

    @Test
    void reportJsonKeepsMarkupCharactersAsTheyAre() {
        StringBuilder sb = new StringBuilder();
        Json.writeReport(sample(), sb);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007fh\\u2028i\\u2029j</script><!--&amp;\","
                + "\"n\":42,\"b\":true,\"z\":null,\"l\":[1.5,\"x\",null,[]],\"k<\":{}}", sb.toString());
    }
}

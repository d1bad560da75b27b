package dev.waymark.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatJsonTest {
    /**
     * A finding seen in a built file carries {@code output} with its keys in one order, file then line, in every run
     * (they came from Map.of, whose order is salted per JVM, so the same site gave different bytes run to run).
     */
    @Test
    void outputKeysComeInAFixedOrder() {
        Diagnostic d = new Diagnostic(Severity.ERROR, SourcePosition.of(Path.of("content/a.md"), 3), "broken-link",
                "a href \"x\" points to a file that does not exist", "", Optional.of(SourcePosition.of(Path.of("a/index.html"), 40)));
        assertEquals("{\"diagnostics\":[{\"severity\":\"error\",\"code\":\"broken-link\",\"file\":\"content/a.md\",\"line\":3,\"column\":1,"
                + "\"message\":\"a href \\\"x\\\" points to a file that does not exist\",\"hint\":\"\","
                + "\"output\":{\"file\":\"a/index.html\",\"line\":40}}]",
                Format.JSON.diagnostics(List.of(d)).lines().findFirst().orElseThrow().replaceFirst(",\"summary\".*$", ""));
    }
}

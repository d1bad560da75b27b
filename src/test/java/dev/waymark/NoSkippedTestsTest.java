package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No test may pass by doing nothing: no assumption, no disabled test, no early return when a tool is missing. A
 * missing browser or axe-core fails (see support/Browser and support/Axe), on every machine and under CI=true alike.
 */
class NoSkippedTestsTest {
    // assembled, so this file does not match itself
    private static final List<String> FORBIDDEN = List.of("@" + "Disabled", "Assum" + "ptions", "assume" + "True(",
            "assume" + "False(", "assuming" + "That(", "getenv(\"CI\") == null) " + "return");

    @Test
    void noTestSkipsOrReturnsEarlyWhenAToolIsMissing() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Run.ROOT.resolve("src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (String bad : FORBIDDEN) {
                        if (lines.get(i).contains(bad)) found.add(Run.ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}

package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every folder under {@code src/test/resources/errors/} is one broken site: its {@code content/} must fail the build
 * with exit code 1, print each line of {@code expected.txt}, write nothing, and never print a stack trace.
 */
class ErrorCasesTest {
    static final Path CASES = Run.ROOT.resolve("src/test/resources/errors");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenContentFailsWithPositionedError(String name, @TempDir Path tmp) throws IOException {
        Path dir = CASES.resolve(name);
        Path out = tmp.resolve("site");
        Run.Outcome r = Run.build(dir.resolve("content"), out);
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertEquals(1, r.exitCode(), () -> "exit code for " + name + "\n" + r.err());
        for (String line : expected) {
            assertTrue(r.err().contains(line), () -> "expected \"" + line + "\" in:\n" + r.err());
        }
        assertFalse(r.err().contains("Exception"), () -> "no stack trace:\n" + r.err());
        assertFalse(Files.exists(out), "a failed build writes nothing");
    }
}

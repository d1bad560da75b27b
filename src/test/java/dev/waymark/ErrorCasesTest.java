package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.waymark.diag.ProblemCodesTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every folder under {@code src/test/resources/errors/} is one broken site: its {@code content/} must fail the build
 * with exit code 1, print exactly {@code expected.txt} (the whole of stderr, so an extra or a misleading error fails
 * the test), print nothing on stdout, and write nothing.
 *
 * <p>Paths in the output are shown relative to the case folder, and the output folder as {@code site}. After a
 * deliberate change of messages, {@code -Dwaymark.goldens=write} rewrites the files; review them with {@code git diff}.
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
    void brokenContentFailsWithExactlyTheExpectedErrors(String name, @TempDir Path tmp) throws IOException {
        Path dir = CASES.resolve(name);
        Path out = tmp.resolve("site");
        Run.Outcome r = Run.build(dir.resolve("content"), out);
        String shown = Run.ROOT.relativize(dir).toString().replace('\\', '/') + "/";
        String err = r.err().replace(shown, "").replace(out.toString(), "site");
        Path golden = dir.resolve("expected.txt");
        if ("write".equals(System.getProperty("waymark.goldens"))) {
            Files.writeString(golden, err, StandardCharsets.UTF_8);
        }
        assertEquals(new Run.Outcome(1, "", Files.readString(golden, StandardCharsets.UTF_8)), new Run.Outcome(r.exitCode(), r.out(), err), name);
        assertFalse(Files.exists(out), "a failed build writes nothing");
    }

    /** Every problem a broken site reports has a stable code, and that code is one the README documents. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyReportedProblemHasADocumentedCode(String name, @TempDir Path tmp) throws IOException {
        Run.Outcome r = Run.build(CASES.resolve(name).resolve("content"), tmp.resolve("site"), "--format", "json");
        List<String> codes = Pattern.compile("\\{\"severity\":\"[a-z]+\",\"code\":\"([^\"]*)\"").matcher(r.out()).results()
                .map(m -> m.group(1)).toList();
        assertEquals(r.out().split("\"severity\":", -1).length - 1, codes.size(), r.out());
        assertFalse(codes.isEmpty(), name + " reports no problem: " + r.out());
        Set<String> documented = ProblemCodesTest.documented();
        for (String code : codes) {
            assertTrue(documented.contains(code), name + ": \"" + code + "\" is not a documented problem code in " + r.out());
        }
    }
}

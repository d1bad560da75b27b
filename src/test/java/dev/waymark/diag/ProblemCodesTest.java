package dev.waymark.diag;

import dev.waymark.check.CheckKind;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every problem has a stable code, and the README's "Problem codes" lists exactly the codes the code base can emit:
 * a new code without documentation, or a documented code nothing emits, fails here.
 */
public class ProblemCodesTest {
    private static final Pattern CODE_ARGUMENT = Pattern.compile("\\.(?:error|warning)\\(\\s*\"([a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`");

    /** The codes that src/main passes to Diagnostic.error/warning and Diagnostics.error/warning, plus check's kinds. */
    static Set<String> emitted() throws IOException {
        Set<String> codes = new TreeSet<>(CheckKind.ALL);
        try (Stream<Path> files = Files.walk(Run.ROOT.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_ARGUMENT.matcher(Files.readString(f));
                while (m.find()) codes.add(m.group(1));
            }
        }
        return codes;
    }

    /** The codes the README's "Problem codes" section lists (each bullet's list after its first colon). */
    public static Set<String> documented() throws IOException {
        String readme = Files.readString(Run.ROOT.resolve("README.md"));
        int start = readme.indexOf("### Problem codes");
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> codes = new TreeSet<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("- ") && !line.startsWith("  ")) continue;
            String list = line.startsWith("- ") ? line.substring(line.indexOf(": ") + 1) : line;
            Matcher m = BACKTICKED.matcher(list);
            while (m.find()) codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void theReadmeListsExactlyTheCodesTheBuildCanEmit() throws IOException {
        assertEquals(emitted(), documented());
    }

    @Test
    void aDiagnosticWithoutACodeCannotBeMade() {
        SourcePosition at = SourcePosition.of(Path.of("content/a.md"), 1);
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic(Severity.ERROR, at, "", "m", "h", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic(Severity.ERROR, at, null, "m", "h", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Diagnostic.warning("Not Kebab", at, "m", "h"));
    }
}

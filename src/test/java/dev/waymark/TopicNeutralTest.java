package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Waymark ships with a guide about web frameworks, but the tool is for any topic: a person starting a guide about
 * message queues or object storage must not meet the bundled guide's words in a message, a hint, the {@code init}
 * scaffold, a theme or the content-model documentation that the release archive carries.
 */
class TopicNeutralTest {
    private static final Pattern FRAMEWORK = Pattern.compile(
            "(?i)\\b(fastapi|django|flask|litestar|starlette|asgi|wsgi|orm|sqlalchemy|pydantic|uvicorn|gunicorn|celery|python)\\b");
    /** The highlighter's table of language names is not prose: "python" there is the language a fence names. */
    private static final Path LANGUAGE_TABLE = Path.of("src/main/java/dev/waymark/render/CodeHighlighter.java");

    @Test
    void noMessageScaffoldThemeOrShippedDocMentionsTheBundledGuidesTopic() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/main/resources", "themes")) {
            try (Stream<Path> files = Files.walk(Run.ROOT.resolve(root))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path rel = Run.ROOT.relativize(f);
                    if (rel.equals(LANGUAGE_TABLE) || !text(f)) continue;
                    scan(rel, Files.readString(f, StandardCharsets.UTF_8), FRAMEWORK, found);
                }
            }
        }
        // CONTRIBUTING.md lists the languages code fences highlight, Python among them; no framework word
        Pattern frameworks = Pattern.compile(FRAMEWORK.pattern().replace("|python", ""));
        scan(Path.of("CONTRIBUTING.md"), Files.readString(Run.ROOT.resolve("CONTRIBUTING.md")), frameworks, found);
        scan(Path.of("CONTRIBUTING.md"), Files.readString(Run.ROOT.resolve("CONTRIBUTING.md")), Pattern.compile("```python"), found);
        assertEquals(List.of(), found);
    }

    private static boolean text(Path f) {
        String n = f.getFileName().toString();
        return n.matches(".*\\.(java|jte|md|txt|yaml|yml|properties|js|css|json|html|svg)") || n.equals("gitignore");
    }

    private static void scan(Path file, String text, Pattern words, List<String> found) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = words.matcher(lines[i]);
            while (m.find()) found.add(file + ":" + (i + 1) + ":" + (m.start() + 1) + ": " + m.group());
        }
    }
}

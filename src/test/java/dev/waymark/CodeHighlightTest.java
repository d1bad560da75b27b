package dev.waymark;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Build-time highlighting of fenced code: token spans per language, plain text for the unknown, marked lines. */
class CodeHighlightTest {
    static final Path CODE = Run.ROOT.resolve("src/test/resources/sites/code/content");
    @TempDir
    static Path tmp;
    static Run.Outcome built;
    static Document page;

    @BeforeAll
    static void build() {
        built = Run.build(CODE, tmp.resolve("site"));
        assertEquals(0, built.exitCode(), built.err());
        page = Run.html(tmp.resolve("site/index.html"));
    }

    private static Element code(String language) {
        Element e = page.selectFirst("div.code > pre[tabindex=0] > code.language-" + language);
        assertTrue(e != null, "no code block for " + language);
        return e;
    }

    @Test
    void everyRequiredLanguageGetsItsKeyTokensColoured() {
        // language -> {css class, text of a token that must carry it}
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("python", List.of("hl-k", "def")),
                Map.entry("sh", List.of("hl-k", "for")),
                Map.entry("yaml", List.of("hl-s", "\"python:3.12-slim\"")),
                Map.entry("toml", List.of("hl-m", "[project]")),
                Map.entry("json", List.of("hl-n", "2")),
                Map.entry("dockerfile", List.of("hl-k", "FROM")),
                Map.entry("sql", List.of("hl-k", "SELECT")),
                Map.entry("html", List.of("hl-v", "action")),
                Map.entry("javascript", List.of("hl-k", "await")),
                Map.entry("ts", List.of("hl-k", "interface")),
                Map.entry("java", List.of("hl-m", "@Deprecated")));
        expected.forEach((lang, want) -> {
            List<String> texts = code(lang).select("span." + want.get(0)).eachText();
            assertTrue(texts.contains(want.get(1)), lang + ": " + want + " not in " + texts);
        });
        assertEquals("# a comment", code("python").select("span.hl-c").text());
        assertEquals("// a module", code("javascript").select("span.hl-c").text());
    }

    @Test
    void highlightingKeepsTheCodeTextExactly() {
        assertEquals("    \"\"\"Return one item; the docstring\n", code("python").select("mark").get(1).wholeText());
        assertEquals("services:\n  web:\n    image: \"python:3.12-slim\"   # pinned\n    ports: [8000, 8443]\n    debug: false\n",
                code("yaml").wholeText());
        // Embedded script in HTML is text, never an element.
        assertTrue(page.select("script:not([src]):not([type=application/ld+json])").isEmpty());
        assertTrue(code("html").wholeText().contains("<script>const answer = 42;"));
        assertTrue(code("html").wholeText().contains("value=\"a &amp; b\""));
    }

    @Test
    void unknownLanguagesAndBareFencesRenderPlainWithoutWarnings() {
        Element unknown = code("brainfuck-but-not-really");
        assertEquals(0, unknown.children().size());
        assertEquals("+++ <not a tag> & friends\n", unknown.wholeText());
        Element bare = page.select("div.code > pre > code:not([class])").first();
        assertEquals("no language at all\n", bare.wholeText());
        assertEquals("", built.err());
    }

    @Test
    void markedLinesAreWrappedInMarks() {
        List<Element> marks = code("python").select("mark.hl-line");
        assertEquals(2, marks.size());
        assertTrue(marks.get(0).text().startsWith("async def read_item"), marks.get(0).text());
        assertTrue(code("sh").select("mark").isEmpty());
    }

    @Test
    void aBadLineSpecIsAPositionedWarningAndTheBlockStillRenders(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), "title: T\ndescription: D\n");
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: d\n---\n\nText.\n\n```python {hl=2-9}\nx = 1\ny = 2\n```\n\n```sh {lines=1}\nls\n```\n");
        Run.Outcome r = Run.build(content, dir.resolve("site"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("index.md:8:1: warning: lines `2-9` are outside the block's 2 lines"), r.err());
        assertTrue(r.err().contains("index.md:13:1: warning: unknown code block options `{lines=1}`"), r.err());
        Document doc = Run.html(dir.resolve("site/index.html"));
        assertEquals("x = 1\ny = 2\n", doc.selectFirst("code.language-python").wholeText());
        assertTrue(doc.select("mark").isEmpty());
    }

    @Test
    void highlightedOutputIsByteIdenticalAcrossBuilds(@TempDir Path dir) throws Exception {
        assertEquals(0, Run.build(CODE, dir.resolve("again"), "--quiet").exitCode());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("site/index.html")), Files.readAllBytes(dir.resolve("again/index.html")));
    }
}

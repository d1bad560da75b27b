package dev.waymark;

import dev.waymark.model.UrlParts;
import dev.waymark.support.Run;
import dev.waymark.links.SiteLinks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken input. Each case either fails with a clear positioned error or builds safe output: no script
 * but the theme's own files, no event handler, no javascript: URL, no markup breaking out of embedded JSON. Nothing is
 * ever written outside the output folder, no case prints a stack trace, and each finishes within seconds.
 */
class HostileInputTest {
    /** Attributes that hold a URL a browser may follow or load. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster", "cite",
            "data", "xlink:href", "background", "ping");
    static final Path CASES = Run.ROOT.resolve("src/test/resources/hostile");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputIsRefusedOrMadeSafe(String name, @TempDir Path tmp) throws IOException {
        List<String> expected = Files.readAllLines(CASES.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8);
        Path content = tmp.resolve("content");
        Run.copyTree(CASES.resolve(name).resolve("content"), content);
        check(content, tmp, expected.get(0).equals("ok"), expected.subList(1, expected.size()));
    }

    static void check(Path content, Path tmp, boolean ok, List<String> lines) throws IOException {
        // a guard against hangs, not a speed test: the first case also pays for JIT warm-up on a loaded machine
        check(content, tmp, ok, lines, Duration.ofSeconds(90));
    }

    static void check(Path content, Path tmp, boolean ok, List<String> lines, Duration limit) throws IOException {
        Path site = tmp.resolve("site");
        Run.Outcome r = assertTimeoutPreemptively(limit, () -> Run.build(content, site));
        assertEquals(ok ? 0 : 1, r.exitCode(), r.err());
        for (String line : lines) {
            if (!line.isBlank()) assertTrue(r.err().contains(line), () -> "expected \"" + line + "\" in:\n" + r.err());
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(ok ? List.of("content", "site") : List.of("content"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written outside the output folder");
        }
        if (ok) assertSafe(site);
    }

    static void assertSafe(Path site) throws IOException {
        for (Path file : Run.htmlFiles(site)) {
            Document doc = Run.html(file);
            for (Element script : doc.select("script")) {
                boolean themeScript = script.attr("src").matches("(\\.\\./)*assets/[a-z]+\\.[0-9a-f]{10}\\.js|/.*assets/[a-z]+\\.[0-9a-f]{10}\\.js");
                boolean data = (script.attr("type").equals("application/json") || script.attr("type").equals("application/ld+json"))
                        && !script.data().toLowerCase(Locale.ROOT).contains("</script");
                assertTrue(themeScript || data, file + ": unexpected script " + script.outerHtml());
            }
            for (Element el : doc.getAllElements()) {
                for (var a : el.attributes()) {
                    assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), file + ": event handler " + el.outerHtml());
                    assertFalse(a.getKey().equalsIgnoreCase("style"), file + ": inline style " + el.outerHtml());
                    assertFalse(a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:"), file + ": javascript URL " + el.outerHtml());
                    if (URL_ATTRIBUTES.contains(a.getKey().toLowerCase(Locale.ROOT))) {
                        String scheme = UrlParts.scheme(a.getValue().strip());
                        assertTrue(scheme == null || SiteLinks.SAFE_SCHEMES.contains(scheme), file + ": unsafe URL " + el.outerHtml());
                    }
                }
                assertFalse(List.of("iframe", "base", "object", "embed").contains(el.tagName()), file + ": " + el.tagName());
                if (el.tagName().equals("form")) assertTrue(el.hasClass("search"), file + ": a form from the content " + el.outerHtml());
                if (el.tagName().equals("meta")) assertFalse(el.attr("http-equiv").equalsIgnoreCase("refresh"), file + ": meta refresh");
            }
        }
    }

    private static void page(Path content, String body) throws IOException {
        Files.createDirectories(content);
        Files.writeString(content.resolve("index.md"), "---\ntitle: Big\ndescription: d\n---\n\n" + body);
    }

    @Test
    void aTenMegabytePageBuilds(@TempDir Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 10_000_000; i++) {
            sb.append("Paragraph ").append(i).append(" with **bold** text and a [link](#top).\n\n");
        }
        page(tmp.resolve("content"), sb.toString());
        // A hang guard, not a speed test (speed is in bench/ and the two-size linearity test): 10 MB takes ~11 s on a quiet
        // 2-core machine and timed out at 90 s under a load average of 30, so the guard is generous.
        check(tmp.resolve("content"), tmp, true, List.of(), Duration.ofSeconds(600));
    }

    @Test
    void linkTitlesWhoseCloserComesOnlyEscapedBuild(@TempDir Path tmp) throws IOException {
        // the title pattern read "\\)" as an escaped closer up to the end of the paragraph, a few stack frames per
        // character: this overflowed the 64 MB stack and was reported as lists or quotes nested too deeply, at 1:1
        page(tmp.resolve("content"), "[a](b (\\)".repeat(20_000) + "\n");
        check(tmp.resolve("content"), tmp, true, List.of());
        assertEquals("[a](b ()".repeat(20_000), Run.html(tmp.resolve("site/index.html")).select("main p").last().text());
    }

    @Test
    void aBlockTooLongForTheParserIsNamedAtItsLine(@TempDir Path tmp) throws IOException {
        // one HTML tag of 1 MB: flexmark's tag pattern takes stack frames per attribute and overflows the 64 MB stack;
        // the error names the block, not lists or quotes (which are measured before parsing) at 1:1
        page(tmp.resolve("content"), "Intro.\n\n<a " + "b='c' ".repeat(170_000) + ">\n\nAfter.\n");
        Path site = tmp.resolve("site");
        Run.Outcome r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Run.build(tmp.resolve("content"), site));
        assertEquals(tmp.resolve("content").resolve("index.md") + ":8:1: error: this block is too long or too deeply nested for the"
                + " Markdown parser (it ran out of stack) [markdown-depth]\n    hint: split it into shorter paragraphs, and keep"
                + " emphasis, links and HTML tags from nesting or running on for thousands of characters\n"
                + "build failed: 1 error; " + site + " was left unchanged\n", r.err());
        assertEquals(1, r.exitCode());
    }

    private static String tooDeep(String at) {
        return at + ": error: block quotes and lists are nested more than 64 levels deep here [markdown-depth]\n"
                + "    hint: flatten the nesting: split the list or quote into sections with headings\n";
    }

    @Test
    void listsNestedThreeThousandDeepAreRefusedWhereTheyPassTheLimit(@TempDir Path tmp) throws IOException {
        // flexmark's block parser costs about n³ here: 3,000 levels took over eight minutes before this limit
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        page(tmp.resolve("content"), sb.toString());
        Path site = tmp.resolve("site");
        Run.Outcome r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Run.build(tmp.resolve("content"), site));
        assertEquals(tooDeep(tmp.resolve("content").resolve("index.md") + ":70:129")
                + "build failed: 1 error; " + site + " was left unchanged\n", r.err());
        assertEquals(1, r.exitCode());
    }

    @Test
    void quotesAndListsNestedInOtherWaysAreRefusedToo(@TempDir Path tmp) throws IOException {
        StringBuilder lazy = new StringBuilder();
        for (int i = 0; i < 2000; i++) lazy.append("  ".repeat(i)).append("1. item\nlazy text\n");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(">".repeat(5000) + " deep\n", ":6:65");
        cases.put("> - ".repeat(3000) + "x\n", ":6:129");
        cases.put(lazy.toString(), ":196:191");
        int n = 0;
        for (var c : cases.entrySet()) {
            Path content = tmp.resolve("case" + n++).resolve("content");
            page(content, c.getKey());
            Run.Outcome r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Run.build(content, content.resolveSibling("site")));
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().startsWith(tooDeep(content.resolve("index.md") + c.getValue())), r.err());
        }
    }

    @Test
    void sixtyFourLevelsStillBuild(@TempDir Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i++) sb.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        page(tmp.resolve("content"), sb.toString() + "\n" + "> ".repeat(64) + "quoted\n");
        check(tmp.resolve("content"), tmp, true, List.of());
        Document doc = Run.html(tmp.resolve("site/index.html"));
        assertEquals("item 63", doc.select("main " + "ul > li > ".repeat(63) + "ul > li").text());
        assertEquals("quoted", doc.select("main " + "blockquote > ".repeat(64) + "p").text());
    }

    @Test
    void tenThousandHeadingsBuild(@TempDir Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) sb.append("## Heading ").append(i % 50).append("\n\nText.\n\n");
        page(tmp.resolve("content"), sb.toString());
        check(tmp.resolve("content"), tmp, true, List.of());
        assertTrue(Files.readString(tmp.resolve("site/index.html")).contains("id=\"heading-0-1\""), "repeated headings get unique ids");
    }

    @Test
    void aSymlinkOutOfTheContentFolderIsRefused(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        page(content, "Text.\n");
        Path outside = Files.createDirectories(tmp.resolve("outside-dir")).resolve("secret.md");
        Files.writeString(outside, "---\ntitle: Secret\n---\n");
        Files.createSymbolicLink(content.resolve("leak.md"), outside);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("content/leak.md:1:1: error: symlink points outside the content folder"), r.err());
        assertFalse(Files.exists(tmp.resolve("site")));
    }

    @Test
    void aSiteConfigSymlinkedFromOutsideTheContentFolderIsRefused(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        page(content, "Text.\n");
        Path outside = Files.createDirectories(tmp.resolve("outside-dir")).resolve("site.yaml");
        Files.writeString(outside, "title: Not ours\n");
        Files.createSymbolicLink(content.resolve("site.yaml"), outside);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("content/site.yaml:1:1: error: site.yaml is a symlink to a file outside the content folder"), r.err());
        assertFalse(Files.exists(tmp.resolve("site")));
    }

    @Test
    void aContentFileCannotReplaceTheThemesScript(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        page(content, "Text.\n");
        Path first = tmp.resolve("first");
        assertEquals(0, Run.build(content, first).exitCode());
        String script;
        try (Stream<Path> s = Files.list(first.resolve("assets"))) {
            script = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("theme\\.[0-9a-f]{10}\\.js")).findFirst().orElseThrow();
        }
        Files.createDirectories(content.resolve("assets"));
        Files.writeString(content.resolve("assets").resolve(script), "alert(1)\n");
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("content/assets/" + script + ":1:1: error: this file would replace assets/" + script
                + ", which Waymark copies from the theme"), r.err());
        assertFalse(Files.exists(tmp.resolve("site")));
    }
}

package dev.waymark.check;

import dev.waymark.links.SourceMap;
import dev.waymark.support.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Waymark-built site carries the source map its build recorded while rendering, so {@code check} (and
 * {@code build --strict}) report a finding at the Markdown line and column that produced it, with no
 * {@code --project} and no searching the Markdown for the same text: raw HTML included, and a second link with the
 * same text or URL at its own line. Paths open from the current folder.
 */
class SourceMapTest {
    private static final String INDEX = """
            ---
            title: Home
            ---

            Intro with <a href="missing.html">x</a> in a sentence.

            [x](other.md) and again:
            <a href="missing.html">x</a>

            <div class="raw">
              <p>Text <img src="gone.png" alt="gone"> and <a href="other/index.html#nowhere">there</a></p>
            </div>
            """;
    private static final String OTHER = """
            ---
            title: Other
            ---

            Back [home](index.md).
            """;

    private Path dir;

    @BeforeEach
    void guide() throws IOException {
        // under the working folder, so the annotations show paths relative to it, as on CI
        dir = Files.createTempDirectory(Run.ROOT.resolve("target"), "source-map-");
        Path content = Files.createDirectories(dir.resolve("g/content"));
        Files.writeString(content.resolve("site.yaml"), "title: G\nraw_html: trust\n");
        Files.writeString(content.resolve("index.md"), INDEX);
        Files.writeString(content.resolve("other.md"), OTHER);
    }

    @AfterEach
    void clean() {
        dev.waymark.write.SiteWriter.deleteTree(dir);
    }

    private String rel() {
        return Run.ROOT.relativize(dir).toString().replace('\\', '/');
    }

    @Test
    void checkReportsRawHtmlFindingsAtTheirMarkdownLineWithoutProject() {
        Path site = dir.resolve("g/site");
        assertEquals(0, Run.build(dir.resolve("g/content"), site).exitCode());
        String md = rel() + "/g/content/index.md";
        Run.Outcome r = Run.waymark("check", Path.of(rel()).resolve("g/site").toString(), "--format", "github",
                "--severity", "orphan-page=off");
        assertEquals(new Run.Outcome(1, """
                ::error file=%1$s,line=5,col=15,title=broken-link::a href "missing.html" points to a file that does not exist (in index.html:%2$s)
                ::error file=%1$s,line=8,col=4,title=broken-link::a href "missing.html" points to a file that does not exist (in index.html:%3$s)
                ::error file=%1$s,line=11,col=16,title=broken-link::img src "gone.png" points to a file that does not exist (in index.html:%4$s)
                ::error file=%1$s,line=11,col=50,title=broken-anchor::link to "#nowhere": no element with that id in other/index.html (in index.html:%4$s)
                """.formatted(md, line(site, "missing.html", 0), line(site, "missing.html", 1), line(site, "gone.png", 0)),
                ""), new Run.Outcome(r.exitCode(), r.out().lines().filter(l -> l.startsWith("::")).map(l -> l + "\n")
                .reduce("", String::concat), r.err()));
    }

    @Test
    void aTranslationsFindingsPointAtItsOwnMarkdownAndAFallbackPageAtTheDefaultOne() throws IOException {
        Path content = dir.resolve("g/content");
        Files.writeString(content.resolve("site.yaml"), "title: G\nraw_html: trust\nlanguages:\n  - {code: en, name: English}\n"
                + "  - {code: fr, name: Français}\n");
        Files.createDirectories(content.resolve("fr"));
        Files.writeString(content.resolve("fr/index.md"), """
                ---
                title: Accueil
                ---

                Voir [l’autre](other.md).

                Une <a href="absent.html">image</a> perdue.
                """);
        Files.writeString(content.resolve("extra.md"), """
                ---
                title: Extra
                ---

                Not translated: <a href="nowhere.html">a link</a>.
                """);
        Path site = dir.resolve("g/site");
        assertEquals(0, Run.build(content, site).exitCode());
        Run.Outcome r = Run.waymark("check", Path.of(rel()).resolve("g/site").toString(), "--format", "github",
                "--severity", "orphan-page=off");
        // the annotation's position and the page it is on (its HTML line left out)
        List<String> found = r.out().lines().filter(l -> l.startsWith("::"))
                .map(l -> l.replaceFirst(",title=.*\\(in ", " (in ").replaceFirst(":\\d+\\)$", ")")).sorted().toList();
        String md = rel() + "/g/content/";
        assertEquals(List.of(
                "::error file=" + md + "extra.md,line=5,col=20 (in extra/index.html)",
                "::error file=" + md + "extra.md,line=5,col=20 (in fr/extra/index.html)",
                "::error file=" + md + "fr/index.md,line=7,col=8 (in fr/index.html)",
                "::error file=" + md + "index.md,line=11,col=16 (in index.html)",
                "::error file=" + md + "index.md,line=11,col=50 (in index.html)",
                "::error file=" + md + "index.md,line=5,col=15 (in index.html)",
                "::error file=" + md + "index.md,line=8,col=4 (in index.html)"), found);
    }

    @Test
    void strictBuildReportsAtTheMarkdownLineToo() {
        Run.Outcome r = Run.build(dir.resolve("g/content"), dir.resolve("g/site"), "--strict", "--format", "github");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("::error file=" + rel() + "/g/content/index.md,line=8,col=4,title=broken-link::"), r.out());
    }

    @Test
    void theSourceMapIsListedInTheManifestAndTheSameEveryBuild() throws IOException {
        Path site = dir.resolve("g/site");
        Run.build(dir.resolve("g/content"), site);
        byte[] first = Files.readAllBytes(site.resolve(SourceMap.FILE_NAME));
        Run.build(dir.resolve("g/content"), site);
        assertArrayEquals(first, Files.readAllBytes(site.resolve(SourceMap.FILE_NAME)));
        assertTrue(Files.readAllLines(site.resolve(dev.waymark.write.Manifest.FILE_NAME)).contains(SourceMap.FILE_NAME));
        SourceMap map = SourceMap.read(site).orElseThrow();
        assertEquals(Path.of("../content"), map.content());
        assertEquals(List.of(new SourceMap.Ref("missing.html", 5, 15), new SourceMap.Ref("other/index.html", 7, 1),
                new SourceMap.Ref("missing.html", 8, 4), new SourceMap.Ref("gone.png", 11, 16),
                new SourceMap.Ref("other/index.html#nowhere", 11, 50)), map.page("index.html").orElseThrow().refs());
    }

    @Test
    void withoutItsSourceMapTheSiteIsCheckedAsAnyOtherAtTheHtmlLine() throws IOException {
        Path site = dir.resolve("g/site");
        Run.build(dir.resolve("g/content"), site);
        Files.delete(site.resolve(SourceMap.FILE_NAME));
        Run.Outcome r = Run.waymark("check", site.toString(), "--severity", "orphan-page=off");
        assertTrue(r.out().startsWith("index.html:" + line(site, "missing.html", 0) + ":1: error: a href \"missing.html\""), r.out());
    }

    /** The line of the {@code n}-th (0-based) element carrying {@code url} in the built home page. */
    private static int line(Path site, String url, int n) {
        try {
            List<String> lines = Files.readAllLines(site.resolve("index.html"));
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + url + "\"") && seen++ == n) return i + 1;
            }
            throw new AssertionError(url + " not in index.html");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

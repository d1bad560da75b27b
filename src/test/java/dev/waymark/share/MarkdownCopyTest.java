package dev.waymark.share;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.content.Markdown;
import dev.waymark.support.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page's Markdown copy and llms.txt parse with Waymark's own flexmark set-up, and every link in them is absolute
 * and lands on a file (and an id) the build wrote. Checked on the mini fixture and on the bundled guide.
 */
class MarkdownCopyTest {
    static final String MINI_BASE = "https://example.org/guide/";
    @TempDir
    static Path tmp;
    static Path mini;
    static Path guide;

    @BeforeAll
    static void build() {
        mini = tmp.resolve("mini");
        Run.Outcome r = Run.build(Run.ROOT.resolve("src/test/resources/sites/mini/content"), mini, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        guide = tmp.resolve("guide");
        r = Run.build(Run.GUIDE, guide, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void everyPageHasACopyLinkedFromItsHead() {
        for (Path site : List.of(mini, guide)) {
            int pages = 0;
            for (Path html : Run.pageFiles(site)) {
                String rel = site.relativize(html).toString().replace('\\', '/');
                // the search page, in each language (fr/search/), has no content of its own to copy
                if (rel.equals("404.html") || rel.matches("([a-z]{2,3}/)?search/index\\.html")) continue;
                var link = Run.html(html).select("head link[rel=alternate][type=text/markdown]");
                assertEquals(1, link.size(), rel);
                assertEquals("index.md", link.attr("href"), rel);
                assertTrue(Files.isRegularFile(html.resolveSibling("index.md")), rel);
                pages++;
            }
            assertTrue(pages >= 6, site + ": " + pages);
        }
    }

    @Test
    void everyCopyRoundTripsWithOnlyAbsoluteLinksToWhatExists() {
        for (Path site : List.of(mini, guide)) {
            String base = site == mini ? MINI_BASE : "https://fastapi-or-django.waymark.dev/";
            List<Path> copies = files(site, ".md");
            copies.add(site.resolve("llms.txt"));
            int checked = 0;
            for (Path copy : copies) {
                String text = read(copy);
                assertFalse(text.startsWith("---"), copy + " still has front matter");
                assertFalse(text.contains("{{<"), copy + " has an unexpanded directive");
                Document doc = Markdown.shared().parser().parse(text);
                for (String url : urls(doc)) {
                    URI uri = URI.create(url);
                    assertTrue(uri.isAbsolute(), copy + ": relative link " + url);
                    if (!url.startsWith(base)) continue;
                    String path = uri.getPath().substring(URI.create(base).getPath().length());
                    Path target = site.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
                    assertTrue(Files.isRegularFile(target), copy + ": broken link " + url);
                    if (uri.getFragment() != null) {
                        assertFalse(Run.html(target).getElementById(uri.getFragment()) == null, copy + ": missing #" + uri.getFragment());
                    }
                    checked++;
                }
            }
            assertTrue(checked >= 20, site + " links checked: " + checked);
        }
    }

    @Test
    void frontMatterBecomesTitleAndDescriptionAndLinksBecomeAbsolute() {
        String compare = read(mini.resolve("compare/index.md"));
        assertTrue(compare.startsWith("# Compare\n\n> Alpha and Beta side by side.\n\n"), compare);
        assertTrue(compare.contains("[Alpha's strengths](" + MINI_BASE + "tools/alpha/#right-internal-tools)"), compare);
    }

    @Test
    void theComparisonIsAMarkdownTable() {
        String compare = read(mini.resolve("compare/index.md"));
        Document doc = Markdown.shared().parser().parse(compare);
        List<Node> tables = new ArrayList<>();
        doc.getDescendants().forEach(n -> {
            if (n instanceof TableBlock) tables.add(n);
        });
        assertEquals(1, tables.size(), compare);
        assertTrue(compare.contains("| Capability | [Alpha](" + MINI_BASE + "tools/alpha/) | [Beta](" + MINI_BASE + "tools/beta/) |"), compare);
        assertTrue(compare.contains("| ORM | Yes (Built in) |"), compare);
    }

    @Test
    void theDecisionTreeIsNestedLists() {
        String decide = read(mini.resolve("decide/index.md"));
        assertTrue(decide.contains("- [Is the backend JSON-only?](" + MINI_BASE + "decide/#json-only)\n"
                + "  - Yes, only JSON: [Does the team know async?](" + MINI_BASE + "decide/#async)\n"
                + "    - Yes: **[Use Beta](" + MINI_BASE + "decide/#beta)**\n"
                + "    - No: **[Use Alpha](" + MINI_BASE + "decide/#alpha)**\n"
                + "  - No, it renders pages: **[Use Alpha](" + MINI_BASE + "decide/#alpha)**\n"), decide);
        assertTrue(decide.contains("### Use Alpha\n\nAlpha gives you the admin and conventions.\n\n- [Alpha: internal tools]("
                + MINI_BASE + "tools/alpha/#right-internal-tools)"), decide);
    }

    @Test
    void llmsTxtHasTheLlmstxtShape() {
        String llms = read(mini.resolve("llms.txt"));
        assertTrue(llms.startsWith("# Mini guide\n\n> A small guide used by the tests.\n\n## Pages\n\n- [Mini guide]("
                + MINI_BASE + "index.md)"), llms);
        assertTrue(llms.contains("## Tools\n\n- [Tools](" + MINI_BASE + "tools/index.md): Every tool in the mini guide.\n- [Alpha]("
                + MINI_BASE + "tools/alpha/index.md): Alpha is the full kit.\n"), llms);
    }

    private static List<String> urls(Document doc) {
        List<String> out = new ArrayList<>();
        doc.getDescendants().forEach(n -> {
            if (n instanceof Link l) out.add(l.getUrl().unescape());
            if (n instanceof Image i) out.add(i.getUrl().unescape());
        });
        return out;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(suffix)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

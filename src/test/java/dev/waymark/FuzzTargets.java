package dev.waymark;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.waymark.content.FrontMatterReader;
import dev.waymark.content.Markdown;
import dev.waymark.content.PageParser;
import dev.waymark.content.PageStructure;
import dev.waymark.content.ParsedPage;
import dev.waymark.content.SourceFile;
import dev.waymark.content.StructureReader;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.model.DecisionTree;
import dev.waymark.model.Page;
import dev.waymark.model.PageKind;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.validate.DecisionTreeRule;
import dev.waymark.links.SiteLinks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz targets for the three readers of untrusted text. In the normal test run Jazzer replays the seeds under
 * {@code src/test/resources/dev/waymark/FuzzTargetsInputs/}; {@code JAZZER_FUZZ=1} fuzzes one target for real
 * (see README). The property is always the same: no exception escapes, every problem is a positioned diagnostic,
 * and no rewritten link is unsafe.
 */
class FuzzTargets {
    private static final Markdown MARKDOWN = new Markdown();

    private static void assertPositioned(Diagnostics d) {
        for (Diagnostic x : d.sorted()) {
            assertTrue(x.at().line() >= 1 && x.at().column() >= 1, x.format());
            assertFalse(x.message().isBlank(), x.format());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void frontMatterReader(FuzzedDataProvider data) {
        String text = "---\n" + data.consumeRemainingAsString();
        Diagnostics d = new Diagnostics();
        new FrontMatterReader().read(new SourceFile("fuzz.md", Path.of("content/fuzz.md"), text), d);
        assertPositioned(d);
    }

    @FuzzTest(maxDuration = "30s")
    void decisionTreeParser(FuzzedDataProvider data) {
        String text = "---\ntitle: Fuzz\ntype: decision\n---\n\n" + data.consumeRemainingAsString();
        Diagnostics d = new Diagnostics();
        ParsedPage parsed = new PageParser(MARKDOWN).parse(new SourceFile("decide.md", Path.of("content/decide.md"), text), d);
        if (parsed != null) {
            PageStructure structure = new StructureReader().read(parsed, d);
            new DecisionTreeRule().validate(new DecisionTree("decide/", structure.decisionNodes()), d);
        }
        assertPositioned(d);
    }

    @FuzzTest(maxDuration = "30s")
    void linkRewriter(FuzzedDataProvider data) {
        String url = data.consumeRemainingAsString();
        Page from = page("guide/a.md", "guide/a/", Set.of("x"));
        Page to = page("other.md", "other/", Set.of("y", "café"));
        SiteConfig config = new SiteConfig("t", "", "/", "", "main", "content", "en", Optional.empty(), Optional.empty(),
                Map.of(), List.of(), false, "");
        SiteLinks links = new SiteLinks(new Site(config, List.of(from, to), List.of()), Set.of("img/a.png"));
        Diagnostics d = new Diagnostics();
        SiteLinks.Resolved r = links.resolve(from, url, dev.waymark.diag.SourcePosition.of(Path.of("content/guide/a.md"), 3), d::add);
        String out = r.url().strip().toLowerCase(Locale.ROOT);
        for (String scheme : List.of("javascript:", "vbscript:", "data:", "file:")) {
            assertFalse(out.startsWith(scheme), "unsafe URL written: " + r.url());
        }
        if (r.internal() && !out.startsWith("#")) {
            // a rewritten internal link never climbs above the site root from guide/a/
            String path = out.replaceFirst("(?s)[?#].*$", "");
            int depth = 2;
            for (String seg : path.split("/")) {
                if (seg.equals("..")) depth--;
                else if (!seg.isEmpty() && !seg.equals(".")) depth++;
                assertTrue(depth >= 0, "escapes the site: " + r.url());
            }
        }
        assertPositioned(d);
    }

    private static Page page(String source, String path, Set<String> ids) {
        return new Page(source, dev.waymark.diag.SourcePosition.ofFile(Path.of(source)), path, "", PageKind.PAGE, "T", "", 0,
                false, Optional.empty(), true, List.of(), List.of(), Optional.empty(), Optional.empty(), ids);
    }
}

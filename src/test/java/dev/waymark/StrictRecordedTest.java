package dev.waymark;

import dev.waymark.check.CheckOptions;
import dev.waymark.check.CheckReport;
import dev.waymark.check.RenderedPages;
import dev.waymark.check.SiteChecker;
import dev.waymark.diag.Format;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code build --strict} reads each page into its facts from the bytes it rendered, instead of reading the built files
 * again. Differential: on every site here the report from the recorded pages is, byte for byte in every format, the
 * report {@code check} gives on the written folder, and every page was taken from the recording.
 */
class StrictRecordedTest {
    private static final Path SITES = Run.ROOT.resolve("src/test/resources/sites");

    /** Builds with recording on, checks both ways, and returns the (identical) report. */
    private static CheckReport same(Path content, Path out, String theme, Path overrides) {
        return same(content, out, theme, overrides, new RenderedPages());
    }

    private static CheckReport same(Path content, Path out, String theme, Path overrides, RenderedPages recorded) {
        Path themes = content.resolveSibling("themes");
        Pipeline.Result result = new Pipeline().recording(recorded).build(new Pipeline.Options(content, out, themes, theme, false,
                overrides, List.of(Run.THEMES)));
        assertTrue(!result.failed(), result.diagnostics().toString());
        CheckOptions options = new CheckOptions(Optional.empty(), Map.of());
        CheckReport fromDisk = new SiteChecker().check(out, options);
        CheckReport fromRecording = new SiteChecker().check(out, options, recorded);
        for (Format format : Format.values()) {
            assertEquals(format.report(fromDisk.report()), format.report(fromRecording.report()), format + " report of " + content);
        }
        assertEquals(Run.htmlFiles(out).size(), recorded.size(), "pages taken from the recording");
        return fromRecording;
    }

    @Test
    void theFixtureSitesAndTheGuideGiveTheSameReport(@TempDir Path tmp) {
        for (String site : List.of("mini", "code", "widget", "languages")) {
            same(SITES.resolve(site).resolve("content"), tmp.resolve(site), "", tmp.resolve("none"));
        }
        for (String theme : List.of("default", "editorial")) {
            RenderedPages recorded = new RenderedPages();
            same(Run.GUIDE, tmp.resolve("guide-" + theme), theme, tmp.resolve("none"), recorded);
            // and most were read without a jsoup tree (check.WellFormedReader), so that way is what is compared here
            assertTrue(recorded.readWithoutTree() * 10 >= recorded.size() * 9L, recorded.readWithoutTree() + " of " + recorded.size());
        }
    }

    @Test
    void findingsInTemplateOutputAndInTheBodyAreBothReportedOverManyPages(@TempDir Path tmp) throws IOException {
        // Forty pages share their chrome, so the reader meets the same tags again and again (it remembers each start
        // tag per thread): a broken link the theme override puts on one page's navigation, and problems in the trusted
        // raw HTML of two page bodies, made of tags that every other page also has, must each still be reported.
        Path content = Files.createDirectories(tmp.resolve("g/content"));
        Files.writeString(content.resolve("site.yaml"), "title: G\ndescription: Many pages.\nraw_html: trust\n");
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\n---\n\nStart at [page 1](p01.md).\n");
        for (int i = 1; i <= 40; i++) {
            String body = String.format("See <a href=\"../p%02d/index.html\">the next page</a> and <img src=\"../logo.svg\" alt=\"logo\">.%n",
                    i % 40 + 1);
            if (i == 31) body += "Gone: <a href=\"../p99/index.html\">the next page</a>.\n";
            if (i == 37) body += "No alt: <img src=\"../logo.svg\">.\n";
            Files.writeString(content.resolve(String.format("p%02d.md", i)), String.format("---%ntitle: Page %d%n---%n%n%s", i, body));
        }
        Files.writeString(content.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        Path overrides = Files.createDirectories(tmp.resolve("overrides/templates/tag"));
        String nav = Files.readString(Run.THEMES.resolve("default/templates/tag/nav.jte"));
        String broken = nav.replaceFirst("</a>", "</a>@if(item.current() && item.title().equals(\"Page 23\"))<a href=\"nowhere.html\">x</a>@endif");
        assertTrue(!broken.equals(nav));
        Files.writeString(overrides.resolve("nav.jte"), broken);
        RenderedPages recorded = new RenderedPages();
        CheckReport report = same(content, tmp.resolve("g/site"), "", tmp.resolve("overrides"), recorded);
        assertTrue(recorded.readWithoutTree() >= 38, recorded.readWithoutTree() + " pages read without a tree");
        List<String> found = report.findings().stream().map(f -> f.code() + " " + f.output().orElse(f.at()).displayPath()
                + " " + f.message()).sorted().toList();
        assertEquals(List.of(
                "broken-link p23/index.html a href \"nowhere.html\" points to a file that does not exist",
                "broken-link p31/index.html a href \"../p99/index.html\" points to a file that does not exist",
                "img-alt p37/index.html image ../logo.svg has no alt attribute"), found, Format.TEXT.report(report.report()));
    }

    @Test
    void aGuideWithPlantedProblemsGivesTheSameFindings(@TempDir Path tmp) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("g/content"));
        Files.writeString(content.resolve("site.yaml"), "title: G\ndescription: Planted.\nraw_html: trust\n"
                + "languages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n");
        Files.writeString(content.resolve("index.md"), """
                ---
                title: Home
                description: Home page.
                ---

                See [other](other.md) and <a href="missing.html">a dead raw link</a>.

                ## Part

                #### Skipped a level

                <div id="dup">one</div> <div id="dup">two</div> <a href="other/index.html"></a>
                <img src="logo.svg"> <img src="gone.png" alt="gone"> <a href="other/index.html#nowhere">anchor</a>
                <h1>Second title</h1> <p style="background: url(missing.png)">styled</p>
                <img src="logo.svg" srcset="logo.svg 1x, absent.svg 2x" alt="logo"> <a href="https://example.com/x">out</a>
                <a href="missing.html">the same dead link again</a> <a href="#dup">dup</a> <a href="#not-here">here</a>
                """);
        Files.writeString(content.resolve("other.md"), "---\ntitle: Other\n---\n\nBack [home](index.md). <a href=\"index.html#part\">part</a>\n");
        Files.writeString(content.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        // a page over a megabyte, read through the stream decoder both ways
        StringBuilder big = new StringBuilder("---\ntitle: Big\n---\n\n");
        for (int i = 0; i < 12000; i++) big.append("Paragraph ").append(i).append(" with some words and <a href=\"lost-").append(i % 3)
                .append(".html\">a lost link</a> in it, and an ünïcode word.\n\n");
        Files.writeString(content.resolve("big.md"), big);
        Files.createDirectories(content.resolve("fr"));
        Files.writeString(content.resolve("fr/index.md"), "---\ntitle: Accueil\n---\n\nVoir [l’autre](other.md). <a href=\"absent.html\">perdue</a>\n");
        // a template that breaks a link on every page that uses it
        Path overrides = Files.createDirectories(tmp.resolve("overrides/templates/tag"));
        Files.writeString(overrides.resolve("comparison.jte"),
                "@param dev.waymark.render.view.ComparisonView table\n<a href=\"nowhere.html\">broken</a>\n");
        assertTrue(Files.size(content.resolve("big.md")) > (1 << 20));
        CheckReport report = same(content, tmp.resolve("g/site"), "", tmp.resolve("overrides"));
        List<String> codes = report.findings().stream().map(f -> f.code()).distinct().sorted().toList();
        assertEquals(List.of("broken-anchor", "broken-link", "duplicate-id", "empty-link", "h1-count", "heading-skip", "img-alt"),
                codes, Format.TEXT.report(report.report()));
    }
}

package dev.waymark.check;

import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Format;
import dev.waymark.diag.Severity;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code waymark check} on fixture sites: one of every defect found where it is, tricky valid cases left alone. */
class SiteCheckerTest {
    static final Path FIXTURES = Run.ROOT.resolve("src/test/resources/check");

    static CheckReport broken() {
        return new SiteChecker().check(FIXTURES.resolve("broken/site"),
                new CheckOptions(Optional.empty(), Map.of()));
    }

    @ParameterizedTest(name = "{0} at {1}:{2}")
    @CsvSource({
            "broken-link, assets/style.css, 3, ../img/missing-bg.png",
            "broken-link, index.html, 7, assets/missing.css",
            "broken-link, index.html, 8, assets/missing.js",
            "broken-link, index.html, 12, docs/nope.html",
            "broken-link, index.html, 15, img/none.png",
            "broken-link, index.html, 16, img/gone.png",
            "broken-link, index.html, 23, docs/gone.html",
            "broken-anchor, index.html, 13, #nowhere",
            "broken-anchor, index.html, 14, #absent",
            "broken-anchor, content/page.md, 7, #missing-from-md",
            "broken-link, content/page.md, 11, ../img/raw-missing.svg",
            "duplicate-id, index.html, 20, dup",
            "h1-count, content/page.md, 1, 2 h1",
            "heading-skip, index.html, 21, h2 to h4",
            "img-alt, index.html, 17, img/real.png",
            "missing-lang, content/page.md, 1, lang",
            "missing-title, content/page.md, 1, title",
            "missing-description, content/page.md, 1, description",
            "empty-link, index.html, 18, docs/page.html",
            "orphan-page, docs/orphan.html, 1, docs/orphan.html",
            "tree-target, index.html, 23, ghost",
    })
    void findsEachDefectAtItsLocation(String kind, String file, int line, String detail) {
        List<Diagnostic> matches = broken().findings().stream()
                .filter(f -> f.code().equals(kind) && f.at().displayPath().equals(shown(file)) && f.at().line() == line && f.message().contains(detail))
                .toList();
        assertEquals(1, matches.size(), () -> kind + " at " + file + ":" + line + " in\n" + Format.TEXT.report(broken().report()));
    }

    /** A Markdown file of the fixture's project as messages show it: from the working folder. */
    static String shown(String file) {
        return file.startsWith("content/")
                ? dev.waymark.diag.DisplayPath.of(FIXTURES.resolve("broken/project").resolve(file)).toString().replace('\\', '/') : file;
    }

    @Test
    void aFindingFromAMarkdownPageNamesItsHtmlFileToo() {
        Diagnostic f = broken().findings().stream().filter(x -> x.message().contains("#missing-from-md")).findFirst().orElseThrow();
        assertEquals("docs/page.html:11:1", f.output().orElseThrow().toString());
    }

    /**
     * Pages up to {@link PageScanner#WHOLE} bytes are decoded whole, bigger ones streamed: a byte that is not UTF-8
     * reads as U+FFFD either way, so the same page gives the same finding at either size. A page reached through a
     * symbolic link is checked like any other file (the walk reads attributes without following links).
     */
    @Test
    void badBytesReadTheSameWholeOrStreamedAndLinkedPagesAreChecked(@TempDir Path site) throws Exception {
        byte[] head = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title><meta name=\"description\" content=\"d\"></head><body><h1>x</h1>\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] link = "<a href=\"gone-\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xff, (byte) 0xe2, (byte) 0x82, 'x', (byte) 0xc3};
        byte[] tail = ".html\">go</a></body></html>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        small.write(head);
        small.write(link);
        small.write(bad);
        small.write(tail);
        java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
        big.write(head);
        byte[] filler = "<p>filler text for a page that is streamed</p>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        while (big.size() <= PageScanner.WHOLE) big.write(filler);
        big.write(link);
        big.write(bad);
        big.write(tail);
        java.nio.file.Files.write(site.resolve("index.html"), ("<!DOCTYPE html><html lang=\"en\"><head><title>t</title><meta name=\"description\" content=\"d\">"
                + "</head><body><h1>home</h1><a href=\"small.html\">s</a> <a href=\"big.html\">b</a> <a href=\"linked.html\">l</a></body></html>\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Files.write(site.resolve("small.html"), small.toByteArray());
        java.nio.file.Files.write(site.resolve("big.html"), big.toByteArray());
        java.nio.file.Files.createDirectories(site.resolve("elsewhere"));
        java.nio.file.Files.write(site.resolve("elsewhere/page.html"), small.toByteArray());
        java.nio.file.Files.createSymbolicLink(site.resolve("linked.html"), site.resolve("elsewhere/page.html"));
        CheckReport r = new SiteChecker().check(site, CheckOptions.defaults());
        String broken = "a href \"gone-\u00e9\ufffd\ufffdx\ufffd.html\" points to a file that does not exist";
        assertEquals(List.of("big.html broken-link " + broken,
                        "elsewhere/page.html orphan-page no page links to elsewhere/page.html; readers cannot reach it from the home page",
                        "elsewhere/page.html broken-link " + broken,
                        "linked.html broken-link " + broken, "small.html broken-link " + broken),
                r.findings().stream().map(f -> f.at().displayPath() + " " + f.code() + " " + f.message()).toList(),
                Format.TEXT.report(r.report()));
    }

    /**
     * The walk is split: the files at the top are read where the check runs, each folder at the top on the pool, and
     * the parts are merged. Whatever part a file is found in, the report is the one a single walk gives: a page and a
     * style sheet at the top and deep in folders, a linked file (followed) and a linked folder (not walked into), a
     * folder at the top with nothing but folders in it, an empty folder, and the base path read from the home page
     * while the walk runs. Each finding below comes from a different part.
     */
    @Test
    void aWalkSplitByFolderFindsWhatOneWalkFinds(@TempDir Path site) throws Exception {
        String head = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title><meta name=\"description\" content=\"d\">";
        Files.writeString(site.resolve("index.html"), head + "<link rel=\"canonical\" href=\"https://x.example/g/\">"
                + "<link rel=\"stylesheet\" href=\"top.css\"></head><body><h1>home</h1>"
                + "<a href=\"a/one.html\">1</a> <a href=\"/g/b/c/d/two.html#here\">2</a> <a href=\"linked.html\">3</a>"
                + " <a href=\"folder-link/page.html\">4</a> <a href=\"/g/gone.html\">5</a></body></html>\n");
        Files.writeString(site.resolve("top.css"), "body { background: url(missing-top.png) }\n");
        Files.createDirectories(site.resolve("a"));
        Files.writeString(site.resolve("a/one.html"), head + "</head><body><h1>one</h1><a href=\"../b/c/d/two.html#nowhere\">x</a></body></html>\n");
        Files.createDirectories(site.resolve("b/c/d"));
        Files.writeString(site.resolve("b/c/d/two.html"), head + "<link rel=\"stylesheet\" href=\"deep.css\"></head><body><h1 id=\"here\">two</h1>"
                + "<a href=\"../../../index.html\">home</a> <a href=\"../../../a/none.html\">none</a></body></html>\n");
        Files.writeString(site.resolve("b/c/d/deep.css"), "p { background: url(../../../missing-deep.png) }\n");
        Files.createDirectories(site.resolve("real"));
        Files.writeString(site.resolve("real/page.html"), head + "</head><body><h1>real</h1><a href=\"../index.html\">home</a></body></html>\n");
        Files.createSymbolicLink(site.resolve("linked.html"), site.resolve("real/page.html"));
        Files.createSymbolicLink(site.resolve("folder-link"), site.resolve("real"));
        Files.createDirectories(site.resolve("empty"));
        CheckReport r = new SiteChecker().check(site, CheckOptions.defaults());
        assertEquals("""
                a/one.html:1:1: error: link to "#nowhere": no element with that id in b/c/d/two.html [broken-anchor]
                b/c/d/deep.css:1:1: error: css url("../../../missing-deep.png") points to a file that does not exist [broken-link]
                b/c/d/two.html:1:1: error: a href "../../../a/none.html" points to a file that does not exist [broken-link]
                index.html:1:1: error: a href "/g/gone.html" points to a file that does not exist [broken-link]
                index.html:1:1: error: a href "folder-link/page.html" points to a file that does not exist [broken-link]
                linked.html:1:1: error: a href "../index.html" points to a file that does not exist [broken-link]
                real/page.html:1:1: error: no page links to real/page.html; readers cannot reach it from the home page [orphan-page]
                top.css:1:1: error: css url("missing-top.png") points to a file that does not exist [broken-link]
                8 errors, 0 warnings in 5 pages; 14 internal references checked; 1 external link (not fetched): x.example (1)
                """, Format.TEXT.report(r.report()));
    }

    /** jsoup's stream parser hands the body element over twice; its id and style are still read once. */
    @Test
    void anIdOrStyleOnTheBodyIsReadOnce(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), """
                <!DOCTYPE html>
                <html lang="en" id="root"><head id="h"><title>T</title><meta name="description" content="d"></head>
                <body id="top" style="background:url(missing.png)"><h1>Hi</h1><p><a href="#top">up</a> <a href="#root">root</a></p></body></html>
                """);
        CheckReport r = new SiteChecker().check(site, CheckOptions.defaults());
        assertEquals("index.html:3:1: error: style url() \"missing.png\" points to a file that does not exist [broken-link]\n"
                + "1 error, 0 warnings in 1 page; 3 internal references checked; 0 external links (not fetched)\n", Format.TEXT.report(r.report()));
    }

    @Test
    void trickyButValidSiteHasNoFindings() {
        CheckReport r = new SiteChecker().check(FIXTURES.resolve("clean/site"), CheckOptions.defaults());
        assertEquals(List.of(), r.findings(), Format.TEXT.report(r.report()));
        assertEquals(4, r.pages());
        assertEquals(2, r.externalLinks());
        assertEquals(Map.of("external.example", 1, "example.org", 1), r.externalDomains());
    }

    @Test
    void severitiesCanBeLoweredOrTurnedOff() {
        CheckOptions options = new CheckOptions(Optional.empty(),
                Map.of("orphan-page", Severity.OFF, "img-alt", Severity.WARNING));
        CheckReport r = new SiteChecker().check(FIXTURES.resolve("broken/site"), options);
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("orphan-page")));
        assertEquals(Severity.WARNING, r.findings().stream().filter(f -> f.code().equals("img-alt")).findFirst().orElseThrow().severity());
        assertEquals(broken().errorCount() - 2, r.errorCount());
    }

    @Test
    void theCliExitsWithOneOnErrorsAndTwoOnBadUsage() {
        assertEquals(1, Run.waymark("check", FIXTURES.resolve("broken/site").toString()).exitCode());
        assertEquals(0, Run.waymark("check", FIXTURES.resolve("clean/site").toString()).exitCode());
        assertEquals(0, Run.waymark("check", FIXTURES.resolve("broken/site").toString(), "--severity", "broken-link=off",
                "--severity", "broken-anchor=off", "--severity", "duplicate-id=off", "--severity", "h1-count=off",
                "--severity", "heading-skip=off", "--severity", "img-alt=warning", "--severity", "missing-lang=off",
                "--severity", "missing-title=off", "--severity", "missing-description=off", "--severity", "empty-link=off",
                "--severity", "orphan-page=off", "--severity", "tree-target=off").exitCode());
        assertEquals(2, Run.waymark("check", "/no/such/site").exitCode());
        assertEquals(2, Run.waymark("check", FIXTURES.resolve("clean/site").toString(), "--severity", "nonsense=off").exitCode());
        assertEquals(2, Run.waymark("check", FIXTURES.resolve("clean/site").toString(), "--format", "xml").exitCode());
    }

    @Test
    void theBuiltGuideChecksCleanWithBothThemes(@TempDir Path tmp) {
        for (String theme : List.of("default", "editorial")) {
            Path site = tmp.resolve(theme);
            Run.Outcome r = Run.build(Run.GUIDE, site, "--theme", theme, "--strict", "--quiet");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            CheckReport report = new SiteChecker().check(site, CheckOptions.defaults());
            assertEquals(List.of(), report.findings(), Format.TEXT.report(report.report()));
            assertTrue(report.internalLinks() > 400, "references checked: " + report.internalLinks());
        }
    }

    @Test
    void strictBuildFailsOnATemplateThatBreaksALink(@TempDir Path tmp) throws Exception {
        Path overrides = tmp.resolve("overrides/templates/tag");
        java.nio.file.Files.createDirectories(overrides);
        java.nio.file.Files.writeString(overrides.resolve("comparison.jte"), "@param dev.waymark.render.view.ComparisonView table\n<a href=\"nowhere.html\">broken</a>\n");
        Run.Outcome r = Run.build(Run.ROOT.resolve("src/test/resources/sites/mini/content"), tmp.resolve("site"),
                "--overrides", tmp.resolve("overrides").toString(), "--strict", "--quiet");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("broken-link") && r.err().contains("nowhere.html"), r.err());
    }

    @Test
    void theSameRelativeLinkOnPagesInDifferentFoldersResolvesForEachFolder(@TempDir Path tmp) throws Exception {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title><meta name=\"description\" content=\"d\"></head>"
                + "<body><h1>T</h1>%s</body></html>";
        java.util.function.BiConsumer<String, String> write = (file, body) -> {
            try {
                java.nio.file.Files.createDirectories(tmp.resolve(file).getParent());
                java.nio.file.Files.writeString(tmp.resolve(file), String.format(page, body));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        String nav = "<a href=\"../../index.html\">Home</a> <a href=\"../../a/b/index.html\">B</a> <a href=\"../../d/e/index.html\">E</a>";
        write.accept("index.html", "<a href=\"a/b/index.html\">B</a> <a href=\"d/e/index.html\">E</a> <a href=\"a/c/index.html\">C</a>");
        write.accept("a/c/index.html", "<a href=\"../../index.html\">Home</a>");
        // same depth, same links; "../c/" climbs one folder of two, so it only exists from a/b/
        write.accept("a/b/index.html", nav + " <a href=\"../c/index.html\">C</a>");
        write.accept("d/e/index.html", nav + " <a href=\"../c/index.html\">C</a>");
        CheckReport r = new SiteChecker().check(tmp, new CheckOptions(Optional.empty(), Map.of()));
        assertEquals(List.of("d/e/index.html broken-link a href \"../c/index.html\" points to a file that does not exist"),
                r.findings().stream().map(f -> built(f) + " " + f.code() + " " + f.message()).toList(), Format.TEXT.report(r.report()));
    }

    @Test
    void aPageWithBytesThatAreNotUtf8IsStillChecked(@TempDir Path tmp) throws Exception {
        byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Caf\u00ff</title></head><body><h1>T</h1>"
                + "<a href=\"gone.html\">gone</a></body></html>").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.file.Files.write(tmp.resolve("index.html"), page);
        CheckReport r = new SiteChecker().check(tmp, new CheckOptions(Optional.empty(), Map.of()));
        assertEquals(List.of("broken-link", "missing-description"), r.findings().stream().map(Diagnostic::code).sorted().toList(),
                Format.TEXT.report(r.report()));
    }

    @Test
    void anAbsoluteLinkOutsideTheBasePathIsReportedOnEveryPageThatHasIt(@TempDir Path tmp) throws Exception {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title><meta name=\"description\" content=\"d\"></head>"
                + "<body><h1>T</h1><a href=\"/guide/a/index.html\">A</a> <a href=\"/guide/b/index.html\">B</a> "
                + "<a href=\"/elsewhere/x.html\">X</a> <a href=\"/guide/nope.html\">N</a></body></html>";
        for (String file : List.of("index.html", "a/index.html", "b/index.html")) {
            java.nio.file.Files.createDirectories(tmp.resolve(file).getParent());
            java.nio.file.Files.writeString(tmp.resolve(file), page);
        }
        CheckReport r = new SiteChecker().check(tmp, new CheckOptions(Optional.of("/guide/"), Map.of()));
        List<String> expected = new java.util.ArrayList<>();
        for (String file : List.of("a/index.html", "b/index.html", "index.html")) {
            expected.add(file + " a href \"/elsewhere/x.html\" is outside the site's base path /guide/");
            expected.add(file + " a href \"/guide/nope.html\" points to a file that does not exist");
        }
        assertEquals(expected, r.findings().stream().map(f -> built(f) + " " + f.message()).sorted().toList(),
                Format.TEXT.report(r.report()));
        assertEquals(12, r.internalLinks());
    }

    /** The built file a finding was seen in. */
    static String built(Diagnostic f) {
        return f.output().orElse(f.at()).displayPath();
    }
}

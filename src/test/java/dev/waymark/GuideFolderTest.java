package dev.waymark;

import dev.waymark.diag.DisplayPath;
import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide kept in its own folder works as documented: its paths in messages open from where the author stands, its
 * {@code themes/} adds to the installed themes, links to generated folder pages resolve, and headings keep their ids.
 */
class GuideFolderTest {
    private static final Path CWD = Path.of("").toAbsolutePath();

    private static final String BROKEN = """
            ---
            title: Home
            description: A home page.
            ---

            See [nowhere](missing.md).
            """;

    @Test
    void aContentFolderOutsideTheWorkingDirectoryIsShownAbsolute(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("mist/content"));
        Files.writeString(content.resolve("index.md"), BROKEN);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(content.toAbsolutePath() + "/index.md:6:5: error: link to a missing page \"missing.md\" [broken-link]\n"), r.err());
    }

    @Test
    void aDotDotContentPathIsShownSoItOpensFromHere(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("mist/content"));
        Files.writeString(content.resolve("index.md"), BROKEN);
        Path relative = CWD.relativize(content);
        assertTrue(relative.startsWith(".."), relative.toString());
        Run.Outcome r = Run.build(relative, tmp.resolve("site"));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(content.toAbsolutePath() + "/index.md:6:5: error: link to a missing page \"missing.md\" [broken-link]\n"), r.err());
    }

    @Test
    void displayPathIsRelativeUnderTheWorkingDirectoryAndAbsoluteOutside() {
        Path cwd = Path.of("/work/guide");
        assertEquals(Path.of("content/a.md"), DisplayPath.of(Path.of("content/a.md"), cwd));
        assertEquals(Path.of("content/a.md"), DisplayPath.of(Path.of("/work/guide/content/a.md"), cwd));
        assertEquals(Path.of("/work/mist/content/a.md"), DisplayPath.of(Path.of("../mist/content/a.md"), cwd));
        assertEquals(Path.of("/elsewhere/g3/decide.md"), DisplayPath.of(Path.of("/elsewhere/g3/decide.md"), cwd));
    }

    @Test
    void headingsKeepTheIdTheirTextGives(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        Files.writeString(content.resolve("layout.md"), """
                ---
                title: Layout words
                description: Headings named like the theme's own elements.
                ---

                ## Search input

                ## Main

                ## Theme toggle

                Back to [the search input](#search-input), [main](layout.md#main) and [the toggle](#theme-toggle).
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"), "--strict");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Document page = Run.html(tmp.resolve("site/layout/index.html"));
        assertEquals(List.of("search-input", "main", "theme-toggle"), page.select(".prose h2").eachAttr("id"));
        assertEquals(List.of("#search-input", "index.html#main", "#theme-toggle"), page.select(".prose p a").eachAttr("href"));
        for (Document doc : List.of(page, Run.html(tmp.resolve("site/index.html")), Run.html(tmp.resolve("site/decide/index.html")))) {
            for (var el : doc.select("[id]")) {
                if (el.closest(".prose") == null) assertTrue(el.id().startsWith("wm-"), "theme id " + el.id() + " is namespaced");
            }
        }
        assertEquals("#wm-main", page.selectFirst("a.skip-link").attr("href"));
    }

    @Test
    void anIdStartingWithTheThemePrefixIsAnError(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("index.md"), """
                ---
                title: Home
                description: A home page.
                ---

                ## Mine {#wm-main}
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("index.md:6:1: error: id \"wm-main\" is reserved for the theme (ids starting with wm-) [reserved-id]\n"
                + "    hint: choose another id, e.g. \"main\"\n"), r.err());
    }

    @Test
    void linksToAGeneratedFolderPageResolve(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("index.md"), """
                ---
                title: Home
                description: A home page.
                ---

                Read [ops](ops/), [ops again](ops) and [its index](ops/index.md).
                """);
        Files.createDirectories(content.resolve("ops/runbooks"));
        Files.writeString(content.resolve("ops/runbooks/restart.md"), """
                ---
                title: Restart
                description: How to restart.
                ---

                Up to [ops](../index.md), [ops by folder](../) and [home](../../index.md).
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"), "--strict");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("site/ops/index.html")));
        assertEquals(List.of("ops/index.html", "ops/index.html", "ops/index.html"),
                Run.html(tmp.resolve("site/index.html")).select(".prose a").eachAttr("href"));
        assertEquals(List.of("../../index.html", "../../index.html", "../../../index.html"),
                Run.html(tmp.resolve("site/ops/runbooks/restart/index.html")).select(".prose a").eachAttr("href"));
    }

    @Test
    void aGuidesOwnThemesFolderAddsToTheInstalledThemes(@TempDir Path tmp) throws Exception {
        Path guide = tmp.resolve("guide");
        Run.copyTree(SiteStructureTest.MINI, guide.resolve("content"));
        Files.createDirectories(guide.resolve("themes/local/assets"));
        Files.writeString(guide.resolve("themes/local/assets/theme.css"), ".site-title { color: rebeccapurple; }\n");
        Files.createDirectories(guide.resolve("themes/plain/templates"));
        Files.writeString(guide.resolve("themes/plain/theme.yaml"), "extends: default\n");
        Files.writeString(guide.resolve("themes/plain/templates/notfound.jte"), """
                @import dev.waymark.render.view.PageView
                @param PageView page
                @template.layout(page = page, content = @`<p class="plain-404">Nothing here.</p>`)
                """);

        String out = runInstalled(guide, "build", "--quiet");
        Document home = Run.html(guide.resolve("site/index.html"));
        List<String> css = home.select("link[rel=stylesheet]").eachAttr("href");
        assertTrue(css.stream().anyMatch(h -> h.matches("assets/style\\.[0-9a-f]{10}\\.css")), "the installed default theme: " + css + out);
        assertTrue(css.stream().anyMatch(h -> h.matches("assets/theme\\.[0-9a-f]{10}\\.css")), "the guide's local override: " + css);

        runInstalled(guide, "build", "--quiet", "--theme", "plain", "--out", "plain-site");
        assertEquals(1, Run.html(guide.resolve("plain-site/404.html")).select("p.plain-404").size(), "the guide's own theme");
        assertEquals(1, Run.html(guide.resolve("plain-site/compare/index.html")).select("table.comparison").size(),
                "extending the installed default");
    }

    /** Runs the CLI in a new JVM in {@code dir}, with the repository as the installed Waymark; asserts exit 0. */
    private static String runInstalled(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwaymark.home=" + Run.ROOT, "-cp", System.getProperty("java.class.path"), "dev.waymark.cli.Waymark"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}

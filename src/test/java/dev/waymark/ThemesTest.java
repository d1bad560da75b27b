package dev.waymark;

import dev.waymark.support.Run;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme contract: a second theme renders the whole content model; a project overrides one template. */
class ThemesTest {

    @Test
    void editorialThemeRendersTheWholeGuideValidly(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        Run.Outcome r = Run.build(Run.GUIDE, site, "--theme", "editorial", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Document django = Run.html(site.resolve("frameworks/django/index.html"));
        assertEquals(1, django.select("aside.profile-card--editorial").size(), "editorial's own profile card");
        assertTrue(django.select("li.choice").size() >= 6, "choice lists still rendered by the inherited body");
        assertTrue(django.select("link[rel=stylesheet]").eachAttr("href").stream().anyMatch(h -> h.matches("../../assets/theme\\.[0-9a-f]{10}\\.css")));
        assertEquals(1, Run.html(site.resolve("compare/index.html")).select("table.comparison").size());
        assertEquals(1, Run.html(site.resolve("decide/index.html")).select(".decision script.wm-tree-data").size());
        assertTrue(Files.exists(site.resolve("search/index.json")));
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        for (Path file : Run.htmlFiles(site)) {
            String json = validator.validate(file);
            assertFalse(json.contains("\"type\":\"error\""), file + ": " + json.substring(0, Math.min(600, json.length())));
        }
    }

    @Test
    void aProjectOverridesOneTemplateAndKeepsTheRest(@TempDir Path tmp) throws Exception {
        Path overrides = tmp.resolve("overrides");
        Files.createDirectories(overrides.resolve("templates/tag"));
        Files.writeString(overrides.resolve("templates/tag/comparison.jte"), """
                @import dev.waymark.render.view.ComparisonView
                @param ComparisonView table
                <p class="custom-comparison">${table.columns().size()} profiles compared</p>
                """);
        Path site = tmp.resolve("site");
        Run.Outcome r = Run.build(SiteStructureTest.MINI, site, "--overrides", overrides.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Document compare = Run.html(site.resolve("compare/index.html"));
        assertEquals("2 profiles compared", compare.select("p.custom-comparison").text());
        assertTrue(compare.select("table.comparison").isEmpty(), "the override replaced the template");
        assertEquals("Compare", compare.select("nav.sidebar [aria-current=page]").text(), "the rest of the theme still applies");
    }

    @Test
    void aGuideInItsOwnFolderUsesTheThemesInstalledWithWaymark(@TempDir Path tmp) throws Exception {
        Run.copyTree(SiteStructureTest.MINI, tmp.resolve("content"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwaymark.home=" + Run.ROOT, "-cp", System.getProperty("java.class.path"), "dev.waymark.cli.Waymark", "build", "--quiet")
                .directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        Document home = Run.html(tmp.resolve("site/index.html"));
        assertTrue(home.select("link[rel=stylesheet]").eachAttr("href").stream().anyMatch(h -> h.matches("assets/style\\.[0-9a-f]{10}\\.css")),
                "the installed default theme's stylesheet");
        assertFalse(Files.exists(tmp.resolve("themes")), "nothing was copied into the guide's folder");
    }

    @Test
    void anUnknownThemeIsAClearError(@TempDir Path tmp) {
        Run.Outcome r = Run.build(SiteStructureTest.MINI, tmp.resolve("site"), "--theme", "nope");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("theme \"nope\" not found"), r.err());
    }
}

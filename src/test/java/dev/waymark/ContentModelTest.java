package dev.waymark;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed content model as a reader sees it: profiles, choice lists and the generated comparison table. */
class ContentModelTest {

    static Path build(Path content, Path tmp) {
        Path site = tmp.resolve("site");
        Run.Outcome r = Run.build(content, site, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        return site;
    }

    @Test
    void profilesHaveBothListsWithAnchoredItems(@TempDir Path tmp) {
        Path site = build(SiteStructureTest.MINI, tmp);
        Document alpha = Run.html(site.resolve("tools/alpha/index.html"));
        assertEquals(2, alpha.select("ul.choices--right > li.choice").size());
        assertEquals(1, alpha.select("ul.choices--wrong > li.choice").size());
        Document beta = Run.html(site.resolve("tools/beta/index.html"));
        assertEquals(3, beta.select("ul.choices--right > li.choice").size());
        for (Element item : beta.select("li.choice")) {
            assertTrue(item.id().matches("(right|wrong)-[a-z0-9-]+"), item.id());
            assertTrue(item.select(".choice__badge").text().matches(".*(Right|Wrong) choice"), "text label, not colour alone");
        }
        assertEquals("right-api-first-backends", beta.selectFirst("ul.choices--right > li").id());
        assertEquals("Everything in the box.", alpha.select(".profile-card__tagline").text());
    }

    @Test
    void aProfileWithNoCapabilitiesShowsNoEmptyCapabilityList(@TempDir Path tmp) throws IOException {
        String profile = "---\ntitle: Solo\ntype: profile\nname: Solo\ntagline: One thing.\nphilosophy: Small.\nincludes: []\n---\n\n"
                + "## Right choice\n\n- **Small jobs.** It fits.\n\n## Wrong choice\n\n- **Big jobs.** It does not.\n";
        Path content = Run.guide(tmp, "index.md", "# Home\n", "solo.md", profile);
        Document solo = Run.html(build(content, tmp).resolve("solo/index.html"));
        assertEquals("One thing.", solo.select(".profile-card__tagline").text());
        assertEquals(0, solo.select(".profile-card__caps, ul.caps").size(), "no capabilities in site.yaml, none included: no label over an empty list");

        Files.writeString(content.resolve("site.yaml"), "title: T\nbase_url: https://example.org/\ncapabilities:\n  acks: Acknowledgements\n");
        solo = Run.html(build(content, tmp.resolve("two")).resolve("solo/index.html"));
        assertEquals(0, solo.select("ul.caps--in").size(), "nothing included: no \"in the box\" list");
        assertEquals(List.of("– Acknowledgements"), solo.select("ul.caps--out li").eachText());
    }

    @Test
    void comparisonHasOneColumnPerProfileAndFollowsFrontMatter(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        Document compare = Run.html(build(content, tmp.resolve("one")).resolve("compare/index.html"));
        assertEquals(List.of("Capability", "Alpha", "Beta"), compare.select("table.comparison thead th").eachText());
        assertEquals("Not included", compare.select("tr[data-capability=async] td").get(0).select(".cap__text").text());

        Path alpha = content.resolve("tools/alpha.md");
        Files.writeString(alpha, Files.readString(alpha).replace("includes: [orm, admin]", "includes: [orm, admin, async]"));
        compare = Run.html(build(content, tmp.resolve("two")).resolve("compare/index.html"));
        assertEquals("Included", compare.select("tr[data-capability=async] td").get(0).select(".cap__text").text());
    }

    @Test
    void aThirdProfileIsOneCopiedFile(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        String beta = Files.readString(content.resolve("tools/beta.md"));
        Files.writeString(content.resolve("tools/gamma.md"), beta.replace("Beta", "Gamma").replace("weight: 2", "weight: 3"));
        Path site = build(content, tmp);
        Document compare = Run.html(site.resolve("compare/index.html"));
        assertEquals(List.of("Capability", "Alpha", "Beta", "Gamma"), compare.select("table.comparison thead th").eachText());
        assertEquals(List.of("Alpha", "Beta", "Gamma"), compare.select("nav.sidebar li.nav__section ul a").eachText());
    }

    @Test
    void theGuideCoversTheArticlesKeyTerms() throws IOException {
        String all;
        try (var files = Files.walk(Run.GUIDE)) {
            all = files.filter(p -> p.toString().endsWith(".md")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        }
        List<String> terms = List.of("pydantic", "openapi", "sqlalchemy", "alembic", "admin panel", "orm", "message queue",
                "model serving", "microservices", "async", "type hints", "conventions", "django 5.x", "shared database",
                "separate services", "operational maturity", "event loop", "dependency injection",
                "templates", "forms", "authentication", "throughput", "spa", "mobile app", "crud", "internal tool");
        List<String> missing = terms.stream().filter(t -> !all.contains(t)).toList();
        assertEquals(List.of(), missing, "key terms missing from the guide");
    }

    @Test
    void everyGuidePageShowsALastReviewedDate(@TempDir Path tmp) {
        Path site = build(Run.GUIDE, tmp);
        for (Path file : Run.htmlFiles(site)) {
            if (file.getFileName().toString().equals("404.html")) continue;
            Document doc = Run.html(file);
            assertFalse(doc.select(".page__meta time").isEmpty(), file + " shows a reviewed date");
        }
        Document arch = Run.html(site.resolve("architecture/index.html"));
        assertEquals(1, arch.select("figure.diagram svg[role=img]").size(), "generated diagram");
        assertTrue(arch.select("figure.diagram details li").size() >= 5, "diagram text alternative");
    }
}

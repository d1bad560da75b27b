package dev.waymark;

import dev.waymark.support.MiniSite;
import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structure of a built site, asserted with jsoup selectors: titles, nav, TOC, prev/next, relative links. */
class SiteStructureTest {
    static final Path MINI = MiniSite.CONTENT;
    static Path site;

    @BeforeAll
    static void build() {
        site = MiniSite.built();
    }

    @Test
    void everyPageHasOneH1TitleDescriptionAndLang() {
        for (Path file : Run.htmlFiles(site)) {
            Document doc = Run.html(file);
            assertEquals(1, doc.select("h1").size(), file + " h1 count");
            assertFalse(doc.title().isBlank(), file + " title");
            assertFalse(doc.select("meta[name=description]").attr("content").isBlank(), file + " description");
            assertEquals("en", doc.select("html").attr("lang"), file + " lang");
            assertEquals(1, doc.select("link[rel=canonical]").size(), file + " canonical");
            assertEquals(1, doc.select("meta[http-equiv=Content-Security-Policy]").size(), file + " CSP");
            assertTrue(doc.select("script:not([src]):not([type=application/json]):not([type=application/ld+json])").isEmpty(), file + " has inline script");
            assertTrue(doc.select("[onclick], [onload], [onerror]").isEmpty(), file + " has inline handlers");
        }
    }

    @Test
    void navMarksTheCurrentPage() {
        Document alpha = Run.html(site.resolve("tools/alpha/index.html"));
        assertEquals("Alpha", alpha.select("nav.sidebar [aria-current=page]").text());
        Document home = Run.html(site.resolve("index.html"));
        assertEquals("Home", home.select("nav.sidebar [aria-current=page]").text());
    }

    @Test
    void navIsOrderedByWeightThenTitle() {
        Document doc = Run.html(site.resolve("index.html"));
        List<String> top = doc.select("nav.sidebar > ul.nav > li > a").eachText();
        assertEquals(List.of("Home", "Tools", "Compare", "Decide"), top);
        assertEquals(List.of("Alpha", "Beta"), doc.select("nav.sidebar li.nav__section ul a").eachText());
    }

    @Test
    void tocEntriesPointToRealIds() {
        int checked = 0;
        for (Path file : Run.htmlFiles(site)) {
            Document doc = Run.html(file);
            for (Element a : doc.select("nav.toc a[href^=#]")) {
                String id = a.attr("href").substring(1);
                assertFalse(doc.getElementById(id) == null, file + " TOC target #" + id);
                checked++;
            }
        }
        assertTrue(checked >= 4, "TOC entries checked: " + checked);
    }

    @Test
    void prevAndNextLinksAreConsistent() {
        List<Path> order = new ArrayList<>();
        Path current = site.resolve("index.html");
        while (current != null && order.size() < 50) {
            order.add(current);
            Element next = Run.html(current).selectFirst("a[rel=next]");
            Path following = next == null ? null : current.getParent().resolve(next.attr("href")).normalize();
            if (following != null) {
                Element back = Run.html(following).selectFirst("a[rel=prev]");
                assertTrue(back != null, following + " has a prev link");
                assertEquals(current, following.getParent().resolve(back.attr("href")).normalize(), "prev of next is self");
            }
            current = following;
        }
        assertEquals(6, order.size(), "reading order covers every page: " + order);
    }

    @Test
    void relativeLinksWorkUnderASubPath() {
        // base_url is https://example.org/guide/: internal links stay relative and resolve to files on disk.
        int checked = 0;
        for (Path file : Run.htmlFiles(site)) {
            if (file.getFileName().toString().equals("404.html")) continue;
            for (Element a : Run.html(file).select("a[href], link[href], script[src]")) {
                String url = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (url.startsWith("http") || url.startsWith("#") || url.startsWith("mailto:")) continue;
                assertFalse(url.startsWith("/"), file + " has a root-absolute link " + url);
                String path = url.replaceFirst("[#?].*$", "");
                assertTrue(Files.isRegularFile(file.getParent().resolve(path).normalize()), file + " -> " + url);
                checked++;
            }
        }
        assertTrue(checked > 50, "links checked: " + checked);
        Document notFound = Run.html(site.resolve("404.html"));
        assertEquals("/guide/index.html", notFound.selectFirst("a.site-title").attr("href"), "404 links are absolute under the base path");
        assertEquals("https://example.org/guide/tools/alpha/", Run.html(site.resolve("tools/alpha/index.html"))
                .selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void writesSitemapRobotsAnd404() throws Exception {
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/guide/tools/alpha/</loc>"), sitemap);
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: https://example.org/guide/sitemap.xml"));
        assertTrue(Files.isRegularFile(site.resolve("404.html")));
    }

    @Test
    void assetsAreFingerprinted() {
        Document doc = Run.html(site.resolve("index.html"));
        String css = doc.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches("assets/style\\.[0-9a-f]{10}\\.css"), css);
    }
}

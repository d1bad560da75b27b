package dev.waymark.share;

import dev.waymark.content.GitDates;
import dev.waymark.support.Git;
import dev.waymark.support.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * feed.xml from a real git repository made here: it parses with a strict, namespace-aware XML parser (any warning
 * fails), has what RFC 4287 requires of a feed and of each entry, lists pages newest change first with the commit
 * subject as the summary, and is the same bytes on a second build.
 */
class FeedTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String BASE = "https://example.org/guide/";
    @TempDir
    static Path tmp;
    static Path content;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        Path repo = tmp.resolve("repo");
        content = repo.resolve("content");
        Run.copyTree(Run.ROOT.resolve("src/test/resources/sites/mini/content"), content);
        Git.run(repo, "2026-01-15T10:00:00Z", "init", "-q");
        Git.run(repo, "2026-01-15T10:00:00Z", "add", ".");
        Git.run(repo, "2026-01-15T10:00:00Z", "commit", "-q", "-m", "First draft of the guide");
        Files.writeString(content.resolve("compare.md"), Files.readString(content.resolve("compare.md")) + "\nMore.\n");
        Git.run(repo, "2026-03-02T09:30:00+01:00", "commit", "-q", "-am", "Compare: say more about <async> & co.");
        site = tmp.resolve("site");
        Run.Outcome r = Run.build(content, site, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void gitCarriesTheSubjectOfTheLastChange() {
        Map<String, GitDates.Change> changes = GitDates.changes(content);
        assertEquals(new GitDates.Change("2026-03-02", "2026-03-02T09:30:00+01:00", "Compare: say more about <async> & co."),
                changes.get("compare.md"));
        assertEquals("First draft of the guide", changes.get("tools/alpha.md").subject());
    }

    @Test
    void theFeedHasEveryElementAtomRequires() throws Exception {
        Element feed = strictParse(site.resolve("feed.xml")).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals(BASE, only(feed, "id").getTextContent());
        assertEquals("Mini guide", only(feed, "title").getTextContent());
        assertEquals("2026-03-02T09:30:00+01:00", only(feed, "updated").getTextContent());
        assertEquals("Mini guide", only(only(feed, "author"), "name").getTextContent());
        List<Element> links = children(feed, "link");
        assertTrue(links.stream().anyMatch(l -> l.getAttribute("rel").equals("self") && l.getAttribute("href").equals(BASE + "feed.xml")));

        List<Element> entries = children(feed, "entry");
        assertEquals(6, entries.size(), "every page of the site: each has a date");
        Set<String> ids = new HashSet<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Element e : entries) {
            String id = only(e, "id").getTextContent();
            assertTrue(URI.create(id).isAbsolute() && id.startsWith(BASE), id);
            assertTrue(ids.add(id), "duplicate id " + id);
            assertFalse(only(e, "title").getTextContent().isBlank());
            times.add(OffsetDateTime.parse(only(e, "updated").getTextContent()));
            Element link = only(e, "link");
            assertEquals("alternate", link.getAttribute("rel"));
            assertEquals(id, link.getAttribute("href"));
            assertTrue(Files.isRegularFile(site.resolve(id.substring(BASE.length()) + "index.html")), id + " is a page");
        }
        for (int i = 1; i < times.size(); i++) assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first");
        Element first = entries.get(0);
        assertEquals(BASE + "compare/", only(first, "id").getTextContent());
        assertEquals("Compare: say more about <async> & co.", only(first, "summary").getTextContent());
        assertEquals("First draft of the guide", only(entries.get(1), "summary").getTextContent());
        assertEquals("2026-01-15T10:00:00+00:00", only(entries.get(1), "updated").getTextContent());
    }

    @Test
    void everyPageLinksTheFeed() {
        for (Path file : Run.pageFiles(site)) {
            var links = Run.html(file).select("head link[rel=alternate][type=application/atom+xml]");
            assertEquals(1, links.size(), file.toString());
            Path target = file.getParent().resolve(links.attr("href")).normalize();
            if (!file.getFileName().toString().equals("404.html")) {
                assertEquals(site.resolve("feed.xml"), target, file.toString());
            }
        }
        assertEquals("/guide/feed.xml", Run.html(site.resolve("404.html")).select("link[type=application/atom+xml]").attr("href"));
    }

    @Test
    void theFeedIsDeterministic() throws Exception {
        Path again = tmp.resolve("again");
        assertEquals(0, Run.build(content, again, "--quiet").exitCode());
        assertArrayEquals(Files.readAllBytes(site.resolve("feed.xml")), Files.readAllBytes(again.resolve("feed.xml")));
    }

    static Document strictParse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return b.parse(file.toFile());
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "atom:" + name + " in atom:" + parent.getLocalName());
        return found.get(0);
    }

}

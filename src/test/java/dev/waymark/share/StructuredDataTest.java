package dev.waymark.share;

import dev.waymark.support.MiniSite;
import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON-LD of every page parses as strict JSON and carries the schema.org types and the properties those types
 * require (BreadcrumbList/ListItem: position, name, item; WebSite: name, url; ItemList: itemListElement of ListItem
 * with position and url; FAQPage: mainEntity of Question with name and acceptedAnswer.text).
 */
class StructuredDataTest {
    static final String BASE = "https://example.org/guide/";
    static Path site;

    @BeforeAll
    static void build() {
        site = MiniSite.built();
    }

    @Test
    void everyPageHasOneParsableBlockWithABreadcrumbListEndingAtItsCanonicalUrl() {
        int pages = 0;
        for (Path file : Run.pageFiles(site)) {
            Document doc = Run.html(file);
            Map<String, Object> ld = jsonLd(doc, file);
            assertEquals("https://schema.org", ld.get("@context"), file.toString());
            List<Map<String, Object>> crumbs = ofType(ld, "BreadcrumbList");
            assertEquals(1, crumbs.size(), file + " BreadcrumbList count");
            List<Map<String, Object>> items = list(crumbs.get(0).get("itemListElement"));
            assertFalse(items.isEmpty(), file.toString());
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = items.get(i);
                assertEquals("ListItem", item.get("@type"));
                assertEquals((long) i + 1, ((Number) item.get("position")).longValue(), file + " position");
                assertFalse(((String) item.get("name")).isBlank(), file + " name");
                assertTrue(((String) item.get("item")).startsWith(BASE), file + " item " + item.get("item"));
            }
            assertEquals(doc.select("link[rel=canonical]").attr("href"), items.get(items.size() - 1).get("item"), file.toString());
            pages++;
        }
        assertTrue(pages >= 7, "pages checked: " + pages);
    }

    @Test
    void breadcrumbsNameEachSectionAboveThePage() {
        Map<String, Object> ld = jsonLd(Run.html(site.resolve("tools/alpha/index.html")), site);
        List<Map<String, Object>> items = list(ofType(ld, "BreadcrumbList").get(0).get("itemListElement"));
        assertEquals(List.of("Mini guide", "Tools", "Alpha"), items.stream().map(i -> i.get("name")).toList());
        assertEquals(List.of(BASE, BASE + "tools/", BASE + "tools/alpha/"), items.stream().map(i -> i.get("item")).toList());
    }

    @Test
    void theHomePageAloneIsAWebSite() {
        Map<String, Object> home = ofType(jsonLd(Run.html(site.resolve("index.html")), site), "WebSite").get(0);
        assertEquals("Mini guide", home.get("name"));
        assertEquals(BASE, home.get("url"));
        assertEquals("en", home.get("inLanguage"));
        assertEquals("A small guide used by the tests.", home.get("description"));
        for (Path file : Run.pageFiles(site)) {
            if (file.equals(site.resolve("index.html"))) continue;
            assertTrue(ofType(jsonLd(Run.html(file), file), "WebSite").isEmpty(), file + " has a WebSite");
        }
    }

    @Test
    void theProfilesSectionListsItsProfilesInNavigationOrder() {
        List<Map<String, Object>> lists = ofType(jsonLd(Run.html(site.resolve("tools/index.html")), site), "ItemList");
        assertEquals(1, lists.size());
        List<Map<String, Object>> items = list(lists.get(0).get("itemListElement"));
        assertEquals(2L, ((Number) lists.get(0).get("numberOfItems")).longValue());
        assertEquals(List.of("Alpha", "Beta"), items.stream().map(i -> i.get("name")).toList());
        assertEquals(List.of(BASE + "tools/alpha/", BASE + "tools/beta/"), items.stream().map(i -> i.get("url")).toList());
        assertEquals(List.of(1L, 2L), items.stream().map(i -> ((Number) i.get("position")).longValue()).toList());
        items.forEach(i -> assertEquals("ListItem", i.get("@type")));
        assertTrue(ofType(jsonLd(Run.html(site.resolve("compare/index.html")), site), "ItemList").isEmpty());
    }

    @Test
    void theDecisionPageIsAnFaqOfItsOutcomes() {
        List<Map<String, Object>> faqs = ofType(jsonLd(Run.html(site.resolve("decide/index.html")), site), "FAQPage");
        assertEquals(1, faqs.size());
        List<Map<String, Object>> questions = list(faqs.get(0).get("mainEntity"));
        assertEquals(List.of("Use Alpha", "Use Beta"), questions.stream().map(q -> q.get("name")).toList());
        for (Map<String, Object> q : questions) {
            assertEquals("Question", q.get("@type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) q.get("acceptedAnswer");
            assertEquals("Answer", answer.get("@type"));
            assertFalse(((String) answer.get("text")).isBlank());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) questions.get(0).get("acceptedAnswer");
        assertEquals("Alpha gives you the admin and conventions.", first.get("text"));
    }

    @Test
    void contentCannotCloseTheScriptElement() {
        for (Path file : Run.pageFiles(site)) {
            for (Element script : Run.html(file).select("script[type=application/ld+json]")) {
                String data = script.data();
                assertFalse(data.contains("<") || data.contains(">") || data.contains("&"), file + ": " + data);
            }
        }
    }

    static Map<String, Object> jsonLd(Document doc, Path file) {
        List<Element> scripts = doc.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), file + " JSON-LD blocks");
        return new Json().toType(scripts.get(0).data(), Json.MAP_TYPE);
    }

    static List<Map<String, Object>> ofType(Map<String, Object> ld, String type) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> node : list(ld.get("@graph"))) {
            if (type.equals(node.get("@type"))) out.add(node);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        assertTrue(o instanceof List, "expected a JSON array, got " + o);
        return (List<Map<String, Object>>) o;
    }
}

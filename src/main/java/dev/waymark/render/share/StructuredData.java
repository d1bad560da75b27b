package dev.waymark.render.share;

import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.diag.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's schema.org structured data as JSON-LD: a {@code BreadcrumbList} on every page, {@code WebSite} on the home
 * page, an {@code ItemList} of the profiles on a section page that has some, and a {@code FAQPage} of the outcomes on
 * a decision page. Written with {@link Json}, which escapes {@code <}, so no content can close the script element.
 *
 * @see <a href="https://schema.org/BreadcrumbList">BreadcrumbList</a>
 * @see <a href="https://developers.google.com/search/docs/appearance/structured-data/faqpage">FAQPage</a>
 */
public final class StructuredData {
    /** An outcome of a decision page, as plain text. */
    public record Answer(String question, String text) {
    }

    private final Site site;
    private final Map<String, Page> byPath;

    public StructuredData(Site site) {
        this.site = site;
        this.byPath = site.byPath();
    }

    /**
     * @param outcomes the decision outcomes shown on this page (empty for other pages)
     * @return the JSON-LD text for a {@code <script type="application/ld+json">} element
     */
    public String of(Page page, String canonical, List<Answer> outcomes) {
        SiteConfig config = site.config();
        List<Object> graph = new ArrayList<>();
        graph.add(breadcrumbs(page, canonical));
        if (page.path().isEmpty() && !page.generated()) {
            Map<String, Object> web = node("WebSite");
            web.put("name", config.title().isEmpty() ? page.title() : config.title());
            if (!config.description().isBlank()) web.put("description", config.description());
            web.put("url", config.absolute(""));
            web.put("inLanguage", config.language());
            graph.add(web);
        }
        List<Page> profiles = page.isSectionIndex()
                ? site.pages().stream().filter(p -> p.profile().isPresent() && p.section().equals(page.path())
                && !p.path().equals(page.path())).toList()
                : List.of();
        if (!profiles.isEmpty()) {
            Map<String, Object> list = node("ItemList");
            list.put("name", page.title());
            list.put("numberOfItems", profiles.size());
            List<Object> items = new ArrayList<>();
            for (Page p : profiles) {
                Map<String, Object> item = node("ListItem");
                item.put("position", items.size() + 1);
                item.put("name", p.profile().map(d -> d.name()).filter(n -> !n.isBlank()).orElse(p.title()));
                item.put("url", config.absolute(p.path()));
                items.add(item);
            }
            list.put("itemListElement", items);
            graph.add(list);
        }
        if (!outcomes.isEmpty()) {
            Map<String, Object> faq = node("FAQPage");
            faq.put("name", page.title());
            List<Object> questions = new ArrayList<>();
            for (Answer a : outcomes) {
                Map<String, Object> q = node("Question");
                q.put("name", a.question());
                Map<String, Object> answer = node("Answer");
                answer.put("text", a.text());
                q.put("acceptedAnswer", answer);
                questions.add(q);
            }
            faq.put("mainEntity", questions);
            graph.add(faq);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", graph);
        return Json.write(root);
    }

    /** Home, each section above the page that has a page, then the page itself. */
    private Map<String, Object> breadcrumbs(Page page, String canonical) {
        SiteConfig config = site.config();
        List<Object> items = new ArrayList<>();
        if (!page.path().isEmpty()) {
            Page home = byPath.get("");
            items.add(crumb(items.size() + 1, home == null ? "Home" : home.title(), config.absolute("")));
            String[] parts = page.path().split("/");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                sb.append(parts[i]).append('/');
                Page p = byPath.get(sb.toString());
                if (p != null) items.add(crumb(items.size() + 1, p.title(), config.absolute(p.path())));
            }
        }
        items.add(crumb(items.size() + 1, page.title(), canonical));
        Map<String, Object> list = node("BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> item = node("ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", type);
        return m;
    }
}

package dev.waymark.render;

import dev.waymark.content.Slug;
import dev.waymark.diag.Json;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.DecisionTree;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.UrlParts;
import dev.waymark.render.view.DecisionView;
import dev.waymark.render.view.UiText;
import dev.waymark.links.SiteLinks;
import dev.waymark.validate.OutcomeFreshness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the view of a decision tree for a page that shows it: the tree's own page, a page that embeds the widget, or
 * the tree's standalone embed page. The HTML of help and reasoning text is rendered once, relative to the tree's own
 * page, and rebased for any other page.
 */
final class DecisionViews {
    private static final int OUTLINE_DEPTH = 16;
    private static final int OUTLINE_LINES = 400;
    /** Step numbers are worked out over (node, depth) pairs; beyond this many nodes a tree's steps go unnumbered. */
    private static final int NUMBERING_LIMIT = 400;
    static final String EMBED_DIR = "embed/";

    /**
     * What is rendered once per tree, relative to the tree's own page.
     *
     * @param html     each node's help or reasoning HTML
     * @param text     each outcome's reasoning as plain text, paragraphs separated by blank lines
     * @param evidence each outcome's resolved evidence links
     * @param map      the SVG map of the tree, or empty
     */
    record Fragments(Map<String, String> html, Map<String, String> text, Map<String, List<DecisionView.Evidence>> evidence,
                     String map) {
    }

    /** Where a view is shown: the page's site path, which widget of the tree it is there (1, 2, …), and whether it is the embed page. */
    record Placement(String pagePath, int instance, boolean embed) {
        static Placement page(String pagePath) {
            return new Placement(pagePath, 1, false);
        }
    }

    private final Site site;
    private final OutcomeFreshness freshness;
    private final Map<String, Page> byPath;

    private final UiText ui;

    DecisionViews(Site site, OutcomeFreshness freshness, UiText ui) {
        this.ui = ui;
        this.site = site;
        this.freshness = freshness;
        this.byPath = site.byPath();
    }

    /** The tree's name in the address bar: its page's path as a slug ("decide", "guides-pick"). */
    static String key(DecisionTree tree) {
        String slug = Slug.of(tree.pagePath().replace('/', ' '));
        return slug.isEmpty() ? "tree" : slug;
    }

    DecisionView of(DecisionTree tree, Fragments fragments, Placement where) {
        String pagePath = where.pagePath();
        boolean own = pagePath.equals(tree.pagePath());
        String key = key(tree) + (where.instance() > 1 ? "-" + where.instance() : "");
        String prefix = own || where.embed() ? "" : key + "-";
        Map<String, DecisionNode> byId = tree.byId();
        Map<String, Integer> numbers = stepNumbers(tree, byId);
        Page page = byPath.get(tree.pagePath());
        String pageUrl = site.config().absolute(tree.pagePath());
        List<DecisionView.Question> questions = new ArrayList<>();
        List<DecisionView.Outcome> outcomes = new ArrayList<>();
        List<Object> nodesJson = new ArrayList<>();
        for (DecisionNode node : tree.nodes()) {
            String html = rebaseHtml(fragments.html().getOrDefault(node.id(), ""), tree.pagePath(), pagePath, where.embed());
            if (node instanceof DecisionNode.Question q) {
                List<DecisionView.Answer> answers = new ArrayList<>();
                List<Object> answersJson = new ArrayList<>();
                for (DecisionNode.Answer a : q.answers()) {
                    String preview = byId.get(a.target()) instanceof DecisionNode.Outcome o
                            ? ui.format("decision.leads_to", "title", o.title()) : ui.get("decision.more_questions");
                    answers.add(new DecisionView.Answer(a.label(), "#" + prefix + a.target(), prefix + a.target(), preview));
                    answersJson.add(map("label", a.label(), "target", prefix + a.target()));
                }
                questions.add(new DecisionView.Question(prefix + q.id(), numbers.getOrDefault(q.id(), 0), q.title(), html, answers));
                nodesJson.add(map("id", prefix + q.id(), "type", "question", "title", q.title(), "answers", answersJson));
            } else if (node instanceof DecisionNode.Outcome o) {
                List<DecisionView.Evidence> evidence = new ArrayList<>();
                List<Object> evidenceJson = new ArrayList<>();
                for (DecisionView.Evidence e : fragments.evidence().getOrDefault(o.id(), List.of())) {
                    String href = SiteLinks.rebase(e.href(), tree.pagePath(), pagePath);
                    evidence.add(new DecisionView.Evidence(e.label(), href));
                    evidenceJson.add(map("label", e.label(), "href", href, "abs", UrlParts.absolute(pageUrl, e.href())));
                }
                String reviewed = page == null ? "" : freshness.reviewed(o, page).map(Object::toString).orElse("");
                String stale = page == null ? "" : freshness.staleDays(o, page).map(days -> ui.format("decision.stale",
                        "reviewed", reviewed, "days", String.valueOf(days), "reference", freshness.reference().orElseThrow().toString(),
                        "max", String.valueOf(freshness.maxAge().orElseThrow()))).orElse("");
                outcomes.add(new DecisionView.Outcome(prefix + o.id(), o.title(), html, evidence, reviewed, stale));
                nodesJson.add(map("id", prefix + o.id(), "type", "outcome", "title", o.title(),
                        "why", fragments.text().getOrDefault(o.id(), ""), "reviewed", reviewed, "evidence", evidenceJson));
            }
        }
        String start = tree.start().map(s -> prefix + s.id()).orElse("");
        String label = (page == null ? key : page.title()) + (where.instance() > 1 ? " (" + where.instance() + ")" : "");
        String json = Json.write(map("key", key, "own", key(tree), "label", label, "prefix", prefix, "start", start, "guide", site.config().title(),
                "page", page == null ? "" : page.title(), "url", pageUrl, "nodes", nodesJson));
        List<DecisionView.OutlineNode> outline = tree.start()
                .map(s -> List.of(outline(s, "", byId, prefix, new HashSet<>(), new int[]{0}, 0)))
                .orElse(List.of());
        String toTree = SiteLinks.relative(pagePath, tree.pagePath()) + "index.html";
        String embedUrl = site.config().absolute(tree.pagePath() + EMBED_DIR);
        String snippet = own ? "<iframe src=\"" + embedUrl + "\" title=\"" + (page == null ? key : page.title())
                + "\" width=\"100%\" height=\"720\" loading=\"lazy\"></iframe>" : "";
        return new DecisionView(Integer.toHexString(tree.pagePath().hashCode()), key, prefix, start, json, questions, outcomes,
                outline, own ? fragments.map() : "", where.embed(), toTree, SiteLinks.relative(pagePath, tree.pagePath() + EMBED_DIR) + "index.html",
                snippet, ui);
    }

    UiText ui() {
        return ui;
    }

    /** The build-time SVG map of the tree, for its own page: a node per question and outcome, an edge per answer. */
    /** @param label the map's text alternative */
    static String map(DecisionTree tree, String label, DiagramRenderer.MapWords words) {
        if (tree.start().isEmpty()) return "";
        List<DiagramRenderer.MapNode> nodes = new ArrayList<>();
        List<DiagramRenderer.MapEdge> edges = new ArrayList<>();
        for (DecisionNode node : tree.nodes()) {
            boolean outcome = node instanceof DecisionNode.Outcome;
            nodes.add(new DiagramRenderer.MapNode(node.id(), node.title(), outcome ? "outcome" : "question"));
            if (node instanceof DecisionNode.Question q) {
                for (int i = 0; i < q.answers().size(); i++) {
                    DecisionNode.Answer a = q.answers().get(i);
                    edges.add(new DiagramRenderer.MapEdge(q.id(), a.target(), a.label(), q.id() + ">" + i));
                }
            }
        }
        return new DiagramRenderer().map(nodes, edges, tree.start().get().id(), "wm-map-" + key(tree),
                label, words);
    }

    /**
     * Each question's step number, when every path from the start reaches it after the same number of answers. A
     * question reached at different depths gets none (0): without JavaScript no single number is right for it.
     */
    private static Map<String, Integer> stepNumbers(DecisionTree tree, Map<String, DecisionNode> byId) {
        Map<String, Set<Integer>> depths = new HashMap<>();
        if (tree.start().isEmpty() || tree.nodes().size() > NUMBERING_LIMIT) return Map.of();
        int limit = tree.nodes().size();
        ArrayDeque<Map.Entry<String, Integer>> todo = new ArrayDeque<>();
        todo.add(Map.entry(tree.start().get().id(), 0));
        while (!todo.isEmpty()) {
            Map.Entry<String, Integer> item = todo.poll();
            if (!depths.computeIfAbsent(item.getKey(), k -> new HashSet<>()).add(item.getValue())) continue;
            if (item.getValue() < limit && byId.get(item.getKey()) instanceof DecisionNode.Question q) {
                for (DecisionNode.Answer a : q.answers()) {
                    if (byId.containsKey(a.target())) todo.add(Map.entry(a.target(), item.getValue() + 1));
                }
            }
        }
        Map<String, Integer> numbers = new HashMap<>();
        depths.forEach((id, d) -> {
            if (d.size() == 1) numbers.put(id, d.iterator().next() + 1);
        });
        return numbers;
    }

    private static DecisionView.OutlineNode outline(DecisionNode node, String answer, Map<String, DecisionNode> byId, String prefix,
                                                    Set<String> onPath, int[] lines, int depth) {
        lines[0]++;
        List<DecisionView.OutlineNode> children = new ArrayList<>();
        if (node instanceof DecisionNode.Question q && depth < OUTLINE_DEPTH && onPath.add(q.id())) {
            for (DecisionNode.Answer a : q.answers()) {
                DecisionNode next = byId.get(a.target());
                if (next != null && lines[0] < OUTLINE_LINES) {
                    children.add(outline(next, a.label(), byId, prefix, onPath, lines, depth + 1));
                }
            }
            onPath.remove(q.id());
        }
        return new DecisionView.OutlineNode(answer, node.title(), "#" + prefix + node.id(),
                node instanceof DecisionNode.Outcome, children);
    }

    /** Rebases links for another page; on the embed page, links that leave the widget open in the top window. */
    private static String rebaseHtml(String html, String from, String to, boolean embed) {
        if (from.equals(to) || html.isEmpty()) return html;
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (var el : doc.select("a[href]")) {
            el.attr("href", SiteLinks.rebase(el.attr("href"), from, to));
            if (embed && !el.attr("href").startsWith("#")) el.attr("target", "_top");
        }
        for (var el : doc.select("img[src]")) el.attr("src", SiteLinks.rebase(el.attr("src"), from, to));
        return doc.body().html();
    }

    static String plainText(String html) {
        if (html.isEmpty()) return "";
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        List<String> blocks = new ArrayList<>();
        for (var el : doc.body().children()) {
            String t = el.text().strip();
            if (!t.isEmpty()) blocks.add(t);
        }
        return String.join("\n\n", blocks);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}

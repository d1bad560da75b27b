package dev.waymark.render;

import dev.waymark.model.DecisionNode;
import dev.waymark.model.DecisionTree;
import dev.waymark.render.view.DecisionView;
import dev.waymark.links.SiteLinks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the view of a decision tree for the page that shows it. The HTML of help and reasoning text is rendered once,
 * relative to the tree's own page, and rebased for any other page that embeds the widget.
 */
final class DecisionViews {
    private static final int OUTLINE_DEPTH = 16;
    private static final int OUTLINE_LINES = 400;

    /** Pre-rendered HTML and resolved evidence of one tree, relative to the tree's own page. */
    record Fragments(Map<String, String> html, Map<String, List<DecisionView.Evidence>> evidence) {
    }

    private DecisionViews() {
    }

    static DecisionView of(DecisionTree tree, Fragments fragments, String pagePath) {
        boolean own = pagePath.equals(tree.pagePath());
        String prefix = own ? "" : "tree-";
        List<DecisionView.Question> questions = new ArrayList<>();
        List<DecisionView.Outcome> outcomes = new ArrayList<>();
        List<Object> nodesJson = new ArrayList<>();
        int number = 0;
        for (DecisionNode node : tree.nodes()) {
            String html = rebaseHtml(fragments.html().getOrDefault(node.id(), ""), tree.pagePath(), pagePath);
            if (node instanceof DecisionNode.Question q) {
                number++;
                List<DecisionView.Answer> answers = new ArrayList<>();
                List<Object> answersJson = new ArrayList<>();
                for (DecisionNode.Answer a : q.answers()) {
                    answers.add(new DecisionView.Answer(a.label(), "#" + prefix + a.target(), prefix + a.target()));
                    answersJson.add(map("label", a.label(), "target", prefix + a.target()));
                }
                questions.add(new DecisionView.Question(prefix + q.id(), number, q.title(), html, answers));
                nodesJson.add(map("id", prefix + q.id(), "type", "question", "title", q.title(), "answers", answersJson));
            } else if (node instanceof DecisionNode.Outcome o) {
                List<DecisionView.Evidence> evidence = new ArrayList<>();
                List<Object> evidenceJson = new ArrayList<>();
                for (DecisionView.Evidence e : fragments.evidence().getOrDefault(o.id(), List.of())) {
                    String href = SiteLinks.rebase(e.href(), tree.pagePath(), pagePath);
                    evidence.add(new DecisionView.Evidence(e.label(), href));
                    evidenceJson.add(map("label", e.label(), "href", href));
                }
                outcomes.add(new DecisionView.Outcome(prefix + o.id(), o.title(), html, evidence));
                nodesJson.add(map("id", prefix + o.id(), "type", "outcome", "title", o.title(), "evidence", evidenceJson));
            }
        }
        String start = tree.start().map(s -> prefix + s.id()).orElse("");
        String json = Json.write(map("start", start, "nodes", nodesJson));
        List<DecisionView.OutlineNode> outline = tree.start()
                .map(s -> List.of(outline(s, "", tree.byId(), prefix, new HashSet<>(), new int[]{0}, 0)))
                .orElse(List.of());
        return new DecisionView(Integer.toHexString(tree.pagePath().hashCode()), prefix, start, json, questions, outcomes, outline);
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

    private static String rebaseHtml(String html, String from, String to) {
        if (from.equals(to) || html.isEmpty()) return html;
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (var el : doc.select("a[href]")) el.attr("href", SiteLinks.rebase(el.attr("href"), from, to));
        for (var el : doc.select("img[src]")) el.attr("src", SiteLinks.rebase(el.attr("src"), from, to));
        return doc.body().html();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}

package dev.waymark.content;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.ChoiceItem;
import dev.waymark.model.ChoiceKind;
import dev.waymark.model.ChoiceList;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.PageKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the typed structure out of a page's AST: heading ids, choice lists, directives and decision-tree nodes.
 * Problems are reported at their line; the AST itself is left as it is.
 */
public final class StructureReader {
    private static final Pattern DIRECTIVE = Pattern.compile("^\\{\\{<\\s*([a-z][a-z0-9-]*)((?:\\s+[a-z]+=\"[^\"]*\")*)\\s*>}}$");
    private static final Pattern ARG = Pattern.compile("([a-z]+)=\"([^\"]*)\"");
    /** An outcome's own review date: a paragraph of just {@code reviewed: YYYY-MM-DD}. */
    private static final Pattern REVIEWED_LINE = Pattern.compile("^reviewed:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /** A heading that starts with a label and a colon, which may be a mistyped "Question:" or "Outcome:". */
    private static final Pattern NODE_LABEL = Pattern.compile("^\\s*(\\p{L}{3,12})\\s*:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern NODE_HEADING = Pattern.compile("^(question|outcome)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /**
     * Every id the theme itself sets starts with this prefix (wm-main, wm-search-input…), so a heading keeps the id its
     * text gives; a body id must not start with it.
     */
    public static final String THEME_ID_PREFIX = "wm-";

    public PageStructure read(ParsedPage page, Diagnostics diagnostics) {
        Path file = page.source().displayPath();
        Document doc = page.document();
        LineIndex.attach(doc);
        List<dev.waymark.model.Heading> headings = new ArrayList<>();
        Map<Node, String> headingIds = new IdentityHashMap<>();
        Map<Node, ChoiceList> choiceLists = new IdentityHashMap<>();
        Map<Node, String> choiceItemIds = new IdentityHashMap<>();
        Map<Node, Directive> directives = new IdentityHashMap<>();
        List<ChoiceList> choiceListOrder = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> nextSuffix = new HashMap<>();
        Map<String, SourcePosition> firstUse = new LinkedHashMap<>();
        Optional<String> title = Optional.empty();

        for (Node node : doc.getDescendants()) {
            if (node instanceof AttributeNode a && a.isId()) {
                String id = a.getValue().toString();
                if (!(a.getParent() != null && a.getParent().getParent() instanceof Heading)) {
                    claim(id, at(file, node), ids, firstUse, diagnostics);
                }
            } else if (node instanceof Footnote f) {
                ids.add("fnref-" + f.getText());
            } else if (node instanceof FootnoteBlock f) {
                ids.add("fn-" + f.getText());
            }
        }

        boolean first = true;
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                String text = AstText.of(h);
                if (h.getLevel() == 1) {
                    if (first && page.frontMatter().title().isEmpty()) {
                        title = Optional.of(text);
                    } else if (!(first && page.frontMatter().title().map(text::equals).orElse(false))
                            && !diagnostics.hasCause(file)) {
                        // with unreadable front matter the title is a placeholder, so this would only follow from it
                        diagnostics.error("second-h1", at(file, h), "a second top-level heading \"" + text + "\"",
                                "the page title is the only h1; start body headings at ##");
                    }
                    first = false;
                    continue;
                }
                String id = explicitId(h).orElseGet(() -> uniqueSlug(text, ids, nextSuffix));
                if (id.isEmpty()) {
                    id = uniqueSlug("section", ids, nextSuffix);
                }
                claim(id, at(file, h), ids, firstUse, diagnostics);
                headingIds.put(h, id);
                headings.add(new dev.waymark.model.Heading(h.getLevel(), id, text, at(file, h)));
                Optional<ChoiceKind> kind = choiceKind(h, text);
                if (kind.isPresent()) {
                    readChoiceList(h, kind.get(), id, text, file, diagnostics, choiceLists, choiceItemIds, choiceListOrder,
                            ids, firstUse);
                }
            } else if (node instanceof Paragraph p) {
                readDirective(p, file, diagnostics).ifPresent(d -> directives.put(p, d));
            }
            first = false;
        }

        List<DecisionNode> decisionNodes = new ArrayList<>();
        Map<String, List<Node>> regions = new LinkedHashMap<>();
        if (page.frontMatter().kind() == PageKind.DECISION) {
            readDecisionNodes(doc, headingIds, file, diagnostics, decisionNodes, regions);
            if (decisionNodes.isEmpty()) treeEmpty(doc, page.frontMatter().at(), file, diagnostics);
        }
        return new PageStructure(headings, headingIds, choiceListOrder, choiceLists, choiceItemIds, directives,
                decisionNodes, regions, ids, title);
    }

    private static void claim(String id, SourcePosition at, Set<String> ids, Map<String, SourcePosition> firstUse,
                              Diagnostics diagnostics) {
        if (reserved(id)) {
            diagnostics.error("reserved-id", at, "id \"" + id + "\" is reserved for the theme (ids starting with " + THEME_ID_PREFIX + ")",
                    "choose another id, e.g. \"" + id.substring(THEME_ID_PREFIX.length()) + "\"");
        } else if (!ids.add(id)) {
            SourcePosition before = firstUse.get(id);
            diagnostics.error("duplicate-id", at, "duplicate id \"" + id + "\"" + (before == null ? "" : " (first used on line " + before.line() + ")"),
                    "give one of them another id with {#other-id}");
        }
        firstUse.putIfAbsent(id, at);
    }

    /**
     * The heading's slug, or the slug with the smallest free suffix. ids only ever grow, so a suffix found taken
     * stays taken: {@code nextSuffix} remembers where each slug's search stopped, which keeps thousands of headings
     * with the same text linear instead of trying -1, -2, … again for each one.
     */
    private static String uniqueSlug(String text, Set<String> ids, Map<String, Integer> nextSuffix) {
        String base = Slug.of(text);
        if (base.isEmpty()) base = "section";
        if (reserved(base)) base = "section-" + base;
        if (!ids.contains(base)) return base;
        int n = nextSuffix.getOrDefault(base, 1);
        while (ids.contains(base + "-" + n)) n++;
        nextSuffix.put(base, n + 1);
        return base + "-" + n;
    }

    private static boolean reserved(String id) {
        return id.startsWith(THEME_ID_PREFIX);
    }

    private static Optional<String> explicitId(Heading h) {
        for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof AttributesNode) {
                for (Node a = c.getFirstChild(); a != null; a = a.getNext()) {
                    if (a instanceof AttributeNode an && an.isId()) {
                        return Optional.of(an.getValue().toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasClass(Heading h, String cls) {
        for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof AttributesNode) {
                for (Node a = c.getFirstChild(); a != null; a = a.getNext()) {
                    if (a instanceof AttributeNode an && an.isClass() && an.getValue().toString().equals(cls)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<ChoiceKind> choiceKind(Heading h, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (hasClass(h, "choices-right") || t.contains("right choice")) return Optional.of(ChoiceKind.RIGHT);
        if (hasClass(h, "choices-wrong") || t.contains("wrong choice")) return Optional.of(ChoiceKind.WRONG);
        return Optional.empty();
    }

    private static void readChoiceList(Heading h, ChoiceKind kind, String headingId, String headingText, Path file,
                                       Diagnostics diagnostics, Map<Node, ChoiceList> lists, Map<Node, String> itemIds,
                                       List<ChoiceList> order, Set<String> ids, Map<String, SourcePosition> firstUse) {
        BulletList list = null;
        for (Node n = h.getNext(); n != null && !(n instanceof Heading); n = n.getNext()) {
            if (n instanceof BulletList b) {
                list = b;
                break;
            }
        }
        if (list == null) {
            diagnostics.error("choice-list-empty", at(file, h), "choice list \"" + headingText + "\" has no items",
                    "follow the heading with a bullet list: - **Short title.** Explanation");
            return;
        }
        List<ChoiceItem> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem li)) continue;
            Node para = li.getFirstChild();
            Node strong = para instanceof Paragraph ? para.getFirstChild() : null;
            if (!(strong instanceof StrongEmphasis)) {
                diagnostics.error("choice-item-no-title", at(file, li), "choice item has no bold title",
                        "start the item with a short bold title: - **Short title.** Explanation");
                continue;
            }
            String title = AstText.of(strong).replaceAll("[.:;!]+$", "").strip();
            String id = kind.prefix() + "-" + Slug.of(title);
            if (title.isEmpty()) {
                diagnostics.error("choice-item-no-title", at(file, li), "choice item has an empty title", "write a short bold title");
                continue;
            }
            claim(id, at(file, li), ids, firstUse, diagnostics);
            itemIds.put(li, id);
            String whole = AstText.of(li);
            String text = whole.startsWith(AstText.of(strong)) ? whole.substring(AstText.of(strong).length()).strip() : whole;
            items.add(new ChoiceItem(id, title, text, at(file, li)));
        }
        ChoiceList cl = new ChoiceList(kind, headingId, headingText, items, at(file, h));
        lists.put(list, cl);
        order.add(cl);
    }

    private static Optional<Directive> readDirective(Paragraph p, Path file, Diagnostics diagnostics) {
        String raw = p.getChars().toString().strip();
        if (!raw.startsWith("{{<")) {
            return Optional.empty();
        }
        Matcher m = DIRECTIVE.matcher(raw);
        if (!m.matches()) {
            diagnostics.error("bad-directive", at(file, p), "malformed directive " + abbreviate(raw),
                    "write it on its own line as {{< name key=\"value\" >}}, e.g. {{< comparison >}}");
            return Optional.empty();
        }
        Map<String, String> args = new LinkedHashMap<>();
        Matcher a = ARG.matcher(m.group(2));
        while (a.find()) {
            args.put(a.group(1), a.group(2));
        }
        return Optional.of(new Directive(m.group(1), args, at(file, p)));
    }

    private static void readDecisionNodes(Document doc, Map<Node, String> headingIds, Path file, Diagnostics diagnostics,
                                          List<DecisionNode> out, Map<String, List<Node>> regions) {
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof Heading h) || h.getLevel() != 2) continue;
            // "## Question: …" and "## Outcome: …", or in any language a heading marked {.question} or {.outcome}
            Matcher m = NODE_HEADING.matcher(AstText.of(h));
            boolean marked = hasClass(h, "question") || hasClass(h, "outcome");
            Optional<Meant> meant = Optional.empty();
            if (!m.matches() && !marked) {
                meant = mistypedNodeHeading(h, file, diagnostics);
                if (meant.isEmpty()) continue;
            }
            String id = headingIds.get(h);
            String title = marked ? AstText.of(h).strip() : meant.isPresent() ? meant.get().title() : m.group(2).strip();
            boolean question = marked ? hasClass(h, "question") : meant.isPresent() ? meant.get().question() : m.group(1).equalsIgnoreCase("question");
            List<Node> region = new ArrayList<>();
            region.add(h);
            for (Node n = h.getNext(); n != null && !(n instanceof Heading nh && nh.getLevel() <= 2); n = n.getNext()) {
                region.add(n);
            }
            BulletList links = null;
            for (int i = region.size() - 1; i > 0; i--) {
                if (region.get(i) instanceof BulletList b) {
                    links = b;
                    break;
                }
            }
            regions.put(id, region);
            if (question) {
                List<DecisionNode.Answer> answers = new ArrayList<>();
                List<Link> items = linkItems(links, file, diagnostics, "answer");
                int broken = links == null ? 0 : countChildren(links) - items.size();
                for (Link link : items) {
                    String url = link.getUrl().toString();
                    if (!url.startsWith("#")) {
                        diagnostics.error("tree-answer-target", at(file, link), "an answer must point to a question or outcome on this page, not \"" + abbreviate(url) + "\"",
                                "write answers as - [Label](#node-id)");
                        broken++;
                        continue;
                    }
                    answers.add(new DecisionNode.Answer(AstText.of(link), url.substring(1), at(file, link)));
                }
                out.add(new DecisionNode.Question(id, title, answers, at(file, h), broken));
            } else {
                List<DecisionNode.Evidence> evidence = new ArrayList<>();
                for (Link link : linkItems(links, file, diagnostics, "evidence")) {
                    evidence.add(new DecisionNode.Evidence(AstText.of(link), link.getUrl().toString(), at(file, link)));
                }
                Optional<java.time.LocalDate> reviewed = Optional.empty();
                for (Node n : region) {
                    Optional<String> value = reviewedLine(n);
                    if (value.isEmpty()) continue;
                    try {
                        reviewed = Optional.of(java.time.LocalDate.parse(value.get()));
                    } catch (java.time.format.DateTimeParseException e) {
                        diagnostics.error("bad-date", at(file, n), "reviewed date \"" + abbreviate(value.get()) + "\" is not a date",
                                "write it as reviewed: YYYY-MM-DD, e.g. reviewed: 2026-01-31");
                    }
                }
                out.add(new DecisionNode.Outcome(id, title, evidence, reviewed, at(file, h)));
            }
        }
    }

    /** What a mistyped node heading was meant to be. */
    private record Meant(boolean question, String title) {
    }

    /**
     * A level-2 heading that was meant as a node ({@code ## Questoin: …}, {@code ## Outcomes: …}) is an error at the
     * heading, with the word it was meant to be. The tree then reads it as meant, so that the answers leading to it and
     * the nodes it leads to are not reported as well: the typo is the one cause.
     */
    private static Optional<Meant> mistypedNodeHeading(Heading h, Path file, Diagnostics diagnostics) {
        Matcher label = NODE_LABEL.matcher(AstText.of(h));
        if (!label.matches()) return Optional.empty();
        String near = dev.waymark.diag.Suggest.closest(label.group(1).toLowerCase(java.util.Locale.ROOT), List.of("question", "outcome"));
        if (near == null) return Optional.empty();
        String word = Character.toUpperCase(near.charAt(0)) + near.substring(1);
        diagnostics.error("tree-heading-typo", at(file, h), "heading \"" + abbreviate(AstText.of(h).strip()) + "\" is neither a question nor an outcome",
                "did you mean `## " + word + ": " + abbreviate(label.group(2).strip()) + "`?");
        return Optional.of(new Meant(near.equals("question"), label.group(2).strip()));
    }

    /**
     * A decision page without a question or outcome. Written at another level ({@code ### Question: …}), the headings
     * are there but not read: said so at the first of them, which is the mistake, rather than at the top of the file.
     */
    private static void treeEmpty(Document doc, SourcePosition top, Path file, Diagnostics diagnostics) {
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() != 2
                    && (NODE_HEADING.matcher(AstText.of(h)).matches() || hasClass(h, "question") || hasClass(h, "outcome"))) {
                String marks = "#".repeat(h.getLevel());
                diagnostics.error("tree-empty", at(file, h), "this question or outcome heading is level " + h.getLevel() + " (" + marks
                                + "), so the decision page has none: the tree is read from level-2 headings (##) only",
                        "write it, and the page's other questions and outcomes, with ## instead of " + marks);
                return;
            }
        }
        diagnostics.error("tree-empty", top, "a decision page has no Question or Outcome headings",
                "add `## Question: …? {#id}` sections with `- [Answer](#next-id)` items, and `## Outcome: … {#id}` sections");
    }

    /**
     * The date text of an outcome's {@code reviewed: YYYY-MM-DD} paragraph, when {@code node} is one. The renderer leaves
     * such a paragraph out of the outcome's text; the date is shown as the outcome's review date instead.
     */
    public static Optional<String> reviewedLine(Node node) {
        if (!(node instanceof Paragraph p)) return Optional.empty();
        Matcher m = REVIEWED_LINE.matcher(p.getChars().toString().strip());
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The links of a list whose every item is exactly one link. */
    private static List<Link> linkItems(BulletList list, Path file, Diagnostics diagnostics, String what) {
        List<Link> out = new ArrayList<>();
        if (list == null) return out;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Node para = item.getFirstChild();
            Node link = para instanceof Paragraph ? para.getFirstChild() : null;
            if (link instanceof Link l && link.getNext() == null && para.getNext() == null) {
                out.add(l);
            } else {
                // the cause first: what the item is, then what it must be
                String text = AstText.of(item).strip().replaceAll("\\s+", " ");
                String label = text.isEmpty() ? (what.equals("answer") ? "Answer label" : "Why") : abbreviate(text);
                diagnostics.error("link-list-item", at(file, item), (text.isEmpty() ? "this " + what + " item is empty"
                                : "this " + what + " item is " + (containsLink(item) ? "more than a link" : "not a link") + ": \"" + abbreviate(text) + "\"")
                                + "; each " + what + " item must be exactly one link",
                        what.equals("answer") ? "write it as - [" + label + "](#next-node-id), where next-node-id is the {#id} of the question or outcome it leads to"
                                : "write it as - [" + label + "](other-page.md#heading-id)");
            }
        }
        return out;
    }

    private static int countChildren(Node parent) {
        int n = 0;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) n++;
        return n;
    }

    private static boolean containsLink(Node node) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Link || containsLink(c)) return true;
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static SourcePosition at(Path file, Node node) {
        return LineIndex.position(file, node);
    }
}

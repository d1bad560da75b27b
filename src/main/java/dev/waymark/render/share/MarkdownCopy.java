package dev.waymark.render.share;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.waymark.content.Directive;
import dev.waymark.content.PageStructure;
import dev.waymark.content.ParsedPage;
import dev.waymark.model.NavNode;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.model.UrlParts;
import dev.waymark.render.RenderedFile;
import dev.waymark.render.view.ComparisonView;
import dev.waymark.render.view.DecisionView;
import dev.waymark.links.SiteLinks;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page as clean Markdown, next to its HTML ({@code …/index.md}), for answer engines and readers of plain text: the
 * title and description instead of front matter, the author's Markdown as written with every link made absolute from
 * {@code base_url}, the comparison as a Markdown table and the decision tree as nested lists.
 */
public final class MarkdownCopy {
    public static final String FILE = "index.md";

    /** What directives expand to: the comparison table, and the decision tree a directive names. */
    public record Expansions(Supplier<ComparisonView> comparison, Function<Directive, Optional<DecisionView>> decision) {
    }

    private final Site site;
    private final SiteLinks links;

    public MarkdownCopy(Site site, SiteLinks links) {
        this.site = site;
        this.links = links;
    }

    /**
     * The page's body as Markdown: each block as written, links made absolute, directives expanded.
     *
     * @param source the page's parsed Markdown (null for a generated page); read, never changed
     */
    public String body(Page page, ParsedPage source, PageStructure structure, Expansions expansions) {
        if (source == null) return "";
        StringBuilder md = new StringBuilder();
        for (Node block = source.document().getFirstChild(); block != null; block = block.getNext()) {
            Directive d = structure.directives().get(block);
            String text = d == null ? blockText(page, block) : directive(d, page, expansions);
            if (!text.isBlank()) md.append(text.strip()).append("\n\n");
        }
        return md.toString();
    }

    /**
     * The whole copy: title, description and profile from the front matter, the {@link #body}, the page's own decision
     * tree and a section's pages.
     *
     * @param decision the page's own decision tree, whose nodes are no longer in the document
     */
    public RenderedFile of(Page page, String body, Optional<DecisionView> decision) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(page.title())).append("\n\n");
        if (!page.description().isBlank()) md.append("> ").append(inline(page.description())).append("\n\n");
        page.profile().ifPresent(p -> {
            if (!p.tagline().isBlank()) md.append("**").append(inline(p.tagline())).append("**\n\n");
            if (!p.philosophy().isBlank()) md.append(inline(p.philosophy())).append("\n\n");
            List<String> in = new ArrayList<>();
            for (String key : site.config().capabilityOrder()) {
                if (p.includes(key)) in.add(inline(site.config().capabilities().get(key)));
            }
            if (!in.isEmpty()) md.append("Includes: ").append(String.join(", ", in)).append(".\n\n");
            p.links().forEach(l -> md.append("- [").append(inline(l.title())).append("](").append(l.url()).append(")\n"));
            if (!p.links().isEmpty()) md.append('\n');
        });
        md.append(body);
        decision.ifPresent(tree -> md.append(tree(tree, page)));
        if (page.isSectionIndex()) md.append(children(page));
        String text = md.toString().strip() + "\n";
        return new RenderedFile(page.path() + FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The block's own Markdown, with each link destination replaced by its absolute URL. */
    private String blockText(Page page, Node block) {
        BasedSequence chars = block.getChars();
        int start = chars.getStartOffset();
        List<int[]> spans = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        collect(page, block, spans, urls);
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> spans.get(i)[0]));
        StringBuilder sb = new StringBuilder();
        String base = chars.toString();
        int at = 0;
        for (int i : order) {
            int s = spans.get(i)[0] - start;
            int e = spans.get(i)[1] - start;
            if (s < at || e > base.length()) continue;
            sb.append(base, at, s).append(urls.get(i));
            at = e;
        }
        sb.append(base.substring(at));
        return sb.toString();
    }

    private void collect(Page page, Node node, List<int[]> spans, List<String> urls) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            BasedSequence url = null;
            if (n instanceof Link l) url = l.getUrl();
            else if (n instanceof Image i) url = i.getUrl();
            else if (n instanceof Reference r) url = r.getUrl();
            if (url != null && !url.isEmpty()) {
                spans.add(new int[]{url.getStartOffset(), url.getEndOffset()});
                urls.add(destination(absolute(page, url.unescape())));
            }
            if (!(n instanceof AutoLink) && !(n instanceof LinkRef) && !(n instanceof ImageRef)) collect(page, n, spans, urls);
        }
    }

    /** An internal link resolved against the page's own URL; external links stay as they are. */
    String absolute(Page page, String url) {
        String href = links.resolve(page, url, page.at(), d -> { }).url();
        return absoluteHref(page, href);
    }

    private String absoluteHref(Page page, String href) {
        return UrlParts.absolute(site.config().absolute(page.path()), href);
    }

    private static String destination(String url) {
        return url.matches(".*[\\s()<>].*") ? "<" + url.replace("<", "%3C").replace(">", "%3E") + ">" : url;
    }

    private String directive(Directive d, Page page, Expansions expansions) {
        return switch (d.name()) {
            case "comparison" -> site.profiles().isEmpty() ? "" : table(expansions.comparison().get(), page);
            case "decision" -> expansions.decision().apply(d).map(t -> tree(t, page)).orElse("");
            default -> "";
        };
    }

    private String table(ComparisonView view, Page page) {
        StringBuilder sb = new StringBuilder("| Capability |");
        view.columns().forEach(c -> sb.append(" [").append(cell(c.name())).append("](").append(destination(absoluteHref(page, c.href()))).append(") |"));
        sb.append("\n|---|");
        view.columns().forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (ComparisonView.Row row : view.rows()) {
            sb.append("| ").append(cell(row.label())).append(" |");
            for (ComparisonView.Cell c : row.cells()) {
                sb.append(' ').append(c.included() ? "Yes" : "No");
                if (!c.note().isBlank()) sb.append(" (").append(cell(c.note())).append(')');
                sb.append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every path through the tree as nested lists, then each outcome with its reasons and evidence. */
    private String tree(DecisionView view, Page page) {
        StringBuilder sb = new StringBuilder();
        outline(view.outline(), 0, sb, page);
        sb.append('\n');
        for (DecisionView.Outcome o : view.outcomes()) {
            sb.append("### ").append(inline(o.title())).append("\n\n");
            String why = Jsoup.parseBodyFragment(o.whyHtml()).text();
            if (!why.isBlank()) sb.append(inline(why)).append("\n\n");
            for (DecisionView.Evidence e : o.evidence()) {
                sb.append("- [").append(inline(e.label())).append("](").append(destination(absoluteHref(page, e.href()))).append(")\n");
            }
            if (!o.evidence().isEmpty()) sb.append('\n');
        }
        return sb.toString();
    }

    private void outline(List<DecisionView.OutlineNode> nodes, int depth, StringBuilder sb, Page page) {
        for (DecisionView.OutlineNode n : nodes) {
            sb.append("  ".repeat(depth)).append("- ");
            if (!n.answer().isEmpty()) sb.append(inline(n.answer())).append(": ");
            String link = "[" + inline(n.title()) + "](" + destination(absoluteHref(page, n.href())) + ")";
            sb.append(n.outcome() ? "**" + link + "**" : link).append('\n');
            outline(n.children(), depth + 1, sb, page);
        }
    }

    private String children(Page page) {
        List<NavNode> kids = page.path().isEmpty() ? site.nav() : find(site.nav(), page.path()).map(NavNode::children).orElse(List.of());
        if (kids.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("## In this section\n\n");
        SiteConfig config = site.config();
        kids.forEach(k -> sb.append("- [").append(inline(k.title())).append("](").append(destination(config.absolute(k.path()))).append(")\n"));
        return sb.append('\n').toString();
    }

    private static Optional<NavNode> find(List<NavNode> nodes, String path) {
        for (NavNode n : nodes) {
            if (n.path().equals(path)) return Optional.of(n);
            Optional<NavNode> inner = find(n.children(), path);
            if (inner.isPresent()) return inner;
        }
        return Optional.empty();
    }

    /** Plain text made safe as inline Markdown: characters that would start markup are backslash-escaped. */
    static String inline(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.replaceAll("\\s+", " ").strip().toCharArray()) {
            if ("\\`*_[]<>#|!&".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return inline(text);
    }
}

package dev.waymark.render;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.content.AstText;
import dev.waymark.content.Directive;
import dev.waymark.content.PageStructure;
import dev.waymark.content.StructureReader;
import dev.waymark.content.ParsedPage;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.DecisionTree;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.render.share.MarkdownCopy;
import dev.waymark.render.view.DecisionView;
import dev.waymark.links.SiteLinks;
import dev.waymark.links.SourceMap;
import dev.waymark.validate.OutcomeFreshness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Renders every page of the site through the theme, in parallel, and hands each file to a sink as soon as it is
 * rendered, so no stage holds the whole output. Each page's Markdown tree is released once its page is rendered.
 * Decision-tree fragments are rendered first, once, because other pages may embed the widget.
 */
public final class SiteRenderer {
    /**
     * The site's {@link SourceMap} file: where each rendered page's links come from in its Markdown.
     *
     * @param content the content folder as seen from the output folder
     */
    public RenderedFile sourceMap(java.nio.file.Path content) {
        return new RenderedFile(SourceMap.FILE_NAME, sources.map(content).bytes());
    }

    /** The source-map record of each page rendered so far, by output file. */
    public Map<String, SourceMap.Page> recordedSources() {
        return sources.snapshot();
    }

    /** Records pages that are not rendered (the build cache holds their files) as they were when they were. */
    public void recordSources(Map<String, SourceMap.Page> pages) {
        pages.forEach((file, page) -> sources.page(file, page.source(), page.refs()));
    }

    /** The recorder of the source map, which an incremental renderer rolls back after a round that was not written. */
    SourceMap.Recorder sources() {
        return sources;
    }

    /** The source map of the pages a site has now (an incremental renderer has seen pages that are gone since). */
    RenderedFile sourceMap(java.nio.file.Path content, Site site) {
        Set<String> now = new HashSet<>();
        site.pages().forEach(p -> now.add(p.outputFile()));
        sources.retain(now);
        return sourceMap(content);
    }

    /** The per-page inputs of rendering. */
    public record Source(ParsedPage parsed, PageStructure structure) {
    }

    private final BodyRenderer bodies;
    private final Theme theme;
    private final ExecutorService pool;
    /** The edition's language; null until {@link #in} names one, then the site's language is used. */
    private final Localized localized;
    private final SourceMap.Recorder sources = new SourceMap.Recorder();

    public SiteRenderer(BodyRenderer bodies, Theme theme, ExecutorService pool) {
        this(bodies, theme, pool, null);
    }

    private SiteRenderer(BodyRenderer bodies, Theme theme, ExecutorService pool, Localized localized) {
        this.bodies = bodies;
        this.theme = theme;
        this.pool = pool;
        this.localized = localized;
    }

    /** The same renderer for one language's edition of the site. */
    public SiteRenderer in(Localized language) {
        return new SiteRenderer(bodies, theme, pool, language);
    }

    /** The edition's language, or the site's own when none was named. */
    Localized localized(Site site) {
        return localized != null ? localized
                : Localized.single(UiTexts.load(theme.folders(), site.config().language(), new dev.waymark.diag.Diagnostics()));
    }

    Theme theme() {
        return theme;
    }

    /**
     * @param sources each page's parsed source by source path; entries are removed as their pages are rendered
     * @param sink    receives every rendered file, from several threads at once
     * @return how many files went to the sink
     */
    public int render(Site site, ConcurrentMap<String, Source> sources, SiteLinks links, Map<String, String> lastUpdated,
                      String contentPrefix, Diagnostics diagnostics, Consumer<RenderedFile> sink) {
        return render(site, sources, links, lastUpdated, contentPrefix, diagnostics, sink, page -> false);
    }

    /**
     * {@link #render(Site, ConcurrentMap, SiteLinks, Map, String, Diagnostics, Consumer)}, leaving out the files of the
     * pages {@code reused} accepts (their page, Markdown copy and embed page): the build cache has put them in place.
     */
    public int render(Site site, ConcurrentMap<String, Source> sources, SiteLinks links, Map<String, String> lastUpdated,
                      String contentPrefix, Diagnostics diagnostics, Consumer<RenderedFile> sink,
                      java.util.function.Predicate<Page> reused) {
        Localized language = localized(site);
        Map<String, DecisionViews.Fragments> fragments = new HashMap<>();
        Map<String, DecisionTree> trees = new HashMap<>();
        for (Page page : site.pages()) {
            page.decisionTree().ifPresent(tree -> {
                Source src = sources.get(page.sourcePath());
                fragments.put(page.sourcePath(), decisionFragments(page, tree, src, links, site, diagnostics, language.ui()));
                trees.put(page.sourcePath(), tree);
            });
        }
        DecisionViews decisions = decisions(site, lastUpdated, language.ui());
        PageViews views = new PageViews(site, theme, lastUpdated, contentPrefix, language);
        MarkdownCopy copies = new MarkdownCopy(site, links);
        List<Future<?>> futures = new ArrayList<>();
        for (Page page : site.pages()) {
            if (reused.test(page)) {
                if (!page.sourcePath().isEmpty()) sources.remove(page.sourcePath());
                continue;
            }
            futures.add(pool.submit(() -> {
                Source src = page.sourcePath().isEmpty() ? null : sources.remove(page.sourcePath());
                sink.accept(renderPage(page, site, src, links, views, decisions, fragments, trees, diagnostics));
                sink.accept(copies.of(page, markdownBody(copies, page, site, src, decisions, fragments, trees), decision(page, fragments, decisions)));
            }));
            page.decisionTree().filter(t -> hasEmbed()).ifPresent(tree -> futures.add(pool.submit(() ->
                    sink.accept(embedPage(page, tree, views, decisions, fragments.get(page.sourcePath()))))));
        }
        for (Future<?> f : futures) {
            dev.waymark.Work.join(f);
        }
        if (language.prefix().isEmpty()) sink.accept(notFound(site, views, language.ui()));
        sink.accept(searchPage(site, views, language.ui()));
        return 2 * futures.size() + (language.prefix().isEmpty() ? 2 : 1);
    }

    /** The body of the page's Markdown copy, with the comparison and decision trees it shows expanded. */
    static String markdownBody(MarkdownCopy copies, Page page, Site site, Source src, DecisionViews decisions,
                               Map<String, DecisionViews.Fragments> fragments, Map<String, DecisionTree> trees) {
        if (src == null) return "";
        MarkdownCopy.Expansions expansions = new MarkdownCopy.Expansions(() -> ComparisonViews.of(site, page, decisions.ui()), d -> {
            String target = resolveSource(page.sourcePath(), d.args().getOrDefault("src", ""));
            DecisionTree tree = target == null ? null : trees.get(target);
            return tree == null ? Optional.empty() : Optional.of(decisions.of(tree, fragments.get(target), DecisionViews.Placement.page(page.path())));
        });
        return copies.body(page, src.parsed(), src.structure(), expansions);
    }

    /** {@code 404.html}: links from the base path, since it is served for any missing URL. */
    RenderedFile notFound(Site site, PageViews views, dev.waymark.render.view.UiText ui) {
        Page notFound = Page.generated(SourcePosition.ofFile(java.nio.file.Path.of("404")), "404/", "", dev.waymark.model.PageKind.PAGE,
                ui.get("not_found.title"), ui.get("not_found.description"));
        return new RenderedFile("404.html",
                theme.renderBytes("notfound.jte", "page", views.of(notFound, site.config().basePath(), "", Optional.empty())));
    }

    /** {@code search/index.html}: every page and section, so the search box is useful without JavaScript. */
    RenderedFile searchPage(Site site, PageViews views, dev.waymark.render.view.UiText ui) {
        Page page = Page.generated(SourcePosition.ofFile(java.nio.file.Path.of("search")), Site.SEARCH_PATH, "", dev.waymark.model.PageKind.PAGE,
                ui.get("search_page.title"), ui.format("search_page.description", "site", site.config().title()));
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"search-page__intro\">").append(ui.get("search_page.intro").replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;")).append("</p>\n");
        body.append("<div class=\"search-page__results\" id=\"search-page-results\" aria-live=\"polite\"></div>\n<ul class=\"search-all\">\n");
        for (Page p : site.pages()) {
            String href = "../" + SiteLinks.relative("", p.path()) + "index.html";
            body.append("<li><a href=\"").append(escape(href)).append("\">").append(escape(p.title())).append("</a>");
            List<dev.waymark.model.Heading> hs = p.headings().stream().filter(h -> h.level() <= 3).toList();
            if (!hs.isEmpty() && p.decisionTree().isEmpty()) {
                body.append("\n<ul>");
                for (dev.waymark.model.Heading h : hs) {
                    body.append("<li><a href=\"").append(escape(href + "#" + h.id())).append("\">").append(escape(h.text())).append("</a></li>");
                }
                body.append("</ul>");
            }
            body.append("</li>\n");
        }
        body.append("</ul>\n");
        return new RenderedFile("search/index.html",
                theme.renderBytes("page.jte", "page", views.of(page, "../", body.toString(), Optional.empty())));
    }

    private static String escape(String s) {
        return org.jsoup.nodes.Entities.escape(s);
    }

    /**
     * {@code <tree page>/embed/index.html}: the widget alone, in the theme, for an {@code <iframe>} on another site.
     * Its links that leave the widget open the full guide in the top window.
     */
    RenderedFile embedPage(Page page, DecisionTree tree, PageViews views, DecisionViews decisions,
                           DecisionViews.Fragments fragments) {
        String path = page.path() + DecisionViews.EMBED_DIR;
        Page embed = Page.generated(page.at(), path, page.section(), page.kind(), page.title(), page.description());
        String root = "../".repeat(path.split("/").length);
        DecisionView view = decisions.of(tree, fragments, new DecisionViews.Placement(path, 1, true));
        return new RenderedFile(embed.outputFile(), theme.renderBytes("embed.jte", "page", views.of(embed, root, "", Optional.of(view))));
    }

    private RenderedFile renderPage(Page page, Site site, Source src, SiteLinks links, PageViews views, DecisionViews decisions,
                                    Map<String, DecisionViews.Fragments> fragments, Map<String, DecisionTree> trees,
                                    Diagnostics diagnostics) {
        String body = src == null ? "" : body(page, site, src, links, decisions, fragments, trees, diagnostics);
        return page(page, views.of(page, root(page), body, decision(page, fragments, decisions)));
    }

    /** Whether decision pages get an embed page: the theme has its template. */
    public boolean hasEmbed() {
        return theme.hasTemplate("embed.jte");
    }

    /** The embed page's file of a decision page. */
    public static String embedFile(Page page) {
        return page.path() + DecisionViews.EMBED_DIR + "index.html";
    }

    /** The prefix from a page's folder to the site root. */
    static String root(Page page) {
        return "../".repeat(page.path().isEmpty() ? 0 : page.path().split("/").length);
    }

    /** The decision views of a site: review ages are measured with the same dates the pages show. */
    static DecisionViews decisions(Site site, Map<String, String> lastUpdated, dev.waymark.render.view.UiText ui) {
        return new DecisionViews(site, new OutcomeFreshness(site, lastUpdated), ui);
    }

    /** A page's body: its Markdown (with directives) as HTML. */
    String body(Page page, Site site, Source src, SiteLinks links, DecisionViews decisions, Map<String, DecisionViews.Fragments> fragments,
                Map<String, DecisionTree> trees, Diagnostics diagnostics) {
        Map<String, Integer> widgets = new HashMap<>(); // how many times each tree is embedded so far, for unique ids
        List<SourceMap.Ref> refs = new ArrayList<>();
        BodyContext ctx = new BodyContext(page, src.parsed().source().displayPath(), src.structure(), links, diagnostics,
                site.config().trustRawHtml(), d -> directive(d, page, site, decisions, fragments, trees, widgets, diagnostics), refs,
                decisions.ui());
        try {
            String html = bodies.render(src.parsed().document(), ctx);
            sources.page(page.outputFile(), page.sourcePath(), refs);
            return html;
        } catch (StackOverflowError e) {
            // lists and quotes are limited when the page is parsed: what is left is inline nesting (emphasis, links, HTML)
            diagnostics.error("markdown-depth", SourcePosition.ofFile(page.at().file()),
                    "the Markdown is too deeply nested to render (the renderer ran out of stack)",
                    "keep emphasis, links and HTML tags from nesting thousands of levels deep");
            return "";
        }
    }

    static Optional<DecisionView> decision(Page page, Map<String, DecisionViews.Fragments> fragments, DecisionViews decisions) {
        return page.decisionTree().map(t -> decisions.of(t, fragments.get(page.sourcePath()), DecisionViews.Placement.page(page.path())));
    }

    /** A page's file: its view through the template for its kind. */
    RenderedFile page(Page page, dev.waymark.render.view.PageView view) {
        String template = page.kind().templateName() + ".jte";
        return new RenderedFile(page.outputFile(), theme.renderBytes(theme.hasTemplate(template) ? template : "page.jte", "page", view));
    }

    private String directive(Directive d, Page page, Site site, DecisionViews decisions, Map<String, DecisionViews.Fragments> fragments,
                             Map<String, DecisionTree> trees, Map<String, Integer> widgets, Diagnostics diagnostics) {
        switch (d.name()) {
            case "comparison" -> {
                if (site.profiles().isEmpty()) {
                    diagnostics.error("comparison-empty", d.at(), "the comparison table has no profiles to compare", "add pages with `type: profile`");
                    return "";
                }
                return theme.render("tag/comparison.jte", "table", ComparisonViews.of(site, page, decisions.ui()));
            }
            case "decision" -> {
                String src = d.args().getOrDefault("src", "");
                String target = resolveSource(page.sourcePath(), src);
                DecisionTree tree = target == null ? null : trees.get(target);
                if (src.isBlank()) {
                    diagnostics.error("decision-no-src", d.at(), "decision directive names no file",
                            "write {{< decision src=\"path/to/tree.md\" >}} with a path relative to this file");
                    return "";
                }
                if (tree == null) {
                    boolean exists = target != null && site.bySource(target).isPresent();
                    diagnostics.error("decision-src", d.at(), exists ? "decision directive: \"" + src + "\" is not a decision page"
                                    : "decision directive: no page \"" + src + "\"",
                            exists ? "give that page `type: decision` and a decision tree, or point src at one that has them"
                                    : "write {{< decision src=\"path/to/tree.md\" >}} with a path relative to this file");
                    return "";
                }
                int instance = widgets.merge(target, 1, Integer::sum) + (page.sourcePath().equals(target) ? 1 : 0);
                return theme.render("tag/decision.jte", "tree",
                        decisions.of(tree, fragments.get(target), new DecisionViews.Placement(page.path(), instance, false)));
            }
            default -> {
                // a typo, or a word of the same stem ("compare", "decide"): two names are far apart, a shared start of 4 is enough
                String near = dev.waymark.diag.Suggest.closest(d.name(), List.of("comparison", "decision"));
                if (near == null && d.name().length() >= 4) {
                    String start = d.name().substring(0, 4).toLowerCase(java.util.Locale.ROOT);
                    near = Stream.of("comparison", "decision").filter(n -> n.startsWith(start)).findFirst().orElse(null);
                }
                diagnostics.error("unknown-directive", d.at(), "unknown directive \"" + d.name() + "\"",
                        (near == null ? "" : "did you mean \"" + near + "\"? ") + "use {{< comparison >}} or {{< decision src=\"…\" >}}");
                return "";
            }
        }
    }

    static String resolveSource(String fromSource, String rel) {
        String normalized = dev.waymark.model.RelativePath.normalize(dev.waymark.model.RelativePath.dirOf(fromSource) + rel);
        return normalized == null || normalized.endsWith("/") ? null : normalized;
    }

    /** Renders each node's help or reasoning text and resolves its evidence, then takes the nodes out of the body. */
    DecisionViews.Fragments decisionFragments(Page page, DecisionTree tree, Source src, SiteLinks links, Site site,
                                                      Diagnostics diagnostics, dev.waymark.render.view.UiText ui) {
        Map<String, String> html = new LinkedHashMap<>();
        Map<String, List<DecisionView.Evidence>> evidence = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        BodyContext ctx = new BodyContext(page, src.parsed().source().displayPath(), src.structure(), links, diagnostics,
                site.config().trustRawHtml(), d -> "", ui);
        src.parsed().document().set(BodyContext.KEY, ctx);
        Map<String, DecisionNode> byId = tree.byId();
        for (Map.Entry<String, List<Node>> region : src.structure().regions().entrySet()) {
            List<Node> blocks = new ArrayList<>(region.getValue());
            Node lastList = null;
            for (int i = blocks.size() - 1; i > 0; i--) {
                if (blocks.get(i) instanceof BulletList) {
                    lastList = blocks.get(i);
                    break;
                }
            }
            List<Node> prose = new ArrayList<>();
            for (Node n : blocks) {
                if (!(n instanceof Heading) && n != lastList && StructureReader.reviewedLine(n).isEmpty()) prose.add(n);
            }
            String rendered = bodies.renderBlocks(prose);
            html.put(region.getKey(), rendered);
            if (byId.get(region.getKey()) instanceof DecisionNode.Outcome) text.put(region.getKey(), DecisionViews.plainText(rendered));
            if (byId.get(region.getKey()) instanceof DecisionNode.Outcome && lastList != null) {
                List<DecisionView.Evidence> ev = new ArrayList<>();
                for (Node item = lastList.getFirstChild(); item != null; item = item.getNext()) {
                    Node para = item.getFirstChild();
                    if (para instanceof Paragraph && para.getFirstChild() instanceof Link l) {
                        var at = dev.waymark.content.LineIndex.position(src.parsed().source().displayPath(), l);
                        var resolved = links.resolve(page, l.getUrl().toString(), at, diagnostics::add);
                        ev.add(new DecisionView.Evidence(AstText.of(l), resolved.url()));
                    }
                }
                evidence.put(region.getKey(), ev);
            }
            region.getValue().forEach(Node::unlink);
        }
        return new DecisionViews.Fragments(html, text, evidence, DecisionViews.map(tree, ui.format("decision.map_label", "title", page.title()),
                new DiagramRenderer.MapWords(ui.get("decision.map_node_question"), ui.get("decision.map_node_outcome"), ui.get("decision.map_text"))));
    }
}

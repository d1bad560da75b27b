package dev.waymark.render;

import dev.waymark.render.share.MarkdownCopy;

import dev.waymark.Work;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.model.DecisionTree;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.render.view.PageView;
import dev.waymark.links.SiteLinks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders only what a change touches, and remembers what it rendered: each page's body, the diagnostics of that
 * body, the pages its links resolved to, each decision tree's fragments and each page's view. A page is written
 * again only when its view (body included) differs from the one it was last written with; the template is a pure
 * function of the view, so an equal view means equal bytes.
 *
 * <p>A {@link Round} changes nothing here until it is {@linkplain #commit committed}, so a round that ends in errors
 * leaves the renderer describing the output that is still on disk.
 */
public final class IncrementalRenderer {
    private final SiteRenderer renderer;
    private final ExecutorService pool;
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, List<Diagnostic>> bodyDiagnostics = new HashMap<>();
    private final Map<String, Set<String>> linksTo = new HashMap<>();
    private final Map<String, DecisionViews.Fragments> fragments = new HashMap<>();
    private final Map<String, PageView> views = new HashMap<>();
    /** Each source's Markdown-copy body, and each page's Markdown copy as last written. */
    private final Map<String, String> markdownBodies = new HashMap<>();
    private final Map<String, String> markdown = new HashMap<>();
    /** The source map's pages as of the last commit: a round that is not committed recorded into it for nothing. */
    private final Map<String, dev.waymark.links.SourceMap.Page> sourceMap = new HashMap<>();
    /** A round rendered since the last commit: the recorder holds pages the output on disk does not. */
    private boolean uncommitted;
    /** What every page of one site reads, kept while the site model stays the same object (a body edit). */
    private Derived derived;
    /** Where the links of the round under way report who links to whom. */
    private volatile java.util.function.BiConsumer<Page, Page> recorder = (from, target) -> { };

    /**
     * The per-site objects a round needs (link resolution, view indexes, decision views, interface text): each reads
     * every page, so they are built once per site model and reused while the model is the same object.
     */
    private record Derived(Site site, Set<String> assets, Set<String> unreadable, Set<String> drafts,
                           Map<String, String> lastUpdated, String contentPrefix, SiteLinks links, Localized language,
                           DecisionViews decisions, MarkdownCopy copies, PageViews pageViews, Map<String, DecisionTree> trees) {
        boolean serves(Request r) {
            return site == r.site() && assets.equals(r.assets()) && unreadable.equals(r.unreadable()) && drafts.equals(r.drafts())
                    && lastUpdated.equals(r.lastUpdated()) && contentPrefix.equals(r.contentPrefix());
        }
    }

    private Derived derived(Request request) {
        if (derived != null && derived.serves(request)) return derived;
        Site site = request.site();
        SiteLinks links = new SiteLinks(site, request.assets(), request.unreadable(), request.drafts(),
                (from, target) -> recorder.accept(from, target));
        Localized language = renderer.localized(site);
        DecisionViews decisions = SiteRenderer.decisions(site, request.lastUpdated(), language.ui());
        Map<String, DecisionTree> trees = new HashMap<>();
        for (Page page : site.pages()) page.decisionTree().ifPresent(t -> trees.put(page.sourcePath(), t));
        derived = new Derived(site, Set.copyOf(request.assets()), Set.copyOf(request.unreadable()), Set.copyOf(request.drafts()),
                Map.copyOf(request.lastUpdated()), request.contentPrefix(), links, language, decisions, new MarkdownCopy(site, links),
                new PageViews(site, renderer.theme(), request.lastUpdated(), request.contentPrefix(), language), Map.copyOf(trees));
        return derived;
    }

    public IncrementalRenderer(BodyRenderer bodies, Theme theme, ExecutorService pool) {
        this.renderer = new SiteRenderer(bodies, theme, pool);
        this.pool = pool;
    }

    /** The {@link dev.waymark.links.SourceMap} of the site as rendered so far, as a full build writes it. */
    public RenderedFile sourceMap(Site site, java.nio.file.Path content) {
        return renderer.sourceMap(content, site);
    }

    /** What to render in one round. */
    public record Request(Site site, Set<String> assets, Set<String> unreadable, Set<String> drafts,
                          Map<String, String> lastUpdated, String contentPrefix, Set<String> bodies, boolean allViews) {
    }

    /** What a round rendered, kept apart until {@link #commit}. */
    public static final class Round {
        private final Map<String, String> bodies = new ConcurrentHashMap<>();
        private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> linksTo = new ConcurrentHashMap<>();
        private final Map<String, DecisionViews.Fragments> fragments = new HashMap<>();
        private final Map<String, PageView> views = new ConcurrentHashMap<>();
        private final Map<String, String> markdownBodies = new ConcurrentHashMap<>();
        private final Map<String, String> markdown = new ConcurrentHashMap<>();
        private Set<String> pagePaths = Set.of();
        /** The output files whose source-map record this round wrote. */
        private final Set<String> recordedFiles = ConcurrentHashMap.newKeySet();
        private boolean sourcesChanged;
        private boolean allViews;
        private int pagesWritten;
        private final List<Diagnostic> all = new ArrayList<>();

        /** Every render diagnostic of the site as it now is: fresh ones for re-rendered bodies, kept ones otherwise. */
        public List<Diagnostic> diagnostics() {
            return all;
        }

        /** How many page files the round rendered (their views changed). */
        public int pagesRendered() {
            return pagesWritten;
        }

        /** Whether the source map differs from the one last committed (else its file need not be written again). */
        public boolean sourcesChanged() {
            return sourcesChanged;
        }

        /** How many bodies the round rendered. */
        public int bodiesRendered() {
            return bodies.size();
        }
    }

    /** The sources (source path to source) whose links resolve to {@code target}, as of the last commit. */
    public Set<String> linkedFrom(String target) {
        Set<String> out = new HashSet<>();
        linksTo.forEach((from, targets) -> {
            if (targets.contains(target)) out.add(from);
        });
        return out;
    }

    /**
     * Renders the bodies in {@code request.bodies()} (and the decision fragments among them) from fresh sources, then
     * every page whose view changed: all pages' views are compared when {@code allViews}, else only those of the
     * re-rendered bodies. Rendered files go to {@code sink}.
     *
     * @param source a fresh parse of a source path; a rendered body consumes its Markdown tree
     */
    public Round render(Request request, Function<String, SiteRenderer.Source> source, Consumer<RenderedFile> sink) {
        if (uncommitted) renderer.sources().restore(sourceMap);
        uncommitted = true;
        Site site = request.site();
        Round round = new Round();
        round.allViews = request.allViews();
        Map<String, Set<String>> recorded = new ConcurrentHashMap<>();
        recorder = (from, target) -> recorded.computeIfAbsent(from.sourcePath(), k -> ConcurrentHashMap.newKeySet()).add(target.sourcePath());
        Derived derived = derived(request);
        SiteLinks links = derived.links();
        Map<String, SiteRenderer.Source> fresh = new ConcurrentHashMap<>();
        List<Future<?>> parsing = new ArrayList<>();
        for (String s : request.bodies()) parsing.add(pool.submit(() -> fresh.put(s, source.apply(s))));
        for (Future<?> f : parsing) Work.join(f);
        // decision fragments first: other bodies embed them
        Map<String, DecisionTree> trees = derived.trees();
        Map<String, DecisionViews.Fragments> frags = new HashMap<>(fragments);
        Map<String, Diagnostics> diagnostics = new ConcurrentHashMap<>();
        Localized language = derived.language();
        for (Page page : site.pages()) {
            if (page.decisionTree().isEmpty()) continue;
            if (fresh.containsKey(page.sourcePath())) {
                Diagnostics d = diagnostics.computeIfAbsent(page.sourcePath(), k -> new Diagnostics());
                DecisionViews.Fragments f = renderer.decisionFragments(page, page.decisionTree().get(), fresh.get(page.sourcePath()),
                        links, site, d, language.ui());
                frags.put(page.sourcePath(), f);
                round.fragments.put(page.sourcePath(), f);
            }
        }
        DecisionViews decisions = derived.decisions();
        List<Future<?>> work = new ArrayList<>();
        MarkdownCopy copies = derived.copies();
        for (Page page : site.pages()) {
            SiteRenderer.Source src = fresh.get(page.sourcePath());
            if (page.generated() || src == null) continue;
            round.recordedFiles.add(page.outputFile());
            work.add(pool.submit(() -> {
                Diagnostics d = diagnostics.computeIfAbsent(page.sourcePath(), k -> new Diagnostics());
                round.bodies.put(page.sourcePath(), renderer.body(page, site, src, links, decisions, frags, trees, d));
                round.markdownBodies.put(page.sourcePath(), SiteRenderer.markdownBody(copies, page, site, src, decisions, frags, trees));
            }));
        }
        for (Future<?> f : work) Work.join(f);
        diagnostics.forEach((s, d) -> round.diagnostics.put(s, d.sorted()));
        for (String s : request.bodies()) {
            round.linksTo.put(s, Set.copyOf(recorded.getOrDefault(s, Set.of())));
        }
        // views: compare, and render the pages whose view changed
        PageViews pageViews = derived.pageViews();
        Set<String> paths = new HashSet<>();
        List<Future<?>> pages = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
        for (Page page : site.pages()) {
            if (request.allViews()) paths.add(page.path());
            if (!request.allViews() && !round.bodies.containsKey(page.sourcePath())) continue;
            pages.add(pool.submit(() -> {
                String body = page.generated() ? "" : round.bodies.getOrDefault(page.sourcePath(), bodies.getOrDefault(page.sourcePath(), ""));
                PageView view = pageViews.of(page, SiteRenderer.root(page), body, SiteRenderer.decision(page, frags, decisions));
                if (page.decisionTree().isPresent() && renderer.hasEmbed()) {
                    sink.accept(renderer.embedPage(page, page.decisionTree().get(), pageViews, decisions, frags.get(page.sourcePath())));
                }
                if (!view.equals(views.get(page.path()))) {
                    sink.accept(renderer.page(page, view));
                    rendered.incrementAndGet();
                }
                round.views.put(page.path(), view);
                String mdBody = page.generated() ? ""
                        : round.markdownBodies.getOrDefault(page.sourcePath(), markdownBodies.getOrDefault(page.sourcePath(), ""));
                RenderedFile md = copies.of(page, mdBody, SiteRenderer.decision(page, frags, decisions));
                String text = new String(md.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (!text.equals(markdown.get(page.path()))) sink.accept(md);
                round.markdown.put(page.path(), text);
            }));
        }
        for (Future<?> f : pages) Work.join(f);
        round.pagesWritten = rendered.get();
        round.pagePaths = paths;
        round.sourcesChanged = request.allViews() || round.recordedFiles.stream()
                .anyMatch(file -> !java.util.Objects.equals(renderer.sources().get(file), sourceMap.get(file)));
        if (request.allViews()) {
            sink.accept(renderer.notFound(site, pageViews, language.ui()));
            sink.accept(renderer.searchPage(site, pageViews, language.ui()));
        }
        for (Page page : site.pages()) {
            if (page.generated()) continue;
            round.all.addAll(round.diagnostics.containsKey(page.sourcePath()) || round.bodies.containsKey(page.sourcePath())
                    ? round.diagnostics.getOrDefault(page.sourcePath(), List.of())
                    : bodyDiagnostics.getOrDefault(page.sourcePath(), List.of()));
        }
        return round;
    }

    /**
     * Makes a round's results the renderer's memory: they now describe what is on disk.
     *
     * @param sources the site's source paths; read only after a round that compared every view (the pages may have
     *                changed), so it may be null otherwise
     */
    public void commit(Round round, Set<String> sources) {
        bodies.putAll(round.bodies);
        for (String s : round.bodies.keySet()) bodyDiagnostics.put(s, round.diagnostics.getOrDefault(s, List.of()));
        round.diagnostics.forEach(bodyDiagnostics::put);
        linksTo.putAll(round.linksTo);
        fragments.putAll(round.fragments);
        views.putAll(round.views);
        markdownBodies.putAll(round.markdownBodies);
        markdown.putAll(round.markdown);
        uncommitted = false;
        if (!round.allViews) {
            // the same pages as before (else every view is compared): only the re-rendered bodies' records moved
            for (String file : round.recordedFiles) sourceMap.put(file, renderer.sources().get(file));
            return;
        }
        views.keySet().retainAll(round.pagePaths);
        markdown.keySet().retainAll(round.pagePaths);
        markdownBodies.keySet().retainAll(sources);
        bodies.keySet().retainAll(sources);
        bodyDiagnostics.keySet().retainAll(sources);
        linksTo.keySet().retainAll(sources);
        fragments.keySet().retainAll(sources);
        sourceMap.clear();
        sourceMap.putAll(renderer.sources().snapshot());
    }
}

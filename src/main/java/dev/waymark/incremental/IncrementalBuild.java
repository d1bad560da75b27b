package dev.waymark.incremental;

import dev.waymark.Pipeline;
import dev.waymark.Work;
import dev.waymark.content.ContentLoader;
import dev.waymark.content.Directive;
import dev.waymark.content.GitDates;
import dev.waymark.content.Markdown;
import dev.waymark.content.PageParser;
import dev.waymark.content.PageStructure;
import dev.waymark.content.ParsedPage;
import dev.waymark.content.SiteConfigReader;
import dev.waymark.content.SourceFile;
import dev.waymark.content.StructureReader;
import dev.waymark.diag.ContentException;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.model.Page;
import dev.waymark.model.RelativePath;
import dev.waymark.model.Site;
import dev.waymark.assemble.SiteAssembler;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.BodyRenderer;
import dev.waymark.render.ContentAssets;
import dev.waymark.render.IncrementalRenderer;
import dev.waymark.render.UiTexts;
import dev.waymark.render.RenderedFile;
import dev.waymark.render.SearchIndex;
import dev.waymark.render.SiteRenderer;
import dev.waymark.render.Theme;
import dev.waymark.validate.ModelRules;
import dev.waymark.validate.OutcomeFreshness;
import dev.waymark.write.Manifest;
import dev.waymark.write.Passthrough;
import dev.waymark.render.share.MarkdownCopy;
import dev.waymark.write.SiteWideFiles;
import dev.waymark.links.SourceMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A build that stays in memory between changes, for {@code serve}: it keeps every source's parse results (its page
 * model, search entries, diagnostics and directives, never the Markdown tree), re-reads only the files that changed,
 * asks {@link Dependencies} what that touches, renders only that, and writes only the files whose bytes changed,
 * in place, into its output folder. Its output is byte for byte what a clean {@link Pipeline} build of the same
 * input writes; the differential test holds it to that.
 *
 * <p>Not thread-safe: one {@link #update} at a time.
 */
public final class IncrementalBuild implements AutoCloseable {
    /** One source after parsing: all a later round needs of it without parsing it again. */
    private record Parsed(SourceFile source, Found found, Optional<Page> page, List<SearchIndex.Entry> entries,
                          Set<String> embeds, boolean comparison, boolean draft) {
        /** Its front matter or text could not be read: links to its headings are not checked (its error is the cause). */
        boolean unreadable() {
            return found.causes().stream().anyMatch(c -> source.displayPath().equals(c.at().file()));
        }
    }

    /** Diagnostics kept for a later round: the causes (reported first, see {@link Diagnostics#cause}) and the rest. */
    private record Found(List<Diagnostic> causes, List<Diagnostic> all) {
        static final Found NONE = new Found(List.of(), List.of());

        static Found of(Diagnostics d) {
            return new Found(d.causes(), d.sorted());
        }

        void into(Diagnostics d) {
            causes.forEach(d::cause);
            d.addAll(all);
        }

        Found without(Path file) {
            return new Found(causes.stream().filter(x -> !file.equals(x.at().file())).toList(),
                    all.stream().filter(x -> !file.equals(x.at().file())).toList());
        }

        Found plus(Found more) {
            List<Diagnostic> c = new ArrayList<>(causes);
            c.addAll(more.causes);
            List<Diagnostic> a = new ArrayList<>(all);
            a.addAll(more.all);
            return new Found(c, a);
        }
    }

    /** What one round did, for tests and the benchmark; {@code sameModel}: a body-only round that kept the site model. */
    public record Stats(boolean everything, int parsed, int bodies, int pages, int filesChanged, boolean sameModel, long millis) {
    }

    private final Pipeline.Options options;
    private final Path contentRoot;
    private final Path themesRoot;
    private final Path contentDisplay;
    private final String contentPrefix;
    private final Markdown markdown = Markdown.shared();
    private final ExecutorService pool = pool();
    private final OutputFolder out;
    private final boolean inGit;

    private SiteConfig config;
    private Found configDiagnostics = Found.NONE;
    private Theme theme;
    /** The words of generated pages, from the theme's interface text in the site's language (as a full build's). */
    private SiteAssembler.Words words = SiteAssembler.Words.ENGLISH;
    private Found loadDiagnostics = Found.NONE;
    private List<ContentLoader.Asset> assets = List.of();
    private final TreeMap<String, Parsed> parsed = new TreeMap<>();
    private IncrementalRenderer renderer;
    /** Fresh Markdown trees of this round, by source path: a body renders from one and consumes it. */
    private final Map<String, SiteRenderer.Source> trees = new ConcurrentHashMap<>();

    // what the output on disk was rendered from, and what changed since
    private Site written;
    /** The site model of the last round, written or not. */
    private Site current;
    private Found writtenModel = Found.NONE;
    private Map<String, GitDates.Change> writtenChanges = Map.of();
    private Map<String, String> writtenDates = Map.of();
    private List<String> writtenSearchPaths = List.of();
    /** The files the last written round made (pages, copies of their Markdown, cards, site-wide files), and all it kept. */
    private Set<String> writtenMade = Set.of();
    private Set<String> writtenCopies = Set.of();
    private Set<String> writtenKeep = Set.of();
    /** What each page's social card said when it was last written, and in which colours. */
    /** The cards and search entries last written. */
    private SiteWideFiles.Written writtenSiteWide = SiteWideFiles.Written.NONE;
    private Set<String> writtenAssets = Set.of();
    private Set<String> writtenUnreadable = Set.of();
    private Set<String> writtenDrafts = Set.of();
    private final Set<String> pending = new HashSet<>();
    private boolean reloadAll = true;
    private boolean themeOrConfigPending = true;
    private Stats stats;

    /** @param options where the content and themes are; {@code options.out()} is the folder kept up to date in place */
    public IncrementalBuild(Pipeline.Options options) {
        this.options = options;
        this.contentRoot = options.content().toAbsolutePath().normalize();
        this.themesRoot = options.themes().toAbsolutePath().normalize();
        this.contentDisplay = Pipeline.display(options.content());
        this.contentPrefix = Pipeline.sourcePrefix(options.content());
        this.out = new OutputFolder(options.out());
        this.inGit = insideGit(contentRoot);
    }

    private static boolean insideGit(Path dir) {
        if (System.getenv("GIT_DIR") != null) return true;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) return true;
        }
        return false;
    }

    /** The folder this build keeps up to date. */
    public Path output() {
        return out.root();
    }

    public Stats stats() {
        return stats;
    }

    /**
     * Brings the output up to date with the files on disk.
     *
     * @param changed files (or folders) that changed since the last call; null when unknown, which reloads everything
     */
    public Pipeline.Result update(Set<Path> changed) {
        long start = System.nanoTime();
        classify(changed);
        Diagnostics round = new Diagnostics();
        try {
            Pipeline.Result result = run(round, start);
            return result;
        } catch (ContentException e) {
            round.add(e.diagnostic());
            return new Pipeline.Result(round.sorted(), null, false, 0);
        }
    }

    /** Sorts changed paths into pending work; anything but an edit of a known file reloads the whole content. */
    private void classify(Set<Path> changed) {
        if (changed == null) {
            reloadAll = true;
            themeOrConfigPending = true;
            return;
        }
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            if (abs.startsWith(themesRoot)) {
                reloadAll = true;
                themeOrConfigPending = true;
            } else if (abs.startsWith(contentRoot) && !abs.equals(contentRoot)) {
                String rel = contentRoot.relativize(abs).toString().replace('\\', '/');
                if (hidden(rel)) continue;
                if (rel.equals(SiteConfigReader.FILE_NAME)) {
                    reloadAll = true;
                    themeOrConfigPending = true;
                } else {
                    boolean known = rel.endsWith(".md") ? parsed.containsKey(rel) : knownAsset(rel);
                    boolean exists = Files.exists(abs);
                    if (known && Files.isRegularFile(abs)) {
                        pending.add(rel); // an edit of a file we know
                    } else if (known || exists || holdsKnownFiles(rel)) {
                        reloadAll = true; // a new, deleted or renamed file or folder: the structure may have changed
                    }
                    // else: an editor's temporary file, already gone
                }
            } else if (abs.equals(contentRoot)) {
                reloadAll = true;
            }
        }
    }

    private boolean knownAsset(String rel) {
        return assets.stream().anyMatch(a -> a.relPath().equals(rel));
    }

    private boolean holdsKnownFiles(String folder) {
        String prefix = folder + "/";
        return parsed.keySet().stream().anyMatch(k -> k.startsWith(prefix)) || assets.stream().anyMatch(a -> a.relPath().startsWith(prefix));
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".")) return true;
        }
        return false;
    }

    private Pipeline.Result run(Diagnostics round, long start) {
        // outside a git repository there are no dates: skip starting git on every save
        FutureTask<Map<String, GitDates.Change>> gitLog = new FutureTask<>(() -> inGit ? GitDates.changes(options.content()) : Map.of());
        Thread git = new Thread(gitLog, "waymark-git");
        git.setDaemon(true);
        git.start();
        boolean everything = reloadAll;
        Laps laps = new Laps();
        int reparsed;
        trees.clear();
        Map<String, Parsed> before = new HashMap<>();
        if (reloadAll) {
            reparsed = reload();
        } else {
            List<String> sources = pending.stream().filter(s -> s.endsWith(".md")).toList();
            sources.forEach(rel -> before.put(rel, parsed.get(rel)));
            reparsed = reparse(sources);
        }
        laps.lap("parse");
        // model: a round whose re-read pages all kept their model (a body edit) keeps the site model of the output
        boolean sameModel = !everything && !reloadAll && written != null && written == current && sameModels(before);
        Map<String, GitDates.Change> changes = null;
        if (sameModel) {
            changes = Work.join(gitLog);
            sameModel = changes.equals(writtenChanges); // the dates come from the changes
        }
        Site site;
        Found modelFound;
        Set<String> assetSet;
        Set<String> unreadable;
        Set<String> drafts;
        if (sameModel) {
            site = written;
            modelFound = writtenModel;
            assetSet = writtenAssets;
            unreadable = writtenUnreadable;
            drafts = writtenDrafts;
        } else {
            Diagnostics model = new Diagnostics();
            List<Page> pages = new ArrayList<>();
            for (Parsed p : parsed.values()) p.page().ifPresent(pages::add);
            site = new SiteAssembler().assemble(config, pages, contentDisplay, words, model);
            boolean configReadable = configDiagnostics.causes().stream()
                    .noneMatch(c -> contentDisplay.resolve(SiteConfigReader.FILE_NAME).equals(c.at().file()));
            ModelRules.validate(site, config, configReadable, model);
            assetSet = new HashSet<>();
            for (ContentLoader.Asset a : assets) assetSet.add(a.relPath());
            Set<String> unreadableNow = new HashSet<>();
            Set<String> draftsNow = new HashSet<>();
            parsed.forEach((rel, p) -> {
                if (unreadable(p)) unreadableNow.add(rel);
                if (p.draft()) draftsNow.add(rel);
            });
            unreadable = unreadableNow;
            drafts = draftsNow;
            if (changes == null) changes = Work.join(gitLog);
            new OutcomeFreshness(site, GitDates.dates(changes)).validate(site, model);
            modelFound = Found.of(model);
        }
        current = site;
        Map<String, String> dates = sameModel ? writtenDates : GitDates.dates(changes);
        laps.lap("model");
        // plan
        // links resolve against the assets, the drafts left out and the pages that could not be read
        boolean linkBase = !assetSet.equals(writtenAssets) || !unreadable.equals(writtenUnreadable) || !drafts.equals(writtenDrafts);
        Dependencies.Change change = new Dependencies.Change(pending, themeOrConfigPending, linkBase, !dates.equals(writtenDates));
        Dependencies.Plan plan = Dependencies.plan(written, site, change, graph());
        laps.lap("plan");
        // render, into memory first: nothing is written unless the round is free of errors
        Map<String, RenderedFile> files = new ConcurrentHashMap<>();
        IncrementalRenderer.Round rendered = renderer.render(new IncrementalRenderer.Request(site, assetSet, unreadable, drafts, dates, contentPrefix,
                plan.bodies(), plan.allViews()), this::tree, f -> files.put(f.path(), f));
        trees.clear();
        List<RenderedFile> extras = new ArrayList<>();
        laps.lap("render");
        // the source map changes only with the links of a re-rendered body (or with the pages)
        if (rendered.sourcesChanged()) {
            extras.add(renderer.sourceMap(site, dev.waymark.links.SourceMap.contentFrom(options.out(), options.content())));
        }
        laps.lap("sourcemap");
        List<SearchIndex.Entry> entries = new ArrayList<>();
        boolean search = !theme.assetPath("search.js").isEmpty();
        if (search) {
            for (Page page : site.pages()) {
                entries.addAll(page.generated() ? SearchIndex.entries(page, null) : parsed.get(page.sourcePath()).entries());
            }
        }
        Consumer<RenderedFile> sink = f -> {
            synchronized (extras) {
                extras.add(f); // cards come from the pool's threads
            }
        };
        SiteWideFiles.Written siteWide = sameModel
                ? SiteWideFiles.writeSearch(theme, entries, writtenSiteWide, sink)
                : SiteWideFiles.write(site, theme, dates, changes, entries, pool, writtenSiteWide, sink);
        laps.lap("sitewide");
        // the output's full list, as a clean build's: rendered files, then what is copied as it is
        List<String> searchPaths = search ? SearchIndex.paths(entries.size()) : List.of();
        Set<String> made;
        if (sameModel && searchPaths.equals(writtenSearchPaths)) {
            made = writtenMade; // the same pages, cards and site-wide files as the output has
        } else {
            Set<String> m = new HashSet<>();
            for (Page page : site.pages()) {
                m.add(page.outputFile());
                if (page.decisionTree().isPresent() && theme.hasTemplate("embed.jte")) m.add(SiteRenderer.embedFile(page));
            }
            for (Page page : site.pages()) m.add(page.path() + MarkdownCopy.FILE);
            m.addAll(siteWide.cards().keySet());
            m.add("404.html");
            m.add("search/index.html");
            m.add(SourceMap.FILE_NAME);
            extras.forEach(f -> m.add(f.path()));
            m.addAll(searchPaths);
            made = Set.copyOf(m);
        }
        Map<String, Path> copies = new LinkedHashMap<>(theme.assetFiles());
        Diagnostics copying = new Diagnostics();
        // the content's files go through the same gate as a full build's: a file that would replace a generated one,
        // an HTML file or an SVG that can run script is an error here too
        ContentAssets.add(assets, copies, made::contains, config.trustRawHtml(), contentDisplay, copying);
        Path passthrough = Passthrough.beside(options.content());
        Map<String, Path> passed = Passthrough.files(passthrough, Pipeline.display(passthrough),
                p -> made.contains(p) || copies.containsKey(p), copying);
        copies.putAll(passed);
        Found.of(copying).into(round);
        for (Parsed p : parsed.values()) p.found().into(round);
        loadDiagnostics.into(round);
        configDiagnostics.into(round);
        modelFound.into(round);
        round.addAll(rendered.diagnostics());
        laps.lap("keep+diag");
        if (round.hasErrors()) {
            stats = new Stats(everything, reparsed, rendered.bodiesRendered(), rendered.pagesRendered(), 0, sameModel, millis(start));
            return new Pipeline.Result(round.sorted(), site, false, 0);
        }
        // write: only changed bytes, then drop what the site no longer has
        files.values().parallelStream().forEach(out::put);
        laps.lap("putpages");
        extras.parallelStream().forEach(out::put);
        laps.lap("putextras");
        if (plan.everything()) {
            copies.entrySet().parallelStream().forEach(e -> out.copy(e.getKey(), e.getValue()));
        } else {
            for (String rel : pending) {
                if (!rel.endsWith(".md") && copies.containsKey(rel)) out.copy(rel, copies.get(rel));
            }
            passed.forEach(out::copy); // not watched: compared on every round (it is a handful of files)
        }
        laps.lap("copies");
        Set<String> keep;
        if (made == writtenMade && copies.keySet().equals(writtenCopies)) {
            keep = writtenKeep; // the same list of files: the manifest on disk is already this one, and nothing is dropped
        } else {
            keep = new HashSet<>(made);
            keep.addAll(copies.keySet());
            out.put(new RenderedFile(Manifest.FILE_NAME, Manifest.bytes(keep)));
            keep.add(Manifest.FILE_NAME);
            out.retain(keep);
        }
        laps.lap("manifest");
        Set<String> sources = null;
        if (plan.allViews()) {
            sources = new HashSet<>();
            for (Page p : site.pages()) sources.add(p.sourcePath());
        }
        renderer.commit(rendered, sources);
        written = site;
        writtenModel = modelFound;
        writtenChanges = changes;
        writtenDates = dates;
        writtenSiteWide = siteWide;
        writtenAssets = assetSet;
        writtenUnreadable = unreadable;
        writtenDrafts = drafts;
        writtenSearchPaths = searchPaths;
        writtenMade = made;
        writtenCopies = Set.copyOf(copies.keySet());
        writtenKeep = keep;
        pending.clear();
        reloadAll = false;
        themeOrConfigPending = false;
        laps.lap("commit");
        laps.print(plan, sameModel);
        stats = new Stats(everything, reparsed, rendered.bodiesRendered(), rendered.pagesRendered(), out.takeChanges(), sameModel, millis(start));
        return new Pipeline.Result(round.sorted(), site, true, keep.size() - 1);
    }

    /** Its front matter or text could not be read, or it could not be loaded at all. */
    private boolean unreadable(Parsed p) {
        return p.unreadable() || loadDiagnostics.causes().stream().anyMatch(c -> p.source().displayPath().equals(c.at().file()));
    }

    /**
     * Whether every source read again this round still gives the page model it gave before, and is still as readable
     * and as much a draft: then the site model, its diagnostics and everything made from it alone are unchanged.
     */
    private boolean sameModels(Map<String, Parsed> before) {
        for (Map.Entry<String, Parsed> e : before.entrySet()) {
            Parsed was = e.getValue();
            Parsed now = parsed.get(e.getKey());
            if (was == null || now == null || was.page().isEmpty() || !was.page().equals(now.page()) || was.draft() != now.draft()
                    || writtenUnreadable.contains(e.getKey()) || unreadable(now) || writtenDrafts.contains(e.getKey()) || now.draft()) {
                return false;
            }
        }
        return true;
    }

    /** Who reads whom, worked out from the kept parses only when the plan asks (a body edit asks for one page's embedders). */
    private Dependencies.Graph graph() {
        Map<String, Set<String>> embedders = new HashMap<>();
        Set<String> comparisons = new HashSet<>();
        boolean[] indexed = {false};
        Runnable index = () -> {
            if (indexed[0]) return;
            indexed[0] = true;
            parsed.forEach((rel, p) -> {
                for (String target : p.embeds()) embedders.computeIfAbsent(target, k -> new HashSet<>()).add(rel);
                if (p.comparison()) comparisons.add(rel);
            });
        };
        return Dependencies.graph(renderer::linkedFrom, t -> {
            index.run();
            return embedders.getOrDefault(t, Set.of());
        }, () -> {
            index.run();
            return comparisons;
        });
    }

    /** Reads the configuration, the theme and the whole content folder again; unchanged sources keep their parse. */
    private int reload() {
        if (themeOrConfigPending || config == null) {
            Diagnostics d = new Diagnostics();
            config = new SiteConfigReader().read(options.content(), contentDisplay, d);
            configDiagnostics = Found.of(d);
            String themeName = !options.theme().isEmpty() ? options.theme() : config.theme().orElse("default");
            theme = Theme.load(options.themeRoots(), themeName, options.overrides());
            renderer = new IncrementalRenderer(new BodyRenderer(markdown), theme, pool);
            // read quietly, as the renderer reads its interface text for a guide in one language
            words = UiTexts.generatedPages(UiTexts.load(theme.folders(), config.language(), new Diagnostics()));
            written = null; // everything is rendered again
        }
        Diagnostics d = new Diagnostics();
        ContentLoader.Loaded loaded = new ContentLoader().load(options.content(), contentDisplay, d);
        loadDiagnostics = Found.of(d);
        assets = loaded.assets();
        Map<String, SourceFile> now = new HashMap<>();
        loaded.pages().forEach(s -> now.put(s.relPath(), s));
        parsed.keySet().retainAll(now.keySet());
        List<SourceFile> changed = new ArrayList<>();
        for (SourceFile s : loaded.pages()) {
            Parsed before = parsed.get(s.relPath());
            if (before == null || !before.source().text().equals(s.text())) {
                changed.add(s);
                pending.add(s.relPath());
            }
        }
        parseAll(changed);
        return changed.size();
    }

    /** Reads and parses the given sources again; one that can no longer be read reloads everything next time. */
    private int reparse(List<String> rels) {
        List<SourceFile> sources = new ArrayList<>();
        Found kept = loadDiagnostics;
        for (String rel : rels) {
            Path shown = contentDisplay.resolve(rel);
            kept = kept.without(shown);
            Diagnostics d = new Diagnostics();
            SourceFile s = ContentLoader.read(rel, contentRoot.resolve(rel), contentDisplay, d);
            kept = kept.plus(Found.of(d));
            if (s == null) {
                parsed.remove(rel);
                reloadAll = true;
            } else {
                sources.add(s);
            }
        }
        loadDiagnostics = kept;
        parseAll(sources);
        return sources.size();
    }

    private void parseAll(List<SourceFile> sources) {
        PageParser parser = new PageParser(markdown);
        StructureReader structures = new StructureReader();
        SiteAssembler assembler = new SiteAssembler();
        boolean search = !theme.assetPath("search.js").isEmpty();
        List<java.util.concurrent.Future<Parsed>> work = new ArrayList<>();
        for (SourceFile source : sources) {
            work.add(pool.submit(() -> parse(source, parser, structures, assembler, search)));
        }
        for (java.util.concurrent.Future<Parsed> f : work) {
            Parsed p = Work.join(f);
            parsed.put(p.source().relPath(), p);
        }
    }

    private Parsed parse(SourceFile source, PageParser parser, StructureReader structures, SiteAssembler assembler, boolean search) {
        Diagnostics d = new Diagnostics();
        ParsedPage page = parser.parse(source, d);
        if (page == null) return new Parsed(source, Found.of(d), Optional.empty(), List.of(), Set.of(), false, false);
        PageStructure structure = structures.read(page, d);
        Optional<Page> model = assembler.page(new SiteAssembler.Input(page, structure), options.drafts(), d);
        SiteRenderer.Source tree = new SiteRenderer.Source(page, structure);
        List<SearchIndex.Entry> entries = search && model.isPresent() ? SearchIndex.entries(model.get(), tree) : List.of();
        Set<String> embeds = new HashSet<>();
        boolean comparison = false;
        for (Directive directive : structure.directives().values()) {
            if (directive.name().equals("comparison")) comparison = true;
            if (directive.name().equals("decision")) {
                String target = RelativePath.normalize(RelativePath.dirOf(source.relPath()) + directive.args().getOrDefault("src", ""));
                if (target != null) embeds.add(target);
            }
        }
        trees.put(source.relPath(), tree);
        boolean draft = page.frontMatter().draft() && !options.drafts();
        return new Parsed(source, Found.of(d), model, List.copyOf(entries), Set.copyOf(embeds), comparison, draft);
    }

    /** A Markdown tree to render: this round's parse when there is one, else a fresh parse of the kept text. */
    private SiteRenderer.Source tree(String rel) {
        SiteRenderer.Source t = trees.remove(rel);
        if (t != null) return t;
        Parsed p = parsed.get(rel);
        Diagnostics ignored = new Diagnostics(); // the same text gives the same diagnostics, already kept
        ParsedPage page = new PageParser(markdown).parse(p.source(), ignored);
        return new SiteRenderer.Source(page, new StructureReader().read(page, ignored));
    }

    /** Stage timings of a round, printed to stderr with -Dwaymark.timings=true. */
    private static final class Laps {
        private final boolean on = Boolean.getBoolean("waymark.timings");
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String stage) {
            if (!on) return;
            long now = System.nanoTime();
            text.append(stage).append('=').append((now - last) / 1_000_000).append("ms ");
            last = now;
        }

        void print(Dependencies.Plan plan, boolean sameModel) {
            if (on) System.err.println("incremental: " + text + (plan.everything() ? "(everything)" : "bodies=" + plan.bodies().size()
                    + (plan.allViews() ? " all views" : "") + (sameModel ? " same model" : "")));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ExecutorService pool() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "waymark-live-" + n.incrementAndGet(), 64L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
    }
}

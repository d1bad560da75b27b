package dev.waymark;

import dev.waymark.cache.BuildCache;
import dev.waymark.cache.CachedFacts;
import dev.waymark.cache.CachedPages;
import dev.waymark.content.ContentLoader;
import dev.waymark.content.GitDates;
import dev.waymark.content.Markdown;
import dev.waymark.content.PageParser;
import dev.waymark.content.PageStructure;
import dev.waymark.content.ParsedPage;
import dev.waymark.content.SiteConfigReader;
import dev.waymark.content.SourceFile;
import dev.waymark.content.StructureReader;
import dev.waymark.content.Translations;
import dev.waymark.model.Language;
import dev.waymark.check.RenderedPages;
import dev.waymark.render.LanguageLinks;
import dev.waymark.render.Localized;
import dev.waymark.render.RenderedFile;
import dev.waymark.render.UiTexts;
import dev.waymark.render.view.UiText;
import dev.waymark.validate.TranslationRule;
import dev.waymark.diag.ContentException;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.DisplayPath;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.assemble.SiteAssembler;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.BodyRenderer;
import dev.waymark.render.ContentAssets;
import dev.waymark.render.SearchIndex;
import dev.waymark.render.SiteRenderer;
import dev.waymark.render.Theme;
import dev.waymark.render.card.Cards;
import dev.waymark.validate.ModelRules;
import dev.waymark.validate.OutcomeFreshness;
import dev.waymark.links.SiteLinks;
import dev.waymark.links.SourceMap;
import dev.waymark.write.Passthrough;
import dev.waymark.write.SiteFiles;
import dev.waymark.write.SiteWideFiles;
import dev.waymark.write.SiteWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The build: load, parse, model, validate, render, write. Each stage adds diagnostics and keeps going so one run
 * reports every problem; nothing is written unless the whole build is free of errors.
 */
public final class Pipeline {
    /** Thread stacks are large so deeply nested Markdown is reported, not crashed on. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    /**
     * @param theme theme name; empty to use site.yaml's, or "default"
     */
    /**
     * @param themes          the guide's own themes folder (it may not exist)
     * @param installedThemes the themes installed with Waymark, looked up after {@code themes}; none when empty
     */
    public record Options(Path content, Path out, Path themes, String theme, boolean drafts, Path overrides,
                          List<Path> installedThemes) {
        public Options {
            installedThemes = List.copyOf(installedThemes);
        }

        public Options(Path content, Path out, Path themes, String theme, boolean drafts, Path overrides) {
            this(content, out, themes, theme, drafts, overrides, List.of());
        }

        public Options(Path content, Path out, Path themes, String theme, boolean drafts) {
            this(content, out, themes, theme, drafts, themes.resolve(Theme.LOCAL_OVERRIDES));
        }

        /** The same build into another output folder. */
        public Options withOut(Path other) {
            return new Options(content, other, themes, theme, drafts, overrides, installedThemes);
        }

        /** Where themes are looked up, in order: the guide's own folder, then the installed themes. */
        public List<Path> themeRoots() {
            List<Path> roots = new ArrayList<>();
            roots.add(themes);
            for (Path p : installedThemes) {
                if (!p.toAbsolutePath().normalize().equals(themes.toAbsolutePath().normalize())) roots.add(p);
            }
            return List.copyOf(roots);
        }
    }

    /** What a build produced. {@code site} is null when the content could not be modelled. */
    public record Result(List<Diagnostic> diagnostics, Site site, boolean written, int files, int pages) {
        public Result(List<Diagnostic> diagnostics, Site site, boolean written, int files) {
            this(diagnostics, site, written, files, 0);
        }

        public boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private final Markdown markdown = Markdown.shared();
    private final BuildCache cache;
    private final RenderedPages recorded; // null: nothing is recorded

    /** A build without the persistent cache: every page is rendered. */
    public Pipeline() {
        this(BuildCache.OFF);
    }

    /** A build that reuses, and then updates, the page files kept in {@code cache}. */
    public Pipeline(BuildCache cache) {
        this(cache, null);
    }

    private Pipeline(BuildCache cache, RenderedPages recorded) {
        this.cache = cache;
        this.recorded = recorded;
    }

    /** The same build, which also records each page it renders into {@code pages} (for {@code build --strict}). */
    public Pipeline recording(RenderedPages pages) {
        return new Pipeline(cache, pages);
    }

    /** Writes a rendered file into the staging folder, and records it when asked to. */
    private void stage(SiteWriter.Staging staging, RenderedFile f) {
        staging.put(f);
        if (recorded != null) recorded.rendered(f.path(), f.bytes());
    }

    /**
     * A theme named by site.yaml's {@code theme:} that is not installed is reported at that value, where it is fixed,
     * not at the folder that does not exist; a theme named by {@code --theme} keeps the folder.
     */
    private static ContentException fromSiteYaml(ContentException ex, Options options, SiteConfig config, Path contentDisplay) {
        Diagnostic d = ex.diagnostic();
        if (!d.code().equals("theme-not-found") || !options.theme().isEmpty() || config.theme().isEmpty()
                || !d.message().startsWith("theme \"" + config.theme().get() + "\" ")) {
            return ex;
        }
        return SiteConfigReader.valuePosition(options.content(), contentDisplay, "theme")
                .map(at -> new ContentException(Diagnostic.error(d.code(), at, d.message(), d.hint())))
                .orElse(ex);
    }

    public Result build(Options options) {
        Diagnostics diagnostics = new Diagnostics();
        ExecutorService pool = pool();
        // the output's folders, as the last build with this cache wrote them, made while the pages are read and parsed
        try (SiteWriter.Prepared prepared = SiteWriter.prepare(options.out(), cache.folders())) {
            return build(options, diagnostics, pool, prepared);
        } catch (ContentException e) {
            diagnostics.add(e.diagnostic());
            return new Result(diagnostics.sorted(), null, false, 0);
        } finally {
            pool.shutdownNow();
        }
    }

    private Result build(Options options, Diagnostics diagnostics, ExecutorService pool, SiteWriter.Prepared prepared) {
        Stopwatch clock = new Stopwatch();
        java.time.Instant started = java.time.Instant.now(); // before any source is read: see CachedFacts.open
        Path contentDisplay = display(options.content());
        // load
        SiteConfig config = new SiteConfigReader().read(options.content(), contentDisplay, diagnostics);
        // the theme and git's dates do not depend on the pages: prepare them while the pages are read and parsed
        String themeName = !options.theme().isEmpty() ? options.theme() : config.theme().orElse("default");
        Future<Theme> themeLoad = pool.submit(() -> Theme.load(options.themeRoots(), themeName, options.overrides()));
        FutureTask<Map<String, GitDates.Change>> gitLog = new FutureTask<>(() -> GitDates.changes(options.content()));
        Thread git = new Thread(gitLog, "waymark-git");
        git.setDaemon(true);
        git.start();
        // one language: the build cache keeps each page's parse facts, so an unchanged page is not parsed (see below),
        // and its sources' stamps, so an unchanged source whose page is not rendered is not even read
        CachedFacts facts = CachedFacts.open(config.languages().size() > 1 ? BuildCache.OFF : cache, options.content(), contentDisplay,
                options.drafts(), started);
        clock.lap("facts");
        ContentLoader.Loaded loaded = new ContentLoader().load(options.content(), contentDisplay, diagnostics, facts.vouch());
        Translations translations = Translations.of(loaded, config.languages());
        clock.lap("load");
        // parse: the default language's pages, then each translation's, with the default pages it lacks (parsed
        // again, since rendering consumes a Markdown tree)
        List<Edition> editions = new ArrayList<>();
        editions.add(facts.on() ? parseKept(new Edition(config, "", Set.of()), translations.pages(), facts, options.drafts(), diagnostics, pool)
                : parse(new Edition(config, "", Set.of()), translations.pages(), diagnostics, pool));
        for (int i = 1; i < config.languages().size(); i++) {
            Language language = config.languages().get(i);
            Translations.Folder folder = translations.folders().get(language.code());
            Set<String> translated = new HashSet<>();
            folder.pages().forEach(p -> translated.add(p.relPath()));
            List<SourceFile> files = new ArrayList<>(folder.pages());
            translations.pages().stream().filter(p -> !translated.contains(p.relPath())).forEach(files::add);
            editions.add(parse(new Edition(config.inLanguage(language, language.code() + "/"), language.code() + "/", translated),
                    files, diagnostics, pool));
        }
        clock.lap("parse");
        // model and validate (what follows only from a file that could not be read is left out: its error is the cause)
        boolean configReadable = !diagnostics.hasCause(contentDisplay.resolve(SiteConfigReader.FILE_NAME));
        List<ContentLoader.Asset> mainAssets = translations.mainAssets(loaded.assets());
        // each edition's interface text names the pages it generates (a section without index.md); a theme that
        // cannot load is reported where it was before, after the content's own problems
        RuntimeException themeFailure = null;
        Theme theme = null;
        try {
            theme = Work.join(themeLoad);
        } catch (ContentException ex) {
            themeFailure = fromSiteYaml(ex, options, config, contentDisplay);
        }
        for (Edition e : editions) {
            if (theme != null) e.ui = UiTexts.load(theme.folders(), e.config.language(), diagnostics);
            Set<String> assets = new HashSet<>();
            if (e.prefix.isEmpty()) loaded.assets().forEach(a -> assets.add(a.relPath()));
            else mainAssets.forEach(a -> assets.add(a.relPath()));
            if (!e.prefix.isEmpty()) translations.folders().get(e.config.language()).assets().forEach(a -> assets.add(a.relPath()));
            model(e, options, contentDisplay, configReadable, assets,
                    e.ui == null ? SiteAssembler.Words.ENGLISH : UiTexts.generatedPages(e.ui), diagnostics);
        }
        new TranslationRule().validate(editions.get(0).site, config.languages(), diagnostics);
        clock.lap("model+validate");
        // render
        if (themeFailure != null) throw themeFailure;
        clock.lap("theme");
        Map<String, GitDates.Change> changes = Work.join(gitLog);
        Map<String, String> dates = GitDates.dates(changes);
        clock.lap("git");
        String contentPrefix = sourcePrefix(options.content());
        List<LanguageLinks.Edition> versions = new ArrayList<>();
        for (int i = 0; i < editions.size() && !config.languages().isEmpty(); i++) {
            versions.add(new LanguageLinks.Edition(config.languages().get(i), editions.get(i).prefix, editions.get(i).site,
                    editions.get(i).translated));
        }
        LanguageLinks languageLinks = new LanguageLinks(versions, config.baseUrl());
        // a cached page is keyed on its own language's content, but its alternates and switcher show the others:
        // a guide in several languages is rendered whole
        BuildCache pageCache = editions.size() > 1 ? BuildCache.OFF : cache;
        CachedPages cached = null;
        // render, straight into a staging folder; it replaces the output only if the whole build is clean
        try (SiteWriter.Staging staging = SiteWriter.stage(options.out(), SiteWriter.Faults.NONE, prepared)) {
            List<Map<String, String>> editionDates = new ArrayList<>();
            SiteRenderer mainRenderer = null;
            for (Edition e : editions) {
                Site site = e.site;
                Map<String, GitDates.Change> editionChanges = inEdition(changes, e.prefix, e.translated);
                Map<String, String> siteDates = GitDates.dates(editionChanges);
                editionDates.add(siteDates);
                new OutcomeFreshness(site, siteDates).validate(site, diagnostics);
                UiText ui = e.ui;
                if (facts.on() && e.prefix.isEmpty()) keepFresh(e, facts, pool);
                // each page's search entries; those of pages whose facts came from the cache are decoded only if read
                List<List<SearchIndex.Entry>> searchPages = theme.assetPath("search.js").isEmpty()
                        ? List.of() : SearchIndex.byPage(site, e.sources, pool, ui.get("search_page.recommendation"), e.knownEntries);
                Consumer<RenderedFile> put = e.prefix.isEmpty() ? f -> stage(staging, f)
                        : f -> stage(staging, new RenderedFile(e.prefix + f.path(), f.bytes()));
                SiteRenderer renderer = new SiteRenderer(new BodyRenderer(markdown), theme, pool)
                        .in(new Localized(site.config().language(), e.prefix, ui, e.translated, languageLinks));
                if (e.prefix.isEmpty()) {
                    Map<String, String> texts = new HashMap<>();
                    if (pageCache.folder().isPresent()) e.files.forEach(f -> texts.put(f.relPath(), facts.textHash(f)));
                    CachedPages pages = new CachedPages(pageCache, new CachedPages.Inputs(site, theme,
                            options.content().resolve(SiteConfigReader.FILE_NAME), e.assets, e.unreadable, e.drafts, siteDates,
                            contentPrefix, contentDisplay, texts, facts.names()), theme.hasTemplate("embed.jte"));
                    cached = pages;
                    clock.lap("cache keys");
                    pages.reuse(staging, pool);
                    clock.lap("reuse");
                    if (facts.on()) parseMissing(e, site, pages, diagnostics, pool);
                    renderer.recordSources(pages.sources());
                    // at most one warning about a damaged cache
                    facts.warnings().stream().findFirst().or(() -> pages.warnings().stream().findFirst()).ifPresent(diagnostics::add);
                    List<Diagnostic> before = diagnostics.sorted();
                    renderer.render(site, e.sources, e.links, siteDates, contentPrefix, diagnostics, f -> {
                        stage(staging, f);
                        pages.rendered(f);
                    }, pages::reused);
                    List<Diagnostic> reported = new ArrayList<>(diagnostics.sorted());
                    before.forEach(reported::remove);
                    pages.reported(reported);
                    pages.renderedSources(renderer.recordedSources());
                    mainRenderer = renderer;
                } else {
                    renderer.render(site, e.sources, e.links, siteDates, contentPrefix, diagnostics, put);
                    // one source map for every language: a translation's pages in its folder, each from its own file
                    mainRenderer.recordSources(inFolder(renderer.recordedSources(), e.prefix, e.translated));
                }
                clock.lap("render");
                // a guide in several languages has one robots.txt, and one sitemap of every language (below)
                // a page taken from the build cache brought its card along; a card drawn now goes into the cache with its page
                CachedPages own = e.prefix.isEmpty() ? cached : null;
                Consumer<RenderedFile> siteWide = f -> {
                    if (f.path().equals("sitemap.xml") && editions.size() > 1) return;
                    if (f.path().equals("robots.txt") && !e.prefix.isEmpty()) return;
                    put.accept(f);
                    if (own != null) own.rendered(f);
                };
                if (own != null && facts.on() && pageCache.folder().isPresent()) {
                    // the search shards whose entries are unchanged come from the cache, as the pages do
                    SiteWideFiles.write(site, theme, siteDates, editionChanges, pool, p -> own.linked(Cards.path(p)),
                            sink -> own.searchFiles(searchPages, facts::entriesName, staging, sink), siteWide);
                } else {
                    List<SearchIndex.Entry> searchEntries = new ArrayList<>();
                    searchPages.forEach(searchEntries::addAll);
                    SiteWideFiles.write(site, theme, siteDates, editionChanges, searchEntries, pool, SiteWideFiles.Written.NONE,
                            p -> own != null && own.linked(Cards.path(p)), siteWide);
                }
                clock.lap("site files");
            }
            staging.put(mainRenderer.sourceMap(SourceMap.contentFrom(options.out(), options.content())));
            if (editions.size() > 1) staging.put(SiteFiles.sitemap(languageLinks.sitemap(editionDates)));
            Map<String, Path> copies = new LinkedHashMap<>(theme.assetFiles());
            ContentAssets.add(loaded.assets(), copies, staging::has, config.trustRawHtml(), contentDisplay, diagnostics);
            for (Edition e : editions.subList(1, editions.size())) {
                // the default language's files a translation lacks are published in its folder too, where its links find them
                Set<String> own = new HashSet<>();
                translations.folders().get(e.config.language()).assets().forEach(a -> own.add(a.relPath()));
                List<ContentLoader.Asset> shared = mainAssets.stream().filter(a -> !own.contains(a.relPath()))
                        .map(a -> new ContentLoader.Asset(e.prefix + a.relPath(), a.file())).toList();
                ContentAssets.add(shared, copies, staging::has, config.trustRawHtml(), contentDisplay, new Diagnostics());
            }
            Path passthrough = Passthrough.beside(options.content());
            copies.putAll(Passthrough.files(passthrough, display(passthrough), p -> staging.has(p) || copies.containsKey(p), diagnostics));
            if (diagnostics.hasErrors()) {
                return new Result(diagnostics.sorted(), editions.get(0).site, false, 0);
            }
            // write what is copied as it is, then swap
            staging.copy(copies);
            if (recorded != null) recorded.overwritten(copies.keySet());
            staging.commit();
            cached.store(options.out());
            cache.storeFolders(staging.folderList());
            facts.store();
            clock.lap("write");
            clock.print();
            return new Result(diagnostics.sorted(), editions.get(0).site, true, staging.files(), staging.pages());
        }
    }

    /**
     * One language's edition of the site while it is built: the default language's (prefix "") or a translation's,
     * published in the folder named for its code. Built and read by this class's stages only.
     */
    private static final class Edition {
        final SiteConfig config;
        final String prefix;
        /** Source paths the edition really translates; the rest of its pages are the default language's. */
        final Set<String> translated;
        final ConcurrentMap<String, SiteRenderer.Source> sources = new ConcurrentHashMap<>();
        final List<SiteAssembler.Input> inputs = new ArrayList<>();
        final List<SourceFile> files = new ArrayList<>();
        Site site;
        SiteLinks links;
        Set<String> assets = Set.of();
        Set<String> unreadable = Set.of();
        Set<String> drafts = Set.of();
        UiText ui;
        /** With the build cache: the pages in source order (parsed or kept), instead of {@link #inputs}. */
        List<Page> pages;
        final Set<String> keptDrafts = new HashSet<>();
        /** Search entries by source path of the pages whose facts came from the cache or go into it. */
        final Map<String, List<SearchIndex.Entry>> knownEntries = new ConcurrentHashMap<>();
        /** Freshly parsed pages whose facts the cache may keep, by source path. */
        final Map<String, Fresh> fresh = new ConcurrentHashMap<>();

        Edition(SiteConfig config, String prefix, Set<String> translated) {
            this.config = config;
            this.prefix = prefix;
            this.translated = Set.copyOf(translated);
        }
    }

    /** A translation's source-map records, by its folder: a page it translates comes from its own Markdown file. */
    private static Map<String, SourceMap.Page> inFolder(Map<String, SourceMap.Page> pages, String prefix, Set<String> translated) {
        Map<String, SourceMap.Page> out = new HashMap<>();
        pages.forEach((file, p) -> out.put(prefix + file,
                new SourceMap.Page(translated.contains(p.source()) ? prefix + p.source() : p.source(), p.refs())));
        return out;
    }

    /** A freshly parsed page the cache may keep the facts of: its facts key and page. */
    private record Fresh(String key, Page page) {
    }

    /** A page as {@link #parseKept} found it: kept facts, or a fresh parse (null when it could not be parsed). */
    private record Found(SourceFile file, CachedFacts.Facts kept, SiteRenderer.Source src, Optional<Page> page,
                         boolean draft, Fresh fresh) {
    }

    /**
     * {@link #parse} with the build cache: a page whose facts the cache keeps (same source, same Waymark) is not
     * parsed; its page and search entries come from the cache. Each other page is parsed and made into its page here
     * (what {@link SiteAssembler#page} does for the whole list later), with diagnostics of its own, so a page that
     * reported nothing can be kept for the next build. Its Markdown tree is parsed again later only if it must be
     * rendered ({@link #parseMissing}).
     */
    private Edition parseKept(Edition e, List<SourceFile> files, CachedFacts facts, boolean includeDrafts,
                              Diagnostics diagnostics, ExecutorService pool) {
        PageParser parser = new PageParser(markdown);
        StructureReader structureReader = new StructureReader();
        SiteAssembler assembler = new SiteAssembler();
        List<Future<Found>> parsing = new ArrayList<>();
        for (SourceFile source : files) {
            parsing.add(pool.submit(() -> {
                String key = facts.key(source);
                Optional<CachedFacts.Facts> kept = facts.get(key);
                if (kept.isPresent()) return new Found(source, kept.get(), null, Optional.of(kept.get().page()), false, null);
                Diagnostics own = new Diagnostics();
                ParsedPage parsed = parser.parse(source, own);
                SiteRenderer.Source src = null;
                Optional<Page> page = Optional.empty();
                if (parsed != null) {
                    PageStructure structure = structureReader.read(parsed, own);
                    src = new SiteRenderer.Source(parsed, structure);
                    page = assembler.page(new SiteAssembler.Input(parsed, structure), includeDrafts, own);
                }
                boolean clean = own.sorted().isEmpty();
                own.causes().forEach(diagnostics::cause);
                List<Diagnostic> items = new ArrayList<>(own.sorted());
                items.removeAll(own.causes());
                diagnostics.addAll(items);
                Fresh fresh = page.filter(p -> CachedFacts.keepable(p, clean)).map(p -> new Fresh(key, p)).orElse(null);
                return new Found(source, null, src, page, parsed != null && parsed.frontMatter().draft() && !includeDrafts, fresh);
            }));
        }
        e.pages = new ArrayList<>();
        for (Future<Found> f : parsing) {
            Found found = Work.join(f);
            String rel = found.file().relPath();
            found.page().ifPresent(e.pages::add);
            if (found.draft()) e.keptDrafts.add(rel);
            if (found.kept() != null) e.knownEntries.put(rel, found.kept().entries());
            if (found.src() != null) e.sources.put(rel, found.src());
            if (found.fresh() != null) e.fresh.put(rel, found.fresh());
        }
        e.files.addAll(files);
        return e;
    }

    /** The search entries of the freshly parsed pages the cache may keep, and their facts for the cache. */
    private static void keepFresh(Edition e, CachedFacts facts, ExecutorService pool) {
        List<Future<?>> work = new ArrayList<>();
        e.fresh.forEach((rel, fresh) -> {
            SiteRenderer.Source src = e.sources.get(rel);
            if (src == null) return;
            work.add(pool.submit(() -> {
                // the entries as the facts hold them: so they are named as kept entries are (see CachedFacts#entriesName)
                CachedFacts.Facts kept = new CachedFacts.Facts(fresh.page(), SearchIndex.entries(fresh.page(), src));
                e.knownEntries.put(rel, kept.entries());
                facts.put(fresh.key(), kept);
            }));
        });
        work.forEach(Work::join);
    }

    /** Parses the pages whose facts came from the cache but whose files did not: they are rendered. */
    private void parseMissing(Edition e, Site site, CachedPages pages, Diagnostics diagnostics, ExecutorService pool) {
        Map<String, SourceFile> byPath = new HashMap<>();
        e.files.forEach(f -> byPath.put(f.relPath(), f));
        PageParser parser = new PageParser(markdown);
        StructureReader structureReader = new StructureReader();
        List<Future<?>> work = new ArrayList<>();
        for (Page page : site.pages()) {
            if (page.generated() || pages.reused(page) || e.sources.containsKey(page.sourcePath())) continue;
            SourceFile source = byPath.get(page.sourcePath());
            if (source == null) continue;
            work.add(pool.submit(() -> {
                // the same source parsed without a diagnostic when its facts were kept: it does again
                ParsedPage parsed = parser.parse(source, diagnostics);
                if (parsed != null) e.sources.put(source.relPath(), new SiteRenderer.Source(parsed, structureReader.read(parsed, diagnostics)));
            }));
        }
        work.forEach(Work::join);
    }

    /** Git's changes by the edition's source paths: a translated page's are its translation's file's. */
    private static Map<String, GitDates.Change> inEdition(Map<String, GitDates.Change> changes, String prefix, Set<String> translated) {
        if (prefix.isEmpty()) return changes;
        Map<String, GitDates.Change> out = new java.util.HashMap<>(changes);
        for (String source : translated) {
            GitDates.Change c = changes.get(prefix + source);
            if (c == null) out.remove(source);
            else out.put(source, c);
        }
        return out;
    }

    private Edition parse(Edition e, List<SourceFile> files, Diagnostics diagnostics, ExecutorService pool) {
        PageParser parser = new PageParser(markdown);
        StructureReader structureReader = new StructureReader();
        List<Future<SiteRenderer.Source>> parsing = new ArrayList<>();
        for (SourceFile source : files) {
            parsing.add(pool.submit(() -> {
                ParsedPage parsed = parser.parse(source, diagnostics);
                if (parsed == null) return null;
                PageStructure structure = structureReader.read(parsed, diagnostics);
                return new SiteRenderer.Source(parsed, structure);
            }));
        }
        for (Future<SiteRenderer.Source> f : parsing) {
            SiteRenderer.Source s = Work.join(f);
            if (s == null) continue;
            e.sources.put(s.parsed().source().relPath(), s);
            e.inputs.add(new SiteAssembler.Input(s.parsed(), s.structure()));
        }
        e.files.addAll(files);
        return e;
    }

    private static void model(Edition e, Options options, Path contentDisplay, boolean configReadable, Set<String> assets,
                              SiteAssembler.Words words, Diagnostics diagnostics) {
        SiteConfig config = e.config;
        Site site = e.pages != null ? new SiteAssembler().assemble(config, e.pages, contentDisplay, words, diagnostics)
                : new SiteAssembler().assemble(config, e.inputs, options.drafts(), contentDisplay, words, diagnostics);
        Set<String> drafts = new HashSet<>(e.keptDrafts);
        e.inputs.forEach(in -> {
            if (in.parsed().frontMatter().draft() && !options.drafts()) drafts.add(in.parsed().source().relPath());
        });
        e.inputs.clear(); // the renderer releases each Markdown tree after its page; nothing else may keep one
        ModelRules.validate(site, config, configReadable, diagnostics);
        Set<String> unreadable = new HashSet<>();
        e.files.forEach(p -> {
            if (diagnostics.hasCause(p.displayPath())) unreadable.add(p.relPath());
        });
        e.site = site;
        e.assets = Set.copyOf(assets);
        e.unreadable = Set.copyOf(unreadable);
        e.drafts = Set.copyOf(drafts);
        e.links = new SiteLinks(site, assets, unreadable, drafts, (from, target) -> { }, e.prefix, e.translated);
    }

    /** The content folder as messages show it: see {@link DisplayPath}. */
    public static Path display(Path content) {
        return DisplayPath.of(content);
    }

    /** The content folder as the built pages name it ({@code data-source}), with a trailing slash. */
    public static String sourcePrefix(Path content) {
        String name = SiteConfigReader.publishedPath(content);
        return name.isEmpty() || name.equals(".") ? "" : name + "/";
    }

    /** Stage timings, printed to stderr with -Dwaymark.timings=true; used when profiling the build. */
    private static final class Stopwatch {
        private final boolean on = Boolean.getBoolean("waymark.timings");
        private final StringBuilder out = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String stage) {
            if (!on) return;
            long now = System.nanoTime();
            out.append(stage).append('=').append((now - last) / 1_000_000).append("ms ");
            last = now;
        }

        void print() {
            if (on) System.err.println("timings: " + out);
        }
    }

    private static ExecutorService pool() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "waymark-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }
}

package dev.waymark;

import dev.waymark.content.ContentLoader;
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
import dev.waymark.diag.DisplayPath;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.assemble.SiteAssembler;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.BodyRenderer;
import dev.waymark.render.ContentAssets;
import dev.waymark.render.SearchIndex;
import dev.waymark.render.SiteRenderer;
import dev.waymark.render.card.CardStyle;
import dev.waymark.render.card.Cards;
import dev.waymark.render.share.AtomFeed;
import dev.waymark.render.share.LlmsTxt;
import dev.waymark.render.Theme;
import dev.waymark.validate.DecisionTreeRule;
import dev.waymark.validate.OutcomeFreshness;
import dev.waymark.validate.ProfileRule;
import dev.waymark.links.SiteLinks;
import dev.waymark.links.SourceMap;
import dev.waymark.write.Passthrough;
import dev.waymark.write.SiteFiles;
import dev.waymark.write.SiteWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

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

    public Result build(Options options) {
        Diagnostics diagnostics = new Diagnostics();
        ExecutorService pool = pool();
        try {
            return build(options, diagnostics, pool);
        } catch (ContentException e) {
            diagnostics.add(e.diagnostic());
            return new Result(diagnostics.sorted(), null, false, 0);
        } finally {
            pool.shutdownNow();
        }
    }

    private Result build(Options options, Diagnostics diagnostics, ExecutorService pool) {
        Stopwatch clock = new Stopwatch();
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
        ContentLoader.Loaded loaded = new ContentLoader().load(options.content(), contentDisplay, diagnostics);
        clock.lap("load");
        // parse
        PageParser parser = new PageParser(markdown);
        StructureReader structureReader = new StructureReader();
        List<Future<SiteRenderer.Source>> parsing = new ArrayList<>();
        for (SourceFile source : loaded.pages()) {
            parsing.add(pool.submit(() -> {
                ParsedPage parsed = parser.parse(source, diagnostics);
                if (parsed == null) return null;
                PageStructure structure = structureReader.read(parsed, diagnostics);
                return new SiteRenderer.Source(parsed, structure);
            }));
        }
        ConcurrentMap<String, SiteRenderer.Source> sources = new ConcurrentHashMap<>();
        List<SiteAssembler.Input> inputs = new ArrayList<>();
        for (Future<SiteRenderer.Source> f : parsing) {
            SiteRenderer.Source s = Work.join(f);
            if (s == null) continue;
            sources.put(s.parsed().source().relPath(), s);
            inputs.add(new SiteAssembler.Input(s.parsed(), s.structure()));
        }
        clock.lap("parse");
        // model
        Site site = new SiteAssembler().assemble(config, inputs, options.drafts(), contentDisplay, diagnostics);
        Set<String> drafts = new HashSet<>();
        inputs.forEach(in -> {
            if (in.parsed().frontMatter().draft() && !options.drafts()) drafts.add(in.parsed().source().relPath());
        });
        inputs.clear(); // the renderer releases each Markdown tree after its page; nothing else may keep one
        ContentAssets.reservedPages(site, diagnostics);
        // validate (what follows only from a file that could not be read is left out: its error is the cause)
        boolean configReadable = !diagnostics.hasCause(contentDisplay.resolve(SiteConfigReader.FILE_NAME));
        for (Page page : site.pages()) {
            page.decisionTree().ifPresent(tree -> new DecisionTreeRule().validate(tree, diagnostics));
            if (page.profile().isPresent()) new ProfileRule(configReadable).validate(page, config, diagnostics);
        }
        Set<String> assets = new HashSet<>();
        loaded.assets().forEach(a -> assets.add(a.relPath()));
        Set<String> unreadable = new HashSet<>();
        loaded.pages().forEach(p -> {
            if (diagnostics.hasCause(p.displayPath())) unreadable.add(p.relPath());
        });
        SiteLinks links = new SiteLinks(site, assets, unreadable, drafts, (from, target) -> { });
        clock.lap("model+validate");
        // render
        Theme theme = Work.join(themeLoad);
        clock.lap("theme");
        Map<String, GitDates.Change> changes = Work.join(gitLog);
        Map<String, String> dates = GitDates.dates(changes);
        clock.lap("git");
        new OutcomeFreshness(site, dates).validate(site, diagnostics);
        String contentPrefix = sourcePrefix(options.content());
        List<SearchIndex.Entry> searchEntries = theme.assetPath("search.js").isEmpty()
                ? List.of() : SearchIndex.entries(site, sources, pool);
        // render, straight into a staging folder; it replaces the output only if the whole build is clean
        try (SiteWriter.Staging staging = SiteWriter.stage(options.out())) {
            SiteRenderer renderer = new SiteRenderer(new BodyRenderer(markdown), theme, pool);
            renderer.render(site, sources, links, dates, contentPrefix, diagnostics, staging::put);
            staging.put(renderer.sourceMap(SourceMap.contentFrom(options.out(), options.content())));
            clock.lap("render");
            staging.put(SiteFiles.sitemap(site, dates));
            staging.put(SiteFiles.robots(site));
            staging.put(AtomFeed.of(site, changes));
            staging.put(LlmsTxt.of(site));
            if (config.cards()) {
                new Cards(CardStyle.read(theme.folders()), Cards.defaultCache()).render(site, pool, staging::put);
                clock.lap("cards");
            }
            if (!theme.assetPath("search.js").isEmpty()) {
                SearchIndex.files(searchEntries).forEach(staging::put);
            }
            Map<String, Path> copies = new LinkedHashMap<>(theme.assetFiles());
            ContentAssets.add(loaded.assets(), copies, staging::has, config.trustRawHtml(), contentDisplay, diagnostics);
            Path passthrough = Passthrough.beside(options.content());
            copies.putAll(Passthrough.files(passthrough, display(passthrough), p -> staging.has(p) || copies.containsKey(p), diagnostics));
            if (diagnostics.hasErrors()) {
                return new Result(diagnostics.sorted(), site, false, 0);
            }
            // write what is copied as it is, then swap
            staging.copy(copies);
            staging.commit();
            clock.lap("write");
            clock.print();
            return new Result(diagnostics.sorted(), site, true, staging.files(), staging.pages());
        }
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

package dev.waymark.cache;

import dev.waymark.Work;
import dev.waymark.diag.Diagnostic;
import dev.waymark.links.SourceMap;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.render.RenderedFile;
import dev.waymark.render.SearchIndex;
import dev.waymark.render.SiteRenderer;
import dev.waymark.render.Theme;
import dev.waymark.render.card.Cards;
import dev.waymark.render.share.MarkdownCopy;
import dev.waymark.write.SiteWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The build cache as one build uses it: each page's key, which pages come from the cache, and which freshly rendered
 * files go into it.
 *
 * <p>A page's files (its page, its Markdown copy, its embed page) are a function of the whole model and of its own
 * source; the key says so: {@link Inputs} fingerprints everything every page may show (the model with every page's
 * title, headings and ids, the navigation, the configuration and {@code site.yaml}, the theme's files, the dates, the
 * files links may point at, the sources of decision and profile pages that other pages embed or compare, Waymark's
 * version and code), and each page adds its own path and source text. So a body edit that leaves the model as it was
 * re-renders one page, while a title edit re-renders every page (its title is in every navigation). A page's files
 * are its page, its Markdown copy, its embed page and its social card.
 */
public final class CachedPages {
    /**
     * What all pages' files depend on, besides each page's own source; {@code textHashes}: the SHA-256 of each source's
     * text, by source path; {@code known}: names that stand in for model values when fingerprinting, by identity (see
     * {@link CachedFacts#names()}).
     */
    public record Inputs(Site site, Theme theme, Path siteYaml, Collection<String> assets, Collection<String> unreadable,
                         Collection<String> drafts, Map<String, String> dates, String contentPrefix, Path contentDisplay,
                         Map<String, String> textHashes, Map<Object, String> known) {
        /** Without names for kept pages: each page is walked. */
        public Inputs(Site site, Theme theme, Path siteYaml, Collection<String> assets, Collection<String> unreadable,
                      Collection<String> drafts, Map<String, String> dates, String contentPrefix, Path contentDisplay,
                      Map<String, String> textHashes) {
            this(site, theme, siteYaml, assets, unreadable, drafts, dates, contentPrefix, contentDisplay, textHashes, Map.of());
        }

        String key(String stamp) {
            // a page whose facts came from the cache is fingerprinted by its facts key (see CachedFacts#names)
            Fingerprint f = new Fingerprint(known).add(stamp).add(theme.name());
            for (Path folder : theme.folders()) files(f, folder);
            try {
                f.bytes(Files.isRegularFile(siteYaml) ? Files.readAllBytes(siteYaml) : new byte[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            f.add(site).add(Set.copyOf(assets)).add(Set.copyOf(unreadable)).add(Set.copyOf(drafts)).add(dates)
                    .add(contentPrefix).add(contentDisplay.toString())
                    .add(String.valueOf(System.getenv("SOURCE_DATE_EPOCH"))).add(Locale.getDefault().toLanguageTag()).add(java.util.TimeZone.getDefault().getID());
            for (Page page : site.pages()) {
                // other pages embed decision trees and compare profiles: their sources are every page's input
                if (page.decisionTree().isPresent() || page.profile().isPresent()) {
                    f.add(page.sourcePath()).add(textHashes.getOrDefault(page.sourcePath(), ""));
                }
            }
            return f.hex();
        }
    }

    private final BuildCache.Session session;
    // in the site's page order, which is the output's folder order: see reuse
    private final Map<Page, String> keys = new java.util.LinkedHashMap<>();
    private final Map<String, String> byFile = new HashMap<>();
    private final Set<Page> reused = ConcurrentHashMap.newKeySet();

    public CachedPages(BuildCache cache, Inputs inputs, boolean embeds) {
        String stamp = stamp();
        // no cache: no keys (fingerprinting the model costs time and nothing is looked up)
        this.session = cache.open(stamp, cache.folder().isEmpty() ? "" : inputs.key(stamp));
        boolean cards = inputs.site().config().cards();
        for (Page page : cache.folder().isEmpty() ? List.<Page>of() : inputs.site().pages()) {
            String key = session.pageKey(page.path(), page.sourcePath(), inputs.textHashes().getOrDefault(page.sourcePath(), ""));
            keys.put(page, key);
            byFile.put(page.outputFile(), key);
            byFile.put(page.path() + MarkdownCopy.FILE, key);
            if (embeds && page.decisionTree().isPresent()) byFile.put(SiteRenderer.embedFile(page), key);
            // its social card: drawn from the page's title and description, the site's title and address and the
            // theme's colours, all in the key; linked with the page's other files instead of read and written again
            if (cards) byFile.put(Cards.path(page), key);
        }
    }

    /**
     * Links every page the cache holds into the staging folder, on the pool; returns how many. Each task takes a run of
     * pages that follow each other in the site's order, so the two threads mostly work in different parent folders
     * and the order of the work does not depend on hash codes. (Against one task per page in hash order, no difference
     * showed above the host's noise; the folders themselves are mostly made ahead, see SiteWriter#prepare.)
     */
    public int reuse(SiteWriter.Staging staging, ExecutorService pool) {
        List<Map.Entry<Page, String>> pages = new ArrayList<>(keys.entrySet());
        int runs = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
        int size = Math.max(64, (pages.size() + runs - 1) / runs);
        List<Future<?>> work = new ArrayList<>();
        for (int from = 0; from < pages.size(); from += size) {
            List<Map.Entry<Page, String>> run = pages.subList(from, Math.min(pages.size(), from + size));
            work.add(pool.submit(() -> {
                for (Map.Entry<Page, String> e : run) {
                    if (session.reuse(e.getValue(), staging)) reused.add(e.getKey());
                }
            }));
        }
        work.forEach(Work::join);
        return reused.size();
    }

    /**
     * The search index's files, its shards from the cache where they are there: each shard is keyed by the names of
     * the entries it holds ({@code names}: a name for a page's entries, null when it has none; such a page's entries
     * are fingerprinted), so a one-page edit makes one shard again, or those after it when the page's number of
     * entries changed, and the others are linked into the staging folder as they were. The shards made now are handed
     * to {@code sink} and go into the cache. Byte for byte what {@link SearchIndex#files} gives for the same entries.
     *
     * @param pages each page's search entries, in page order (see {@link SearchIndex#byPage})
     */
    public void searchFiles(List<List<SearchIndex.Entry>> pages, java.util.function.Function<List<SearchIndex.Entry>, String> names,
                            SiteWriter.Staging staging, java.util.function.Consumer<RenderedFile> sink) {
        int[] counts = new int[pages.size()];
        int total = 0;
        for (int i = 0; i < counts.length; i++) total += counts[i] = pages.get(i).size();
        String[] named = new String[pages.size()];
        List<List<SearchIndex.Slice>> layout = SearchIndex.layout(counts);
        for (int n = 0; n < layout.size(); n++) {
            Fingerprint f = new Fingerprint().add("search shard").add(stamp()).add(n);
            for (SearchIndex.Slice s : layout.get(n)) {
                if (named[s.page()] == null) {
                    List<SearchIndex.Entry> entries = pages.get(s.page());
                    String name = names.apply(entries);
                    named[s.page()] = name != null ? "k" + name : "e" + new Fingerprint().add(List.copyOf(entries)).hex();
                }
                f.add(named[s.page()]).add(s.from()).add(s.to());
            }
            String key = f.hex();
            if (session.reuse(key, staging)) continue;
            List<SearchIndex.Entry> entries = new ArrayList<>();
            for (SearchIndex.Slice s : layout.get(n)) entries.addAll(pages.get(s.page()).subList(s.from(), s.to()));
            RenderedFile file = SearchIndex.shard(n, entries);
            sink.accept(file);
            session.record(key, file);
        }
        sink.accept(SearchIndex.manifest(total));
    }

    /** Whether the cache put a file at this site path into the staging folder (a page's card, say). */
    public boolean linked(String sitePath) {
        return session.linked(sitePath);
    }

    /** Whether a page's files came from the cache (so it is not rendered). */
    public boolean reused(Page page) {
        return reused.contains(page);
    }

    /** A file the renderer wrote: remembered for the cache when it belongs to a page. */
    public void rendered(RenderedFile file) {
        String key = byFile.get(file.path());
        if (key != null) session.record(key, file);
    }

    /**
     * What rendering reported. A build whose rendering reports anything stores nothing: a report is not always about
     * the page being rendered (a page embeds another's decision tree), and a page taken from the cache would not
     * report it again.
     */
    public void reported(List<Diagnostic> diagnostics) {
        if (!diagnostics.isEmpty()) session.spoilAll();
    }

    /** The source-map records of the pages taken from the cache, by output file. */
    public Map<String, SourceMap.Page> sources() {
        return session.sources();
    }

    /** The source-map records the renderer made (by output file): those of rendered pages go into the cache. */
    public void renderedSources(Map<String, SourceMap.Page> recorded) {
        keys.forEach((page, key) -> {
            SourceMap.Page record = recorded.get(page.outputFile());
            if (record != null && !reused.contains(page)) session.recordSources(key, page.outputFile(), record);
        });
    }

    /** The one warning about a corrupt or foreign cache, if any. */
    public List<Diagnostic> warnings() {
        return session.warnings();
    }

    /** Stores the committed output's pages in the cache. */
    public void store(Path out) {
        session.store(out);
    }

    private static volatile String stamp;

    /** Waymark's version and code: a cache written by another is not used. */
    static String stamp() {
        String s = stamp;
        if (s == null) stamp = s = "waymark " + Theme.class.getPackage().getImplementationVersion() + " " + code();
        return s;
    }

    /**
     * Waymark's code: the jar's SHA-256 (the build is reproducible, so CI's fresh jar of the same source matches),
     * else the classes folder's stamp.
     */
    private static String code() {
        try {
            var src = CachedPages.class.getProtectionDomain().getCodeSource();
            Path p = src == null ? null : Path.of(src.getLocation().toURI());
            if (p != null && Files.isRegularFile(p)) return Fingerprint.sha256(Files.readAllBytes(p));
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // fall back to the stamp below
        }
        return Fingerprint.sha256(Theme.classpathStamp().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Adds the names and bytes of every file under a folder, in a fixed order. */
    private static void files(Fingerprint f, Path folder) {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(TreeSet::new))) {
                f.add(folder.relativize(p).toString().replace('\\', '/')).bytes(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.waymark.check;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code build --strict} knows of its pages before it writes them: each HTML page is read into its facts from the
 * bytes the renderer produced, on the render worker that produced them, so {@link SiteChecker} does not read and parse
 * the built files again. A well-formed page without problems is read by {@link WellFormedReader}, whose facts are
 * {@link PageScanner}'s for such a page; any other page by the same {@link PageScanner} over the same bytes as a check of
 * the written file. A page is left to be read from disk when it cannot be known
 * from its rendered bytes: a path produced twice, or one that something else (a copied file) wrote over.
 */
public final class RenderedPages {
    /** A path whose bytes on disk are not known from one rendering: read it from disk. */
    private static final PageFacts UNKNOWN = new PageFacts("", java.util.Set.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
    final PageScanner scanner = new PageScanner();
    /** Most rendered pages are read without a jsoup tree; the rest, and any page it is unsure of, by the scanner. */
    private final WellFormedReader wellFormed = new WellFormedReader(scanner.shared);
    private final java.util.concurrent.atomic.LongAdder fast = new java.util.concurrent.atomic.LongAdder();
    private final Map<String, PageFacts> pages = new ConcurrentHashMap<>();
    /** Bigger pages are left to jsoup, which streams them. */
    static final int LARGEST = 64 << 20;

    /** Records a rendered file at its site path; only HTML pages are read (as {@link SiteChecker} reads files). */
    public void rendered(String sitePath, byte[] bytes) {
        if (!isPage(sitePath)) return;
        // a page the well-formed reader is unsure of is read by jsoup, exactly as check reads its file (streamed over
        // WHOLE). The reader takes only valid UTF-8, which the whole and the streaming decoder decode alike, so it
        // reads big pages too (a site's search page lists every page: 4.7 MB at 10,000 pages); up to LARGEST, as its
        // characters take twice the bytes' memory.
        PageFacts facts = bytes.length <= LARGEST ? wellFormed.read(sitePath, bytes) : null;
        if (facts == null) facts = scanner.read(sitePath, bytes, false);
        else fast.increment();
        pages.merge(sitePath, facts, (a, b) -> UNKNOWN);
    }

    /** Paths written by something other than the renderer after it: their facts are read from disk. */
    public void overwritten(Collection<String> sitePaths) {
        for (String p : sitePaths) {
            if (isPage(p)) pages.put(p, UNKNOWN);
        }
    }

    /** The facts of a page read from its rendered bytes, if they are known to be the file's. */
    Optional<PageFacts> facts(String sitePath) {
        PageFacts f = pages.get(sitePath);
        return f == null || f == UNKNOWN ? Optional.empty() : Optional.of(f);
    }

    /** How many pages are known from their rendered bytes. */
    public int size() {
        return (int) pages.values().stream().filter(f -> f != UNKNOWN).count();
    }

    /** How many pages were read without a jsoup tree. */
    public long readWithoutTree() {
        return fast.sum();
    }

    static boolean isPage(String rel) {
        return rel.endsWith(".html") || rel.endsWith(".htm");
    }
}

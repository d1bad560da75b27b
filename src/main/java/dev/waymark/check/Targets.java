package dev.waymark.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved targets of references whose resolution does not depend on the folder of the page they are on.
 *
 * <p>A site repeats the same navigation links on every page, written relative to each page: from any page two
 * folders deep, {@code ../../a/b/index.html} climbs to the site root and then names {@code a/b/index.html}, whatever the
 * two folders were. So a path that climbs at least as many folders as its page is deep (or that is absolute) resolves
 * the same for every page of that depth, and is resolved once per depth instead of once per page.
 */
final class Targets {
    /** The target of a path known to point to no file. */
    static final String MISSING = new String("(missing)");
    /** The target of an absolute path outside the site's base path. */
    static final String OUTSIDE = new String("(outside)");

    /** Where a reference leads: the target file (or {@link #MISSING}, {@link #OUTSIDE}) and the fragment, if any. */
    record Hit(String target, String fragment) {
    }
    private static final int MAX_DEPTH = 32;
    @SuppressWarnings("unchecked")
    private final Map<String, Hit>[] byDepth = new Map[MAX_DEPTH + 1];

    Targets() {
        for (int i = 0; i <= MAX_DEPTH; i++) byDepth[i] = new ConcurrentHashMap<>();
    }

    /**
     * The known resolution of a URL as written on a page {@code depth} folders deep, or null. Keyed by the URL itself:
     * pages share one instance of each reference, so the lookup mostly compares a string with itself.
     */
    Hit get(int depth, String url) {
        return depth > MAX_DEPTH ? null : byDepth[depth].get(url);
    }

    /** Remembers a resolution if it holds for every page of this depth (its path is absolute or climbs to the root). */
    void put(int depth, String url, String decodedPath, Hit hit) {
        if (depth <= MAX_DEPTH && (decodedPath.startsWith("/") || climbs(decodedPath) >= depth)) {
            byDepth[depth].put(url, hit);
        }
    }

    /** How many folders deep a site file is: 0 for {@code index.html}, 2 for {@code a/b/index.html}. */
    static int depth(String file) {
        int n = 0;
        for (int i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) n++;
        return n;
    }

    /** How many leading {@code ../} segments a relative path starts with. */
    private static int climbs(String path) {
        int n = 0;
        while (path.startsWith("../", n * 3)) n++;
        return n;
    }
}

package dev.waymark.model;

/**
 * Slash-separated relative paths, as used for content files and site files. One implementation serves the link
 * rewriter, the directive resolver and the site checker.
 */
public final class RelativePath {
    private RelativePath() {
    }

    /**
     * Resolves "." and ".." segments and collapses repeated slashes, without allocating per segment. A trailing slash
     * is kept. Returns null when the path climbs above its root.
     */
    public static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        int n = path.length();
        while (i <= n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            int len = end - i;
            if (len == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
                if (out.length() == 0) return null;
                int cut = out.lastIndexOf("/", out.length() - 2);
                out.setLength(cut < 0 ? 0 : cut + 1);
            } else if (!(len == 1 && path.charAt(i) == '.') && len > 0) {
                out.append(path, i, end);
                if (slash >= 0) out.append('/');
            }
            if (slash < 0) break;
            i = slash + 1;
        }
        return out.toString();
    }

    /** The folder part of a path, with its trailing slash ({@code a/b.md} gives {@code a/}); empty at the root. */
    public static String dirOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}

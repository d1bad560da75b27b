package dev.waymark.model;

/**
 * A relative URL split into its path, query (with its {@code ?}, or empty) and fragment (without its {@code #}, or
 * null when there is none).
 */
public record UrlParts(String path, String query, String fragment) {

    public static UrlParts of(String url) {
        String path = url;
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        return new UrlParts(path, query, fragment);
    }
}

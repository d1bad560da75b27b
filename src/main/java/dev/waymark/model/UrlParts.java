package dev.waymark.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relative URL split into its path, query (with its {@code ?}, or empty) and fragment (without its {@code #}, or
 * null when there is none).
 */
public record UrlParts(String path, String query, String fragment) {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

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

    /** The URL's scheme in lower case ({@code https}, {@code javascript}...), or null for a relative URL. */
    public static String scheme(String url) {
        // A colon before any '/', '?' or '#' is needed for a scheme; most URLs in a site fail this test at once.
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') return null;
            if (c == ':') {
                Matcher m = SCHEME.matcher(url);
                return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
            }
        }
        return null;
    }

    /** Percent-decodes a path or fragment ('+' stays a plus); malformed escapes leave the text as it is. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}

package dev.waymark.model;

import java.net.URI;
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

    /**
     * The href with the characters a URI may not hold percent-encoded (a space, {@code < > " ` { } | \ ^}, a control, a
     * second {@code #}, a {@code %} that starts no escape), so that an id or a path with them in it still resolves.
     */
    public static String uriSafe(String href) {
        StringBuilder out = null;
        boolean fragment = false;
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            boolean bad = c <= 0x20 || c == 0x7f || "<>\"`{}|\\^".indexOf(c) >= 0 || (c == '#' && fragment)
                    || (c == '%' && !(i + 2 < href.length() && hex(href.charAt(i + 1)) && hex(href.charAt(i + 2))));
            if (c == '#') fragment = true;
            if (bad && out == null) out = new StringBuilder(href.length() + 8).append(href, 0, i);
            if (out != null) {
                if (bad) out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                else out.append(c);
            }
        }
        return out == null ? href : out.toString();
    }

    /**
     * A link as readers see it in the address bar: {@code href} resolved against the page's published address
     * {@code pageUrl}, without the {@code index.html} the files use. An empty href or a bare {@code #} is the page
     * itself; an href with a scheme stays as it is; an href that is still not a URI once {@link #uriSafe} has encoded
     * it (a bracket in a path, say) is left as written.
     */
    public static String absolute(String pageUrl, String href) {
        if (href.isEmpty() || href.equals("#")) return pageUrl;
        if (scheme(href) != null) return href;
        try {
            return URI.create(pageUrl).resolve(URI.create(uriSafe(href))).toString().replaceFirst("/index\\.html(?=#|$)", "/");
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

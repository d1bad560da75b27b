package dev.waymark.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans raw HTML written in Markdown with jsoup's {@link Safelist}: no scripts, no event handlers, no
 * {@code javascript:} URLs, no styles. Reports whether anything was removed, so the build can warn at the line.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("abbr", "kbd", "mark", "samp", "var", "time", "details", "summary", "figure", "figcaption", "ins",
                    "del", "s", "small", "hr", "wbr", "dfn", "bdi", "bdo", "section", "aside")
            .addAttributes(":all", "class", "title", "lang", "dir")
            .addAttributes("time", "datetime")
            .addAttributes("abbr", "title")
            .addAttributes("details", "open")
            .addAttributes("a", "rel")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true);
    private static final Set<String> INLINE_TAGS = Set.of("kbd", "abbr", "sub", "sup", "br", "mark", "small", "span", "b", "i",
            "em", "strong", "code", "s", "u", "q", "cite", "dfn", "time", "var", "samp", "wbr", "ins", "del");
    private static final Pattern TAG = Pattern.compile("^<(/?)([a-zA-Z][a-zA-Z0-9]*)(\\s[^>]*)?(/?)>$", Pattern.DOTALL);

    private static final String BASE = "https://invalid.example/";

    /** Cleaned HTML and whether the cleaning changed anything. */
    public record Result(String html, boolean changed) {
    }

    public Result cleanBlock(String html) {
        String trimmed = html.strip();
        if (trimmed.startsWith("<!--")) {
            return new Result("", false);
        }
        Document dirty = Jsoup.parseBodyFragment(trimmed, BASE);
        // The cleaner clones each element, and a clone asks for its base URI, which jsoup finds by walking up to the
        // nearest element that has one: O(depth) per element, so HTML nested 40,000 deep took 8 s. Each element
        // holding its own makes that walk one step; the output is the same.
        for (Element e : dirty.getAllElements()) {
            e.setBaseUri(BASE);
        }
        Cleaner cleaner = new Cleaner(SAFELIST);
        boolean valid = cleaner.isValid(dirty);
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element a : clean.select("a[href]")) {
            a.attr("rel", "noopener nofollow");
        }
        return new Result(clean.body().html() + "\n", !valid);
    }

    /** Cleans one inline tag such as {@code <kbd>} or {@code </kbd>}; an unsafe tag is dropped. */
    public Result cleanInline(String tag) {
        String t = tag.strip();
        if (t.startsWith("<!--")) {
            return new Result("", false);
        }
        Matcher m = TAG.matcher(t);
        if (!m.matches()) {
            return new Result("", true);
        }
        String name = m.group(2).toLowerCase(Locale.ROOT);
        if (!INLINE_TAGS.contains(name)) {
            return new Result("", true);
        }
        if (!m.group(1).isEmpty()) {
            return new Result("</" + name + ">", false);
        }
        String attrs = m.group(3) == null ? "" : m.group(3).strip();
        boolean changed = false;
        StringBuilder kept = new StringBuilder();
        if (!attrs.isEmpty()) {
            Element probe = Jsoup.parseBodyFragment("<" + name + " " + attrs + ">").body().child(0);
            for (var a : probe.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (Set.of("class", "title", "lang", "datetime").contains(key)) {
                    kept.append(' ').append(key).append("=\"").append(org.jsoup.nodes.Entities.escape(a.getValue())).append('"');
                } else {
                    changed = true;
                }
            }
        }
        String close = name.equals("br") || name.equals("wbr") ? "" : "";
        return new Result("<" + name + kept + close + ">", changed);
    }
}

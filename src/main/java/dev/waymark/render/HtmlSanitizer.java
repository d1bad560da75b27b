package dev.waymark.render;

import dev.waymark.model.UrlParts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.select.NodeTraversor;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Cleaned HTML, whether the cleaning changed anything, and what it removed, for the warning: the first removal in
     * document order ("the <script> element", "the onclick attribute of <img>", "the javascript: URL in <a href>"),
     * followed by how many more there were; empty when nothing changed.
     */
    public record Result(String html, boolean changed, String removed) {
    }

    public Result cleanBlock(String html) {
        String trimmed = html.strip();
        if (trimmed.startsWith("<!--")) {
            return new Result("", false, "");
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
        return new Result(clean.body().html() + "\n", !valid, valid ? "" : removed(dirty.body()));
    }

    /**
     * What the cleaner drops from {@code body}, in document order, as the same {@link Safelist} decides it: the first
     * removal named, then a count of the rest. One pass over the nodes, so deep nesting stays linear.
     */
    private static String removed(Element body) {
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node == body) return;
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (!SAFELIST.isSafeTag(tag)) {
                    found.add("the <" + tag + "> element");
                    return;
                }
                for (Attribute a : e.attributes()) {
                    if (!SAFELIST.isSafeAttribute(tag, e, a)) found.add(attribute(tag, e, a));
                }
            } else if (node instanceof Comment) {
                found.add("an HTML comment");
            } else if (node instanceof DocumentType || node instanceof XmlDeclaration) {
                found.add("the " + node.outerHtml().strip() + " declaration");
            }
        }, body);
        if (found.isEmpty()) return "unsafe markup"; // the cleaner found something this walk does not name
        int more = found.size() - 1;
        return found.get(0) + (more == 0 ? "" : " and " + more + " more unsafe part" + (more == 1 ? "" : "s"));
    }

    /** An attribute the safelist refuses: its URL, when the same attribute with a harmless value would be kept. */
    private static String attribute(String tag, Element e, Attribute a) {
        Element probe = e.shallowClone();
        probe.attr(a.getKey(), "#");
        if (SAFELIST.isSafeAttribute(tag, probe, probe.attribute(a.getKey()))) {
            String scheme = UrlParts.scheme(a.getValue().strip());
            String kind = scheme != null ? scheme + ": URL" : "URL";
            return "the " + kind + " in <" + tag + " " + a.getKey() + ">";
        }
        return "the " + a.getKey() + " attribute of <" + tag + ">";
    }

    /** Cleans one inline tag such as {@code <kbd>} or {@code </kbd>}; an unsafe tag is dropped. */
    public Result cleanInline(String tag) {
        String t = tag.strip();
        if (t.startsWith("<!--")) {
            return new Result("", false, "");
        }
        Matcher m = TAG.matcher(t);
        if (!m.matches()) {
            return new Result("", true, "the tag");
        }
        String name = m.group(2).toLowerCase(Locale.ROOT);
        if (!INLINE_TAGS.contains(name)) {
            return new Result("", true, "the <" + name + "> element");
        }
        if (!m.group(1).isEmpty()) {
            return new Result("</" + name + ">", false, "");
        }
        String attrs = m.group(3) == null ? "" : m.group(3).strip();
        List<String> dropped = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        if (!attrs.isEmpty()) {
            Element probe = Jsoup.parseBodyFragment("<" + name + " " + attrs + ">").body().child(0);
            for (var a : probe.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (Set.of("class", "title", "lang", "datetime").contains(key)) {
                    kept.append(' ').append(key).append("=\"").append(org.jsoup.nodes.Entities.escape(a.getValue())).append('"');
                } else {
                    dropped.add(key);
                }
            }
        }
        String close = name.equals("br") || name.equals("wbr") ? "" : "";
        String removed = dropped.isEmpty() ? "" : dropped.size() == 1 ? "the " + dropped.get(0) + " attribute"
                : "the " + String.join(", ", dropped.subList(0, dropped.size() - 1)) + " and " + dropped.get(dropped.size() - 1) + " attributes";
        return new Result("<" + name + kept + close + ">", !dropped.isEmpty(), removed);
    }
}

package dev.waymark.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one HTML page into {@link PageFacts}: ids, every reference, and its structural problems. */
final class PageScanner {
    private static final Pattern JSON_FIELD = Pattern.compile("\"(href|target|id)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    PageFacts scan(String file, String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        Set<String> ids = new HashSet<>();
        List<PageFacts.Local> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element el : doc.select("[id]")) {
            String id = el.id();
            if (!seen.add(id)) {
                problems.add(new PageFacts.Local(CheckKind.DUPLICATE_ID, "duplicate id \"" + id + "\"", line(el), false));
            }
            ids.add(id);
        }
        doc.select("a[name]").forEach(a -> ids.add(a.attr("name")));
        structure(doc, problems);
        List<PageFacts.Ref> refs = new ArrayList<>();
        for (Element el : doc.select("a[href], area[href], link[href]")) {
            refs.add(new PageFacts.Ref(el.attr("href"), el.tagName() + " href", line(el), el.text(), false));
        }
        for (Element el : doc.select("img[src], script[src], source[src], iframe[src], video[src], audio[src]")) {
            refs.add(new PageFacts.Ref(el.attr("src"), el.tagName() + " src", line(el), el.attr("alt"), false));
        }
        for (Element el : doc.select("img[srcset], source[srcset]")) {
            for (String candidate : el.attr("srcset").split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) refs.add(new PageFacts.Ref(url, el.tagName() + " srcset", line(el), "", false));
            }
        }
        for (Element el : doc.select("[style]")) {
            for (String url : CssUrls.of(el.attr("style"))) refs.add(new PageFacts.Ref(url, "style url()", line(el), "", false));
        }
        for (Element el : doc.select("style")) {
            for (String url : CssUrls.of(el.data())) refs.add(new PageFacts.Ref(url, "style url()", line(el), "", false));
        }
        List<String> treeIds = new ArrayList<>();
        for (Element script : doc.select("script.wm-tree-data")) {
            Matcher m = JSON_FIELD.matcher(script.data());
            Set<String> targets = new LinkedHashSet<>();
            while (m.find()) {
                String value = unescape(m.group(2));
                switch (m.group(1)) {
                    case "href" -> refs.add(new PageFacts.Ref(value, "decision tree href", line(script), "", true));
                    case "target" -> targets.add(value);
                    default -> treeIds.add(value);
                }
            }
            for (String t : targets) {
                if (!treeIds.contains(t)) {
                    problems.add(new PageFacts.Local(CheckKind.TREE_TARGET, "decision tree answer points to missing node \"" + t + "\"", line(script), false));
                }
            }
        }
        String source = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("data-source");
        return new PageFacts(file, source, Set.copyOf(ids), List.copyOf(refs), List.copyOf(problems), List.copyOf(treeIds));
    }

    private static void structure(Document doc, List<PageFacts.Local> problems) {
        Element html = doc.selectFirst("html");
        if (html == null || html.attr("lang").isBlank()) {
            problems.add(new PageFacts.Local(CheckKind.MISSING_LANG, "page has no <html lang>", 1, true));
        }
        if (doc.title().isBlank()) {
            problems.add(new PageFacts.Local(CheckKind.MISSING_TITLE, "page has no <title>", 1, true));
        }
        Element desc = doc.selectFirst("meta[name=description]");
        if (desc == null || desc.attr("content").isBlank()) {
            problems.add(new PageFacts.Local(CheckKind.MISSING_DESCRIPTION, "page has no meta description", 1, true));
        }
        var h1 = doc.select("h1");
        if (h1.size() != 1) {
            problems.add(new PageFacts.Local(CheckKind.H1_COUNT, "page has " + h1.size() + " h1 elements; it needs exactly one",
                    h1.isEmpty() ? 1 : line(h1.get(1)), true));
        }
        int previous = 0;
        for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            if (previous > 0 && level > previous + 1) {
                problems.add(new PageFacts.Local(CheckKind.HEADING_SKIP, "heading level skips from h" + previous + " to h" + level
                        + " (\"" + abbreviate(h.text()) + "\")", line(h), false));
            }
            previous = level;
        }
        for (Element img : doc.select("img:not([alt])")) {
            problems.add(new PageFacts.Local(CheckKind.IMG_ALT, "image " + abbreviate(img.attr("src")) + " has no alt attribute", line(img), false));
        }
        for (Element a : doc.select("a[href]")) {
            boolean named = !a.text().isBlank() || !a.attr("aria-label").isBlank() || !a.attr("aria-labelledby").isBlank()
                    || !a.attr("title").isBlank() || !a.select("img[alt]:not([alt=''])").isEmpty() || !a.select("svg title").isEmpty();
            if (!named) {
                problems.add(new PageFacts.Local(CheckKind.EMPTY_LINK, "link to " + abbreviate(a.attr("href")) + " has no text", line(a), false));
            }
        }
    }

    static int line(Element el) {
        int line = el.sourceRange().start().lineNumber();
        return line <= 0 ? 1 : line;
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }
}

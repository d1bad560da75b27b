package dev.waymark.check;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one HTML page into {@link PageFacts}: ids, every reference, and its structural problems.
 *
 * <p>jsoup's {@link StreamParser} hands over each element as soon as its end tag is read, with its children; once it
 * has been looked at, it is taken out of the tree (unless a link around it still needs its text), so a page of any
 * size is read in memory that does not grow with it. Elements come in the order they close, so a page's headings
 * and references come in document order, except that an element nested in another comes before it.
 */
final class PageScanner {
    private static final Pattern JSON_FIELD = Pattern.compile("\"(href|target|id)\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    /**
     * Untracked references are values without a position or text, and a site repeats the same few thousand of them
     * (navigation) on every page; one shared instance each keeps 10,000 pages' facts small enough to stay young.
     */
    final Map<PageFacts.Ref, PageFacts.Ref> shared = new ConcurrentHashMap<>();

    /**
     * Reads a page file. Position tracking costs a third of a parse, so the first read of every page runs without it,
     * and only pages with findings are read again, with {@code track} on, to report exact lines. Bytes that are not
     * UTF-8 read as U+FFFD, as a browser shows them, so one bad byte does not stop the check.
     */
    PageFacts read(String file, Path path, boolean track) {
        try {
            if (Files.size(path) <= WHOLE) {
                // An ordinary page is decoded in one go: cheaper than a stream decoder's buffer refills.
                return read(file, decoded(Files.readAllBytes(path)), track);
            }
            try (Reader in = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
                return read(file, in, track);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a page from the bytes that were written to its file, exactly as {@link #read(String, Path, boolean)} reads
     * that file: whole up to {@link #WHOLE}, else through the same stream decoder.
     */
    PageFacts read(String file, byte[] bytes, boolean track) {
        if (bytes.length <= WHOLE) return read(file, decoded(bytes), track);
        try (Reader in = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return read(file, in, track);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A whole page's bytes decoded straight into the characters the parser reads, replacing bad bytes with U+FFFD as
     * {@code new String(bytes, UTF_8)} and the stream decoder do. Half the cost of making a {@code String} first: a page
     * with one character outside Latin-1 (most themes have an icon) becomes a UTF-16 string, which costs a second pass
     * and a copy to hand its characters over.
     */
    static Reader decoded(byte[] bytes) {
        CharBuffer chars = CharBuffer.allocate(bytes.length); // UTF-8 never gives more characters than bytes
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        decoder.decode(ByteBuffer.wrap(bytes), chars, true);
        decoder.flush(chars);
        return new CharArrayReader(chars.array(), 0, chars.position());
    }

    /** Pages up to this size are read whole; bigger ones are streamed, so memory does not grow with a page. */
    static final long WHOLE = 1 << 20;

    PageFacts read(String file, Reader in, boolean track) {
        Refs refs = new Refs(track);
        Set<String> ids = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<PageFacts.Local> problems = new ArrayList<>();
        List<String> treeIds = new ArrayList<>();
        int previousLevel = 0;
        int h1 = 0;
        int secondH1Line = 1;
        String title = null;
        boolean description = false;
        Document doc;
        try (StreamParser stream = new StreamParser(Parser.htmlParser().setTrackPosition(track)).parse(in, "")) {
            doc = stream.document();
            Set<Element> frame = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Element el : (Iterable<Element>) stream::iterator) {
                String tag = el.normalName();
                // html, head and body stay in the tree (read at the end), and the stream hands body over a second time
                // when the document ends: their own id and style are read once.
                if ((tag.equals("html") || tag.equals("head") || tag.equals("body")) && !frame.add(el)) continue;
                if (el.hasAttr("id")) {
                    String id = el.id();
                    if (!seen.add(id)) {
                        problems.add(new PageFacts.Local(CheckKind.DUPLICATE_ID, "duplicate id \"" + id + "\"", line(el), false));
                    }
                    ids.add(id);
                }
                if (el.hasAttr("style")) {
                    for (String url : CssUrls.of(el.attr("style"))) refs.add(url, "style url()", el, false);
                }
                switch (tag) {
                    case "a" -> {
                        if (el.hasAttr("name")) ids.add(el.attr("name"));
                        if (el.hasAttr("href")) {
                            refs.add(el.attr("href"), "a href", el, false);
                            emptyLink(el, problems);
                        }
                    }
                    case "area", "link" -> {
                        if (el.hasAttr("href")) refs.add(el.attr("href"), tag + " href", el, false);
                    }
                    case "img", "source" -> {
                        if (el.hasAttr("src")) refs.add(el.attr("src"), tag + " src", el, false);
                        if (el.hasAttr("srcset")) srcset(el, tag, refs);
                        if (tag.equals("img") && !el.hasAttr("alt")) {
                            problems.add(new PageFacts.Local(CheckKind.IMG_ALT, "image " + abbreviate(el.attr("src")) + " has no alt attribute", line(el), false));
                        }
                    }
                    case "script" -> {
                        if (el.hasAttr("src")) refs.add(el.attr("src"), "script src", el, false);
                        if (el.hasClass("wm-tree-data")) tree(el, refs, treeIds, problems);
                    }
                    case "iframe", "video", "audio" -> {
                        if (el.hasAttr("src")) refs.add(el.attr("src"), tag + " src", el, false);
                    }
                    case "style" -> {
                        for (String url : CssUrls.of(el.data())) refs.add(url, "style url()", el, false);
                    }
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                        int level = tag.charAt(1) - '0';
                        if (previousLevel > 0 && level > previousLevel + 1) {
                            problems.add(new PageFacts.Local(CheckKind.HEADING_SKIP, "heading level skips from h" + previousLevel + " to h" + level
                                    + " (\"" + abbreviate(el.text()) + "\")", line(el), false));
                        }
                        previousLevel = level;
                        if (tag.equals("h1") && ++h1 == 2) secondH1Line = line(el);
                    }
                    case "title" -> {
                        if (title == null) title = el.text();
                    }
                    case "meta" -> {
                        if (!description && el.attr("name").equals("description") && !el.attr("content").isBlank() && inHead(el)) {
                            description = true;
                        }
                    }
                    case "html", "head", "body" -> {
                        continue; // read at the end
                    }
                    default -> {
                    }
                }
                if (!insideTextReader(el)) { // looked at; a link or heading around it still needs its text
                    for (Node prev = el.previousSibling(); prev != null && !(prev instanceof Element); ) {
                        Node before = prev.previousSibling();
                        prev.remove(); // the text between elements, e.g. the line break after each paragraph
                        prev = before;
                    }
                    el.remove();
                }
            }
        }
        Element html = doc.selectFirst("html");
        pageLevel(html, title, description, h1, secondH1Line, problems);
        return new PageFacts(file, Set.copyOf(ids), List.copyOf(refs.list), List.copyOf(problems), List.copyOf(treeIds));
    }

    private static boolean inHead(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("head")) return true;
        }
        return false;
    }

    /** Whether an element is inside a link or a heading, whose checks read the text of all they hold. */
    private static boolean insideTextReader(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            String name = p.normalName();
            if (name.equals("a") || (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6')) {
                return true;
            }
        }
        return false;
    }

    /** A page's references: with their line when tracking, else as shared position-free values. */
    private final class Refs {
        final List<PageFacts.Ref> list = new ArrayList<>();
        private final boolean track;
        /** One instance of each URL of a tracked page: a huge page repeats a few URLs many times. */
        private final Map<String, String> urls = new HashMap<>();

        Refs(boolean track) {
            this.track = track;
        }

        void add(String url, String attribute, Element el, boolean tree) {
            if (track) {
                list.add(new PageFacts.Ref(urls.computeIfAbsent(url, u -> u), attribute, line(el), tree));
            } else {
                list.add(positionFree(shared, url, attribute, tree));
            }
        }
    }

    /** The one shared instance of an untracked reference (no line, no text). */
    static PageFacts.Ref positionFree(Map<PageFacts.Ref, PageFacts.Ref> shared, String url, String attribute, boolean tree) {
        PageFacts.Ref ref = new PageFacts.Ref(url, attribute, 0, tree);
        PageFacts.Ref known = shared.get(ref); // lock-free; putIfAbsent locks its bin even when the key is there
        if (known == null) known = shared.putIfAbsent(ref, ref);
        return known == null ? ref : known;
    }

    private static void srcset(Element el, String tag, Refs refs) {
        for (String url : srcsetUrls(el.attr("srcset"))) refs.add(url, tag + " srcset", el, false);
    }

    /** The URL of each candidate of a {@code srcset} attribute, in order. */
    static List<String> srcsetUrls(String srcset) {
        List<String> urls = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip().split("\\s+")[0];
            if (!url.isEmpty()) urls.add(url);
        }
        return urls;
    }

    /**
     * What the check reads from a decision tree's JSON ({@code <script class="wm-tree-data">}): evidence links, node
     * ids, and the answer targets that name no node, each in order of appearance.
     */
    record TreeFields(List<String> hrefs, List<String> ids, List<String> missingTargets) {
    }

    static TreeFields treeFields(String json) {
        Matcher m = JSON_FIELD.matcher(json);
        List<String> hrefs = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        List<String> own = new ArrayList<>();
        while (m.find()) {
            String value = unescape(m.group(2));
            switch (m.group(1)) {
                case "href" -> hrefs.add(value);
                case "target" -> targets.add(value);
                default -> own.add(value);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String t : targets) {
            if (!own.contains(t)) missing.add(t);
        }
        return new TreeFields(hrefs, own, missing);
    }

    private static void tree(Element script, Refs refs, List<String> treeIds, List<PageFacts.Local> problems) {
        TreeFields fields = treeFields(script.data());
        for (String href : fields.hrefs()) refs.add(href, "decision tree href", script, true);
        treeIds.addAll(fields.ids());
        for (String t : fields.missingTargets()) {
            problems.add(new PageFacts.Local(CheckKind.TREE_TARGET, "decision tree answer points to missing node \"" + t + "\"", line(script), false));
        }
    }

    private static void pageLevel(Element html, String title, boolean description, int h1, int secondH1Line, List<PageFacts.Local> problems) {
        if (html == null || html.attr("lang").isBlank()) {
            problems.add(new PageFacts.Local(CheckKind.MISSING_LANG, "page has no <html lang>", 1, true));
        }
        if (title == null || title.isBlank()) {
            problems.add(new PageFacts.Local(CheckKind.MISSING_TITLE, "page has no <title>", 1, true));
        }
        if (!description) {
            problems.add(new PageFacts.Local(CheckKind.MISSING_DESCRIPTION, "page has no meta description", 1, true));
        }
        if (h1 != 1) {
            problems.add(new PageFacts.Local(CheckKind.H1_COUNT, "page has " + h1 + " h1 elements; it needs exactly one", h1 == 0 ? 1 : secondH1Line, true));
        }
    }

    private static void emptyLink(Element a, List<PageFacts.Local> problems) {
        boolean named = a.hasText() || !a.attr("aria-label").isBlank() || !a.attr("aria-labelledby").isBlank()
                || !a.attr("title").isBlank() || !a.select("img[alt]:not([alt=''])").isEmpty() || !a.select("svg title").isEmpty();
        if (!named) {
            problems.add(new PageFacts.Local(CheckKind.EMPTY_LINK, "link to " + abbreviate(a.attr("href")) + " has no text", line(a), false));
        }
    }

    static int line(Element el) {
        var range = el.sourceRange();
        if (!range.isTracked()) return 0; // filled in by a tracked re-read when the page has findings
        int line = range.start().lineNumber();
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

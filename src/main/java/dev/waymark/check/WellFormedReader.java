package dev.waymark.check;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a page the build has just rendered into its {@link PageFacts} without building a jsoup tree, when the page is
 * in a narrow subset of HTML whose tree is its tag sequence: a doctype, then {@code <html><head>…</head><body>…</body>
 * </html>}, every element closed by its own end tag in order (or void), and none of the tags whose tree jsoup builds
 * by rules (implied ends, foster parenting, foreign content, adoption of misnested formatting). On such a page every
 * element closes where its end tag is, so the facts come out in the order {@link PageScanner} finds them.
 *
 * <p>Whatever is outside the subset, or would give a problem (a finding, whose message quotes text as jsoup reads it),
 * makes {@link #read} return {@code null}, and the caller reads the page with {@link PageScanner}: this reader only
 * ever answers with facts equal to {@code PageScanner}'s, on pages without problems, which is what Waymark's own
 * templates and Markdown render. {@code WellFormedReaderTest} holds it to that on every page of the fixtures, the
 * guide and a planted-problem guide, and on pages built to hit each way out.
 */
final class WellFormedReader {
    /** Leaves the subset: the page is read with jsoup. Thrown without a stack trace, so it costs little. */
    private static final RuntimeException OUT = new RuntimeException("outside the well-formed subset", null, false, false) {
    };

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "param", "source", "track", "wbr");
    /** Tags that do not close an open {@code <p>} and are not otherwise special to jsoup's tree builder. */
    private static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn",
            "em", "i", "img", "input", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
            "u", "var", "wbr", "del", "ins", "script", "iframe", "video", "audio", "source", "track", "picture", "canvas", "meter",
            "progress", "output", "button", "style", "link", "meta", "title", "textarea", "svg");
    /**
     * What may be inside an {@code <svg>}: drawing elements only. jsoup reads them as foreign content, where a
     * self-closing tag ends its element and {@code <title>} holds ordinary text; anything that would take it back to
     * HTML, or that reads its content differently ({@code <style>}, {@code <script>}, {@code <foreignObject>}), is
     * refused.
     */
    private static final Set<String> SVG = Set.of("svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline",
            "polygon", "text", "tspan", "title", "desc", "defs", "marker");
    /** Tags whose tree jsoup builds by special rules this reader does not follow. */
    private static final Set<String> REFUSED = Set.of("html", "head", "body", "frameset", "frame", "math", "template",
            "noscript", "plaintext", "image", "isindex", "select", "option", "optgroup", "rb", "rp", "rt", "rtc",
            "nobr", "applet", "marquee", "object", "keygen", "listing", "xmp", "noembed", "noframes", "basefont", "bgsound",
            "menuitem", "command", "caption", "col", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th");

    /** Deeper nesting is left to jsoup, which has its own limits. */
    private static final int MAX_DEPTH = 200;

    private final Map<PageFacts.Ref, PageFacts.Ref> shared;

    WellFormedReader(Map<PageFacts.Ref, PageFacts.Ref> shared) {
        this.shared = shared;
    }

    /** The page's facts, or {@code null} when it is outside the subset or has a problem: then read it with jsoup. */
    PageFacts read(String file, String html) {
        return read(file, html.toCharArray(), html.length());
    }

    /** The same for a page's bytes, decoded as {@code new String(bytes, UTF_8)} decodes them. */
    PageFacts read(String file, byte[] bytes) {
        CharBuffer chars = CharBuffer.allocate(bytes.length); // UTF-8 never gives more characters than bytes
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        decoder.decode(ByteBuffer.wrap(bytes), chars, true);
        decoder.flush(chars);
        return read(file, chars.array(), chars.position());
    }

    private PageFacts read(String file, char[] chars, int length) {
        try {
            return new Reading(file, chars, length).run();
        } catch (RuntimeException e) {
            if (e == OUT) return null;
            throw e;
        }
    }

    private static final class Elem {
        final String name;
        final String[] attrs; // name, value, name, value…
        boolean named; // a link: has text, or an image with alt text

        Elem(String name, String[] attrs) {
            this.name = name;
            this.attrs = attrs;
        }

        String attr(String key) {
            for (int i = 0; i < attrs.length; i += 2) if (attrs[i].equals(key)) return attrs[i + 1];
            return null;
        }
    }

    private enum Mode { BEFORE_HTML, BEFORE_HEAD, IN_HEAD, AFTER_HEAD, IN_BODY, AFTER_BODY, AFTER_AFTER_BODY }

    private final class Reading {
        private final String file;
        private final char[] cs; // read by index: String.charAt on a page with any non-Latin-1 character costs more
        private final int n;
        private int pos;
        private Mode mode = Mode.BEFORE_HTML;
        private final List<Elem> stack = new ArrayList<>();
        private Elem openLink; // at most one: a link in a link is refused
        private int openP;
        private int openForms;
        private int openButtons;
        private int openSvg;
        private final Set<String> ids = new HashSet<>();
        private final Set<String> seen = new HashSet<>();
        private final List<PageFacts.Ref> refs = new ArrayList<>();
        private final List<String> treeIds = new ArrayList<>();
        private int previousLevel;
        private int h1;
        private boolean title;
        private boolean description;
        private Elem htmlElement;

        Reading(String file, char[] chars, int length) {
            this.file = file;
            this.cs = chars;
            this.n = length;
        }

        PageFacts run() {
            for (int i = 0; i < n; i++) if (cs[i] == '\0' || cs[i] == '\r') throw OUT;
            if (n < 15 || !str(0, 15).equalsIgnoreCase("<!DOCTYPE html>")) throw OUT;
            pos = 15;
            while (pos < n) {
                char c = cs[pos];
                if (c == '<' && pos + 1 < n) {
                    char d = cs[pos + 1];
                    if (d == '!') {
                        comment();
                        continue;
                    }
                    if (d == '/') {
                        endTag();
                        continue;
                    }
                    if (isLetter(d)) {
                        startTag();
                        continue;
                    }
                    if (d == '?') throw OUT;
                }
                int end = pos + 1;
                while (end < n && cs[end] != '<') end++;
                text(pos, end);
                pos = end;
            }
            if (mode != Mode.AFTER_AFTER_BODY && mode != Mode.AFTER_BODY) throw OUT;
            // jsoup closes what is still open at the end, innermost first: the body, then the html element
            for (int i = stack.size() - 1; i >= 0; i--) close(stack.get(i), null);
            if (htmlElement == null || attrOr(htmlElement, "lang").isBlank() || !title || !description || h1 != 1) throw OUT;
            return new PageFacts(file, Set.copyOf(ids), List.copyOf(refs), List.of(), List.copyOf(treeIds));
        }

        private void comment() {
            if (!at(pos, "<!--") || at(pos, "<!-->") || at(pos, "<!--->")) throw OUT;
            int end = find(pos + 4, "-->");
            if (end < 0) throw OUT;
            for (int i = pos + 4; i + 3 < end + 3 && i < end; i++) {
                if (at(i, "--!>")) throw OUT; // jsoup ends a comment there too
            }
            pos = end + 3;
        }

        private void text(int from, int to) {
            switch (mode) {
                case IN_BODY -> {
                    Elem top = top();
                    String t = top.name;
                    if (t.equals("table") || t.equals("tbody") || t.equals("thead") || t.equals("tfoot") || t.equals("tr")) {
                        if (!whitespace(from, to)) throw OUT;
                    } else if (openLink != null && !openLink.named && definite(from, to)) {
                        openLink.named = true;
                    }
                }
                default -> {
                    if (!whitespace(from, to)) throw OUT;
                }
            }
        }

        private String str(int from, int to) {
            return new String(cs, from, to - from);
        }

        /** Whether the text at {@code i} starts with {@code token}. */
        private boolean at(int i, String token) {
            if (i + token.length() > n) return false;
            for (int k = 0; k < token.length(); k++) if (cs[i + k] != token.charAt(k)) return false;
            return true;
        }

        /** Where {@code token} next starts from {@code i}, or -1. */
        private int find(int i, String token) {
            char first = token.charAt(0);
            for (int k = i; k + token.length() <= n; k++) if (cs[k] == first && at(k, token)) return k;
            return -1;
        }

        private Elem top() {
            return stack.get(stack.size() - 1);
        }

        private void startTag() {
            int i = pos + 1;
            int nameStart = i;
            while (i < n && !isSpace(cs[i]) && cs[i] != '/' && cs[i] != '>') i++;
            String name = lower(nameStart, i);
            List<String> attrs = new ArrayList<>(4);
            boolean selfClosing = false;
            while (true) {
                while (i < n && isSpace(cs[i])) i++;
                if (i >= n) throw OUT;
                char c = cs[i];
                if (c == '>') {
                    i++;
                    break;
                }
                if (c == '/') {
                    if (i + 1 < n && cs[i + 1] == '>') {
                        selfClosing = true;
                        i += 2;
                        break;
                    }
                    throw OUT;
                }
                int a = i;
                while (i < n && !isSpace(cs[i]) && "/>=\"'<".indexOf(cs[i]) < 0) i++;
                if (i == a || i >= n) throw OUT;
                String key = lower(a, i);
                while (i < n && isSpace(cs[i])) i++;
                String value = "";
                if (i < n && cs[i] == '=') {
                    i++;
                    while (i < n && isSpace(cs[i])) i++;
                    if (i >= n) throw OUT;
                    char q = cs[i];
                    if (q == '"' || q == '\'') {
                        int end = i + 1;
                        while (end < n && cs[end] != q) end++;
                        if (end >= n) throw OUT;
                        value = decode(i + 1, end);
                        i = end + 1;
                        if (i < n && !isSpace(cs[i]) && cs[i] != '>' && cs[i] != '/') throw OUT;
                    } else {
                        int v = i;
                        while (i < n && !isSpace(cs[i]) && cs[i] != '>') {
                            if ("\"'<=`".indexOf(cs[i]) >= 0) throw OUT;
                            i++;
                        }
                        if (i == v) throw OUT;
                        value = decode(v, i);
                    }
                }
                boolean dup = false; // jsoup keeps an attribute's first value
                for (int k = 0; k < attrs.size(); k += 2) if (attrs.get(k).equals(key)) dup = true;
                if (!dup) {
                    attrs.add(key);
                    attrs.add(value);
                }
            }
            pos = i;
            Elem el = new Elem(name, attrs.toArray(new String[0]));
            boolean isVoid = VOID.contains(name);
            if (selfClosing && !isVoid && openSvg == 0 && !name.equals("svg")) throw OUT;
            switch (mode) {
                case BEFORE_HTML -> {
                    if (!name.equals("html")) throw OUT;
                    htmlElement = el;
                    stack.add(el);
                    mode = Mode.BEFORE_HEAD;
                }
                case BEFORE_HEAD -> {
                    if (!name.equals("head") || el.attr("id") != null || el.attr("style") != null) throw OUT;
                    stack.add(el);
                    mode = Mode.IN_HEAD;
                }
                case IN_HEAD -> {
                    switch (name) {
                        case "meta", "link", "base" -> close(el, null);
                        case "title", "style", "script" -> rawText(el);
                        default -> throw OUT;
                    }
                }
                case AFTER_HEAD -> {
                    // jsoup hands the body over twice (at its end tag and at the end), so its id would be a duplicate
                    if (!name.equals("body") || el.attr("id") != null || el.attr("style") != null) throw OUT;
                    stack.add(el);
                    mode = Mode.IN_BODY;
                }
                default -> {
                    if (mode != Mode.IN_BODY) throw OUT;
                    inBody(el, isVoid, selfClosing);
                }
            }
        }

        private void inBody(Elem el, boolean isVoid, boolean selfClosing) {
            String name = el.name;
            String parent = top().name;
            if (openSvg > 0) {
                // an svg title or desc reads what it holds as HTML, where a self-closing tag does not end an element
                if (!SVG.contains(name) || parent.equals("title") || parent.equals("desc")) throw OUT;
                if (selfClosing) close(el, null);
                else push(el);
                return;
            }
            switch (parent) {
                case "table" -> {
                    if (!name.equals("caption") && !name.equals("thead") && !name.equals("tbody") && !name.equals("tfoot") && !name.equals("script")
                            && !name.equals("style")) throw OUT;
                    push(el);
                    return;
                }
                case "thead", "tbody", "tfoot" -> {
                    if (!name.equals("tr")) throw OUT;
                    push(el);
                    return;
                }
                case "tr" -> {
                    if (!name.equals("td") && !name.equals("th")) throw OUT;
                    push(el);
                    return;
                }
                default -> {
                }
            }
            if (REFUSED.contains(name)) throw OUT;
            if (openP > 0 && !PHRASING.contains(name)) throw OUT;
            switch (name) {
                case "a" -> {
                    if (openLink != null) throw OUT;
                }
                case "form" -> {
                    if (openForms > 0) throw OUT;
                }
                case "button" -> {
                    if (openButtons > 0) throw OUT;
                }
                case "li" -> {
                    if (!parent.equals("ul") && !parent.equals("ol") && !parent.equals("menu")) throw OUT;
                }
                case "dd", "dt" -> {
                    if (!parent.equals("dl")) throw OUT;
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    if (isHeading(parent)) throw OUT;
                }
                case "img" -> {
                    String alt = el.attr("alt");
                    if (openLink != null && alt != null && WellFormedReader.definite(alt, 0, alt.length())) openLink.named = true;
                }
                default -> {
                }
            }
            if (isVoid || (selfClosing && name.equals("svg"))) {
                close(el, null);
            } else if (name.equals("script") || name.equals("style") || name.equals("iframe") || name.equals("title")
                    || name.equals("textarea")) {
                rawText(el);
            } else {
                push(el);
            }
        }

        private void push(Elem el) {
            if (stack.size() >= MAX_DEPTH) throw OUT;
            stack.add(el);
            switch (el.name) {
                case "a" -> openLink = el;
                case "p" -> openP++;
                case "form" -> openForms++;
                case "button" -> openButtons++;
                case "svg" -> openSvg++;
                default -> {
                }
            }
        }

        private void endTag() {
            int i = pos + 2;
            if (i >= n || !isLetter(cs[i])) throw OUT;
            int nameStart = i;
            while (i < n && !isSpace(cs[i]) && cs[i] != '/' && cs[i] != '>') i++;
            String name = lower(nameStart, i);
            while (i < n && isSpace(cs[i])) i++;
            if (i >= n || cs[i] != '>') throw OUT;
            pos = i + 1;
            switch (mode) {
                case IN_HEAD -> {
                    if (!name.equals("head")) throw OUT;
                    close(stack.remove(stack.size() - 1), null);
                    mode = Mode.AFTER_HEAD;
                }
                case IN_BODY -> {
                    Elem top = top();
                    if (!top.name.equals(name)) throw OUT;
                    if (name.equals("body")) {
                        mode = Mode.AFTER_BODY; // jsoup leaves the body open until the end
                        return;
                    }
                    stack.remove(stack.size() - 1);
                    switch (name) {
                        case "a" -> openLink = null;
                        case "p" -> openP--;
                        case "form" -> openForms--;
                        case "button" -> openButtons--;
                        case "svg" -> openSvg--;
                        default -> {
                        }
                    }
                    close(top, null);
                }
                case AFTER_BODY -> {
                    if (!name.equals("html")) throw OUT;
                    mode = Mode.AFTER_AFTER_BODY;
                }
                default -> throw OUT;
            }
        }

        /** A script, style, iframe, title or textarea: its content runs to its end tag, unparsed. */
        private void rawText(Elem el) {
            String name = el.name;
            int from = pos;
            int i = from;
            int end;
            while (true) {
                end = find(i, "</");
                if (end < 0) throw OUT;
                int after = end + 2 + name.length();
                if (after < n && str(end + 2, after).equalsIgnoreCase(name)
                        && (isSpace(cs[after]) || cs[after] == '/' || cs[after] == '>')) break;
                i = end + 2;
            }
            int close = end + 2 + name.length();
            while (close < n && isSpace(cs[close])) close++;
            if (close >= n || cs[close] != '>') throw OUT;
            if (name.equals("script")) {
                for (int k = from; k < end; k++) if (cs[k] == '<' && at(k, "<!--")) throw OUT;
            }
            if (name.equals("title")) {
                if (!title) {
                    if (!definite(from, end)) throw OUT; // a blank or entity-only title: let jsoup say
                    title = true;
                }
                if (openLink != null && definite(from, end)) openLink.named = true;
            }
            pos = close + 1;
            close(el, str(from, end));
        }

        /** An element ends: the facts {@link PageScanner} reads from it, in the same order. */
        private void close(Elem el, String data) {
            String id = el.attr("id");
            if (id != null) {
                if (!seen.add(id)) throw OUT;
                ids.add(id);
            }
            String style = el.attr("style");
            if (style != null) for (String url : CssUrls.of(style)) ref(url, "style url()", false);
            String tag = el.name;
            switch (tag) {
                case "a" -> {
                    String name = el.attr("name");
                    if (name != null) ids.add(name);
                    String href = el.attr("href");
                    if (href != null) {
                        ref(href, "a href", false);
                        if (!el.named && attrOr(el, "aria-label").isBlank() && attrOr(el, "aria-labelledby").isBlank()
                                && attrOr(el, "title").isBlank()) throw OUT;
                    }
                }
                case "area", "link" -> {
                    String href = el.attr("href");
                    if (href != null) ref(href, tag + " href", false);
                }
                case "img", "source" -> {
                    String src = el.attr("src");
                    if (src != null) ref(src, tag + " src", false);
                    String srcset = el.attr("srcset");
                    if (srcset != null) for (String url : PageScanner.srcsetUrls(srcset)) ref(url, tag + " srcset", false);
                    if (tag.equals("img") && el.attr("alt") == null) throw OUT;
                }
                case "script" -> {
                    String src = el.attr("src");
                    if (src != null) ref(src, "script src", false);
                    if (hasClass(el, "wm-tree-data")) {
                        PageScanner.TreeFields fields = PageScanner.treeFields(data);
                        for (String href : fields.hrefs()) ref(href, "decision tree href", true);
                        treeIds.addAll(fields.ids());
                        if (!fields.missingTargets().isEmpty()) throw OUT;
                    }
                }
                case "iframe", "video", "audio" -> {
                    String src = el.attr("src");
                    if (src != null) ref(src, tag + " src", false);
                }
                case "style" -> {
                    for (String url : CssUrls.of(data)) ref(url, "style url()", false);
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    int level = tag.charAt(1) - '0';
                    if (previousLevel > 0 && level > previousLevel + 1) throw OUT;
                    previousLevel = level;
                    if (tag.equals("h1")) h1++;
                }
                case "meta" -> {
                    if (!description && "description".equals(el.attr("name")) && !attrOr(el, "content").isBlank()
                            && mode == Mode.IN_HEAD) {
                        description = true;
                    }
                }
                default -> {
                }
            }
        }

        private void ref(String url, String attribute, boolean tree) {
            refs.add(PageScanner.positionFree(shared, url, attribute, tree));
        }

        /** An attribute value with its character references replaced, as jsoup reads it; refused when unsure. */
        private String decode(int from, int to) {
            int amp = from;
            while (amp < to && cs[amp] != '&') amp++; // not indexOf: that would look on to the page's end
            if (amp == to) return str(from, to);
            StringBuilder sb = new StringBuilder(to - from);
            int i = from;
            while (i < to) {
                char ch = cs[i];
                if (ch != '&') {
                    sb.append(ch);
                    i++;
                    continue;
                }
                if (i + 1 >= to || !(Character.isLetterOrDigit(cs[i + 1]) || cs[i + 1] == '#')) {
                    sb.append('&');
                    i++;
                    continue;
                }
                int semi = i;
                while (semi < to && semi - i <= 10 && cs[semi] != ';') semi++;
                if (semi >= to || cs[semi] != ';') throw OUT;
                String ref = str(i + 1, semi);
                int cp;
                if (ref.startsWith("#x") || ref.startsWith("#X")) {
                    cp = number(ref.substring(2), 16);
                } else if (ref.startsWith("#")) {
                    cp = number(ref.substring(1), 10);
                } else {
                    cp = switch (ref) {
                        case "amp" -> '&';
                        case "lt" -> '<';
                        case "gt" -> '>';
                        case "quot" -> '"';
                        case "nbsp" -> 0xA0;
                        default -> throw OUT;
                    };
                }
                if (!((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)))) throw OUT;
                sb.appendCodePoint(cp);
                i = semi + 1;
            }
            return sb.toString();
        }

        private static int number(String digits, int radix) {
            if (digits.isEmpty() || digits.length() > 7) throw OUT;
            for (int k = 0; k < digits.length(); k++) if (Character.digit(digits.charAt(k), radix) < 0) throw OUT;
            return Integer.parseInt(digits, radix);
        }

        private boolean whitespace(int from, int to) {
            for (int i = from; i < to; i++) if (!isSpace(cs[i])) return false;
            return true;
        }

        private boolean definite(int from, int to) {
            return WellFormedReader.definite(cs, from, to);
        }

        private String lower(int from, int to) {
            String name = str(from, to);
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                    if (c >= 'A' && c <= 'Z') return lowerAscii(name);
                    throw OUT;
                }
            }
            return name;
        }
    }

    private static String lowerAscii(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') throw OUT;
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Whether text surely has a character that is not white space however it is read: an ASCII letter, digit or mark,
     * or a letter or digit, outside any character reference. Anything less certain reads as no text, and the caller
     * then leaves the page to jsoup.
     */
    static boolean definite(String s, int from, int to) {
        return definite(s.toCharArray(), from, to);
    }

    static boolean definite(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c == '&') {
                i++;
                while (i < to && (Character.isLetterOrDigit(s[i]) || s[i] == '#')) i++;
                if (i < to && s[i] != ';') i--; // not a reference's end: look at it again
                continue;
            }
            if ((c > ' ' && c < 0x7F) || Character.isLetterOrDigit(c)) return true;
        }
        return false;
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private static String attrOr(Elem el, String key) {
        String v = el.attr(key);
        return v == null ? "" : v;
    }

    private static boolean hasClass(Elem el, String name) {
        String classes = el.attr("class");
        if (classes == null) return false;
        for (String c : classes.split("[ \t\n\f\r]+")) if (c.equalsIgnoreCase(name)) return true;
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

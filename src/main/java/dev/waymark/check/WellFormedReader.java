package dev.waymark.check;

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

    private static final String[] NONE = {};
    private static final int[] NO_SPANS = {};

    /** Deeper nesting is left to jsoup, which has its own limits. */
    private static final int MAX_DEPTH = 200;

    private final Map<PageFacts.Ref, PageFacts.Ref> shared;
    /** Each thread's recently made references, by a hash of their characters: one slot each, newest wins. */
    private final ThreadLocal<PageFacts.Ref[]> recent = ThreadLocal.withInitial(() -> new PageFacts.Ref[4096]);

    WellFormedReader(Map<PageFacts.Ref, PageFacts.Ref> shared) {
        this.shared = shared;
    }

    /** The page's facts, or {@code null} when it is outside the subset or has a problem: then read it with jsoup. */
    PageFacts read(String file, String html) {
        for (int i = 0; i < html.length(); i++) if (html.charAt(i) == '\0' || html.charAt(i) == '\r') return null;
        return read(file, html.toCharArray(), html.length());
    }

    /**
     * The same for a page's bytes, when they are valid UTF-8 (so every decoder, whole or streaming, gives the same
     * characters), decoded into this thread's buffer; {@code null} for any byte sequence that is not, or a NUL or CR
     * (which jsoup reads by its own rules).
     */
    PageFacts read(String file, byte[] bytes) {
        char[] cs = buffer.get();
        if (cs.length < bytes.length) {
            cs = new char[Math.max(bytes.length, cs.length * 2)];
            if (cs.length <= KEPT) buffer.set(cs); // a rare huge page's buffer is not kept
        }
        int length = utf8(bytes, cs);
        return length < 0 ? null : read(file, cs, length);
    }

    /** Buffers up to this many characters stay with their thread for the next page. */
    private static final int KEPT = 1 << 20;
    private final ThreadLocal<char[]> buffer = ThreadLocal.withInitial(() -> new char[1 << 15]);

    /** Decodes valid UTF-8 into {@code cs}; the number of characters, or -1 on anything invalid, a NUL or a CR. */
    static int utf8(byte[] b, char[] cs) {
        int n = b.length;
        int j = 0;
        int i = 0;
        while (i < n) {
            int c = b[i];
            if (c > 0 && c != '\r') { // ASCII, not NUL or CR
                cs[j++] = (char) c;
                i++;
                continue;
            }
            if (c >= 0) return -1; // NUL or CR
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= n || !continuation(b[i + 1])) return -1;
                cs[j++] = (char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2])) return -1;
                int b1 = b[i + 1] & 0xFF;
                if ((c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 > 0x9F)) return -1; // overlong, or a surrogate
                cs[j++] = (char) (((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) return -1;
                int b1 = b[i + 1] & 0xFF;
                if ((c == 0xF0 && b1 < 0x90) || (c == 0xF4 && b1 > 0x8F)) return -1; // overlong, or past U+10FFFF
                int cp = ((c & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                cs[j++] = Character.highSurrogate(cp);
                cs[j++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return -1;
            }
        }
        return j;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
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
        /** What kind of element, from {@link #flags(String)}. */
        final int kind;
        /** Attribute names, each the one instance {@link #NAMES} holds when it is a known name (compared by identity). */
        final String[] names;
        /** Each attribute's value: the decoded text, or null while it is still only the span {@code spans[2k], spans[2k+1]}. */
        final String[] values;
        final int[] spans;
        final char[] cs;
        /** Each attribute's reference as {@link #ref} made it, by attribute index: kept by a remembered tag. */
        PageFacts.Ref[] refs;

        Elem(String name, int kind, String[] names, String[] values, int[] spans, char[] cs) {
            this.name = name;
            this.kind = kind;
            this.names = names;
            this.values = values;
            this.spans = spans;
            this.cs = cs;
        }

        /** Where attribute {@code key} is, or -1; {@code key} must be one of {@link #NAMES}. */
        int index(String key) {
            for (int i = 0; i < names.length; i++) if (names[i] == key) return i;
            return -1;
        }

        String attr(String key) {
            int i = index(key);
            return i < 0 ? null : value(i);
        }

        String value(int i) {
            String v = values[i];
            if (v == null) v = values[i] = new String(cs, spans[2 * i], spans[2 * i + 1] - spans[2 * i]);
            return v;
        }
    }

    /** A start tag as read once: its characters, from {@code <} to {@code >}, and the element they make. */
    private record Tag(char[] text, Elem el, boolean selfClosing) {
    }

    /** Each thread's remembered start tags: one slot each, newest wins. */
    private final ThreadLocal<Tag[]> tags = ThreadLocal.withInitial(() -> new Tag[8192]);

    private enum Mode { BEFORE_HTML, BEFORE_HEAD, IN_HEAD, AFTER_HEAD, IN_BODY, AFTER_BODY, AFTER_AFTER_BODY }

    private final class Reading {
        private final String file;
        private final char[] cs; // read by index: String.charAt on a page with any non-Latin-1 character costs more
        private final int n;
        private int pos;
        private Mode mode = Mode.BEFORE_HTML;
        private final List<Elem> stack = new ArrayList<>();
        private Elem openLink; // at most one: a link in a link is refused
        private boolean linkNamed; // the open link has text, or an image with alt text
        /** This thread's remembered start tags, by a hash of their characters. */
        private final Tag[] memo = tags.get();
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
        /** The kind of the name {@link #lower} returned last. */
        private int nameKind;
        private String[] keys = new String[8];
        private String[] vals = new String[8];
        private int[] spans = new int[16];

        Reading(String file, char[] chars, int length) {
            this.file = file;
            this.cs = chars;
            this.n = length;
        }

        PageFacts run() {
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
                    if ((top.kind & IS_TABLE) != 0) {
                        if (!whitespace(from, to)) throw OUT;
                    } else if (openLink != null && !linkNamed && definite(from, to)) {
                        linkNamed = true;
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

        /**
         * A start tag. One whose characters, up to its first {@code >}, are those of a tag this thread has read before
         * is taken from {@link #memo}: parsing a tag depends on its characters alone, so it gives the same element.
         * Only what follows (where it goes in the tree, the facts it closes with) is worked out again.
         */
        private void startTag() {
            int start = pos;
            int h = 0;
            int gt = start + 1;
            while (gt < n && cs[gt] != '>') h = 31 * h + cs[gt++];
            Tag[] memo = this.memo;
            int slot = (h ^ (h >>> 15)) & (memo.length - 1);
            if (gt < n) {
                Tag known = memo[slot];
                if (known != null && known.text.length == gt + 1 - start && java.util.Arrays.equals(known.text, 0, known.text.length, cs, start, gt + 1)) {
                    pos = gt + 1;
                    opened(known.el, known.selfClosing);
                    return;
                }
            }
            int i = pos + 1;
            int nameStart = i;
            while (i < n && !isSpace(cs[i]) && cs[i] != '/' && cs[i] != '>') i++;
            String name = lower(nameStart, i);
            int kind = nameKind; // before the attribute names are looked up
            int count = 0; // attributes so far, in the scratch arrays
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
                while (i < n && !isSpace(cs[i]) && !endsAttributeName(cs[i])) i++;
                if (i == a || i >= n) throw OUT;
                String key = lower(a, i);
                while (i < n && isSpace(cs[i])) i++;
                String value = ""; // decoded now when it holds a character reference, else kept as its span
                int from = i;
                int to = i;
                if (i < n && cs[i] == '=') {
                    i++;
                    while (i < n && isSpace(cs[i])) i++;
                    if (i >= n) throw OUT;
                    char q = cs[i];
                    if (q == '"' || q == '\'') {
                        int end = i + 1;
                        while (end < n && cs[end] != q) end++;
                        if (end >= n) throw OUT;
                        from = i + 1;
                        to = end;
                        i = end + 1;
                        if (i < n && !isSpace(cs[i]) && cs[i] != '>' && cs[i] != '/') throw OUT;
                    } else {
                        int v = i;
                        while (i < n && !isSpace(cs[i]) && cs[i] != '>') {
                            if ("\"'<=`".indexOf(cs[i]) >= 0) throw OUT;
                            i++;
                        }
                        if (i == v) throw OUT;
                        from = v;
                        to = i;
                    }
                    value = decoded(from, to);
                }
                boolean dup = false; // jsoup keeps an attribute's first value
                for (int k = 0; k < count; k++) if (keys[k] == key || keys[k].equals(key)) dup = true;
                if (!dup) {
                    if (count == keys.length) {
                        keys = java.util.Arrays.copyOf(keys, count * 2);
                        vals = java.util.Arrays.copyOf(vals, count * 2);
                        spans = java.util.Arrays.copyOf(spans, count * 4);
                    }
                    keys[count] = key;
                    vals[count] = value;
                    spans[2 * count] = from;
                    spans[2 * count + 1] = to;
                    count++;
                }
            }
            pos = i;
            Elem el;
            if (pos == gt + 1) {
                // the whole tag ends at its first '>': remember it, its values made strings (the characters are this
                // thread's buffer, which the next page overwrites)
                String[] values = count == 0 ? NONE : java.util.Arrays.copyOf(vals, count);
                for (int k = 0; k < count; k++) {
                    if (values[k] == null) values[k] = str(spans[2 * k], spans[2 * k + 1]);
                }
                el = new Elem(name, kind, count == 0 ? NONE : java.util.Arrays.copyOf(keys, count), values, NO_SPANS, null);
                memo[slot] = new Tag(java.util.Arrays.copyOfRange(cs, start, pos), el, selfClosing);
            } else {
                el = count == 0 ? new Elem(name, kind, NONE, NONE, NO_SPANS, cs)
                        : new Elem(name, kind, java.util.Arrays.copyOf(keys, count), java.util.Arrays.copyOf(vals, count),
                        java.util.Arrays.copyOf(spans, 2 * count), cs);
            }
            opened(el, selfClosing);
        }

        /** A start tag read into {@code el}: where it goes, by the tree builder's mode. */
        private void opened(Elem el, boolean selfClosing) {
            String name = el.name;
            int kind = el.kind;
            boolean isVoid = (kind & IS_VOID) != 0;
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
                if ((el.kind & IS_SVG) == 0 || parent.equals("title") || parent.equals("desc")) throw OUT;
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
            if ((el.kind & IS_REFUSED) != 0) throw OUT;
            if (openP > 0 && (el.kind & IS_PHRASING) == 0) throw OUT;
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
                    if (openLink != null && alt != null && WellFormedReader.definite(alt, 0, alt.length())) linkNamed = true;
                }
                default -> {
                }
            }
            if (isVoid || (selfClosing && name.equals("svg"))) {
                close(el, null);
            } else if ((el.kind & IS_RAW) != 0) {
                rawText(el);
            } else {
                push(el);
            }
        }

        private void push(Elem el) {
            if (stack.size() >= MAX_DEPTH) throw OUT;
            stack.add(el);
            switch (el.name) {
                case "a" -> {
                    openLink = el;
                    linkNamed = false;
                }
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
                if (openLink != null && definite(from, end)) linkNamed = true;
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
                    if (ref(el, "href", "a href")) {
                        if (!linkNamed && attrOr(el, "aria-label").isBlank() && attrOr(el, "aria-labelledby").isBlank()
                                && attrOr(el, "title").isBlank()) throw OUT;
                    }
                }
                case "area" -> ref(el, "href", "area href");
                case "link" -> ref(el, "href", "link href");
                case "img", "source" -> {
                    ref(el, "src", tag.equals("img") ? "img src" : "source src");
                    String srcset = el.attr("srcset");
                    if (srcset != null) for (String url : PageScanner.srcsetUrls(srcset)) ref(url, tag + " srcset", false);
                    if (tag.equals("img") && el.attr("alt") == null) throw OUT;
                }
                case "script" -> {
                    ref(el, "src", "script src");
                    if (hasClass(el, "wm-tree-data")) {
                        PageScanner.TreeFields fields = PageScanner.treeFields(data);
                        for (String href : fields.hrefs()) ref(href, "decision tree href", true);
                        treeIds.addAll(fields.ids());
                        if (!fields.missingTargets().isEmpty()) throw OUT;
                    }
                }
                case "iframe" -> ref(el, "src", "iframe src");
                case "video" -> ref(el, "src", "video src");
                case "audio" -> ref(el, "src", "audio src");
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

        /**
         * The reference in attribute {@code key} of {@code el}, if it has one. A value without character references is
         * looked up by its characters in this thread's recent references, so a link repeated on every page (navigation,
         * assets) costs no new string.
         */
        private boolean ref(Elem el, String key, String attribute) {
            int k = el.index(key);
            if (k < 0) return false;
            if (el.values[k] != null) {
                PageFacts.Ref[] made = el.refs;
                PageFacts.Ref known = made == null ? null : made[k];
                if (known == null || !attribute.equals(known.attribute())) {
                    // a remembered tag's element keeps its references for the next page
                    known = PageScanner.positionFree(shared, el.values[k], attribute, false);
                    if (made == null) made = el.refs = new PageFacts.Ref[el.names.length];
                    made[k] = known;
                }
                refs.add(known);
                return true;
            }
            int from = el.spans[2 * k];
            int to = el.spans[2 * k + 1];
            int h = attribute.hashCode();
            for (int i = from; i < to; i++) h = 31 * h + cs[i];
            PageFacts.Ref[] recent = WellFormedReader.this.recent.get();
            int slot = (h ^ (h >>> 16)) & (recent.length - 1);
            PageFacts.Ref known = recent[slot];
            if (known == null || known.tree() || !known.attribute().equals(attribute) || !spells(known.url(), from, to)) {
                known = PageScanner.positionFree(shared, el.value(k), attribute, false);
                recent[slot] = known;
            }
            refs.add(known);
            return true;
        }

        private boolean spells(String url, int from, int to) {
            return url.length() == to - from && same(url, from);
        }

        private void ref(String url, String attribute, boolean tree) {
            refs.add(PageScanner.positionFree(shared, url, attribute, tree));
        }

        /**
         * An attribute value with its character references replaced, as jsoup reads it; refused when unsure. Null when
         * it has none: the value is then its span, made a string only when it is read.
         */
        private String decoded(int from, int to) {
            int amp = from;
            while (amp < to && cs[amp] != '&') amp++; // not indexOf: that would look on to the page's end
            if (amp == to) return null;
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

        /**
         * A tag or attribute name in lower case: the one instance {@link #NAMES} holds when it is a known name (so
         * {@link Elem#index} compares by identity, and most names cost no new string), else a new string.
         */
        private String lower(int from, int to) {
            int h = 0;
            for (int k = from; k < to; k++) {
                char c = cs[k];
                if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                    if (c >= 'A' && c <= 'Z') {
                        String name = known(lowerAscii(str(from, to)));
                        nameKind = flags(name);
                        return name;
                    }
                    throw OUT;
                }
                h = 31 * h + c;
            }
            String[] table = NAMES;
            for (int slot = h & (table.length - 1); table[slot] != null; slot = (slot + 1) & (table.length - 1)) {
                String name = table[slot];
                if (name.length() == to - from && same(name, from)) {
                    nameKind = KINDS[slot];
                    return name;
                }
            }
            String name = str(from, to);
            nameKind = flags(name);
            return name;
        }

        private boolean same(String name, int from) {
            for (int k = 0; k < name.length(); k++) if (cs[from + k] != name.charAt(k)) return false;
            return true;
        }
    }

    /** The known names, by {@code String.hashCode} in an open-addressed table: each looked-up name once. */
    private static final String[] NAMES = table(
            // every name this reader looks up or switches on, and the common ones
            "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body",
            "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn",
            "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li",
            "link", "main", "mark", "menu", "meta", "meter", "nav", "ol", "output", "p", "param", "picture", "pre",
            "progress", "q", "s", "samp", "script", "section", "small", "source", "span", "strong", "style", "sub",
            "summary", "sup", "svg", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
            "track", "u", "ul", "var", "video", "wbr", "g", "path", "rect", "circle", "ellipse", "line", "polyline",
            "polygon", "text", "tspan", "desc", "defs", "marker", "use",
            "id", "class", "style", "name", "href", "src", "srcset", "alt", "title", "content", "lang", "rel", "type",
            "aria-label", "aria-labelledby", "aria-hidden", "aria-current", "aria-pressed", "aria-expanded",
            "aria-controls", "aria-describedby", "role", "tabindex", "hidden", "for", "action", "method", "value",
            "placeholder", "autocomplete", "spellcheck", "charset", "http-equiv", "property", "media", "defer", "async",
            "loading", "decoding", "width", "height", "sizes", "dir", "hreflang", "datetime", "open", "viewbox", "fill",
            "stroke", "d", "x", "y", "cx", "cy", "r", "data-index", "data-source", "start", "colspan", "rowspan", "scope",
            "target", "download", "crossorigin", "integrity", "xmlns", "focusable", "disabled", "checked", "selected");

    private static final int IS_VOID = 1, IS_PHRASING = 2, IS_SVG = 4, IS_REFUSED = 8, IS_TABLE = 16, IS_RAW = 32;
    /** {@link #flags} of each name in {@link #NAMES}, slot by slot. */
    private static final int[] KINDS = kinds();

    private static int[] kinds() {
        int[] kinds = new int[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i] != null) kinds[i] = flags(NAMES[i]);
        return kinds;
    }

    /** What kind of element a tag name makes, as bits. */
    private static int flags(String name) {
        int kind = 0;
        if (VOID.contains(name)) kind |= IS_VOID;
        if (PHRASING.contains(name)) kind |= IS_PHRASING;
        if (SVG.contains(name)) kind |= IS_SVG;
        if (REFUSED.contains(name)) kind |= IS_REFUSED;
        if (Set.of("table", "tbody", "thead", "tfoot", "tr").contains(name)) kind |= IS_TABLE;
        if (Set.of("script", "style", "iframe", "title", "textarea").contains(name)) kind |= IS_RAW;
        return kind;
    }

    private static String[] table(String... names) {
        String[] table = new String[1024];
        for (String name : names) {
            int slot = name.hashCode() & (table.length - 1);
            while (table[slot] != null && !table[slot].equals(name)) slot = (slot + 1) & (table.length - 1);
            table[slot] = name;
        }
        return table;
    }

    /** The known instance of a name, or the name itself. */
    private static String known(String name) {
        for (int slot = name.hashCode() & (NAMES.length - 1); NAMES[slot] != null; slot = (slot + 1) & (NAMES.length - 1)) {
            if (NAMES[slot].equals(name)) return NAMES[slot];
        }
        return name;
    }

    private static boolean endsAttributeName(char c) {
        return c == '/' || c == '>' || c == '=' || c == '"' || c == '\'' || c == '<';
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

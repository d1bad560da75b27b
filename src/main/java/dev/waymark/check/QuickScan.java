package dev.waymark.check;

import org.jsoup.parser.Parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first, untracked read of a page without jsoup: one pass over the HTML text, no tree and no allocation per
 * character, for the clean and regular pages that make up a healthy site.
 *
 * <p>Contract: {@link #scan} returns either {@code null}, meaning "not sure: read this page with jsoup", or the facts
 * {@link PageScanner#parse} would give for the same text with {@code track} off: the same id set, source and decision
 * tree ids, the same references as a multiset (position-free, shared, in the same labels), and no problems. It answers
 * only for a page it can prove free of local problems: unique ids, one h1, no skipped heading level, an alt on every
 * image, a non-blank {@code <html lang>}, {@code <title>} and meta description in head, a name for every link, no
 * decision tree answer pointing nowhere. Whenever a problem might exist it returns null and jsoup decides.
 *
 * <p>It only accepts markup whose jsoup tree it can predict exactly: a {@code <!DOCTYPE html>}, then html, head and
 * body opened and closed explicitly, with only head elements in head; every other element closed by its own end tag,
 * innermost first (void elements excepted); attributes quoted, unquoted or boolean, separated by whitespace. It also
 * returns null wherever the HTML tree builder would move, drop, clone, merge or imply an element: a block start tag while
 * a {@code <p>} is open, a list item, definition or table part outside its parent, text or other elements directly in
 * a table, a link inside a link, a heading inside a heading, a nested button or form, a second html, head or body tag,
 * and tags it does not know ({@code template}, {@code math}, {@code noscript}, {@code select}, {@code object}, custom
 * elements, CDATA, processing instructions, a stray {@code <}). Inline {@code <svg>} is read with a small set of
 * drawing elements. Text is only looked at where it matters: the title, a link's name, whitespace in head and tables.
 *
 * <p>Thread-safe: all state of one read lives in a {@link Page} of its own.
 */
final class QuickScan {
    private static final int VOID = 1;
    private static final int RAW = 1 << 1;
    private static final int HEAD_OK = 1 << 2;
    private static final int BODY_OK = 1 << 3;
    /** Allowed while a {@code <p>} is open: the start tag does not close it. */
    private static final int PHRASING = 1 << 4;
    private static final int SVG_CHILD = 1 << 5;
    /** An svg child that may be written self-closing ({@code <path/>}). */
    private static final int SVG_EMPTY = 1 << 6;
    private static final int TABLE_PART = 1 << 7;

    private static final int HTML = 0, HEAD = 1, BODY = 2, TITLE = 3, META = 4, LINK = 5, BASE = 6, SCRIPT = 7, STYLE = 8,
            A = 9, IMG = 10, SOURCE = 11, AREA = 12, IFRAME = 13, VIDEO = 14, AUDIO = 15, P = 16, LI = 17, UL = 18, OL = 19,
            DL = 20, DT = 21, DD = 22, TABLE = 23, CAPTION = 24, COLGROUP = 25, COL = 26, THEAD = 27, TBODY = 28, TFOOT = 29,
            TR = 30, TD = 31, TH = 32, H1 = 33, H6 = 38, SVG = 39, BUTTON = 40, FORM = 41, TEXTAREA = 42, XMP = 43,
            NOEMBED = 44, NOFRAMES = 45, DESC = 46;

    private static final String[] NAMES = new String[128];
    private static final int[] FLAGS = new int[128];
    private static int count;

    static {
        tag(HTML, "html", 0);
        tag(HEAD, "head", 0);
        tag(BODY, "body", 0);
        tag(TITLE, "title", RAW | HEAD_OK | SVG_CHILD);
        tag(META, "meta", VOID | HEAD_OK | BODY_OK | PHRASING);
        tag(LINK, "link", VOID | HEAD_OK | BODY_OK | PHRASING);
        tag(BASE, "base", VOID | HEAD_OK);
        tag(SCRIPT, "script", RAW | HEAD_OK | BODY_OK | PHRASING);
        tag(STYLE, "style", RAW | HEAD_OK | BODY_OK | PHRASING);
        tag(A, "a", BODY_OK | PHRASING);
        tag(IMG, "img", VOID | BODY_OK | PHRASING);
        tag(SOURCE, "source", VOID | BODY_OK | PHRASING);
        tag(AREA, "area", VOID | BODY_OK | PHRASING);
        tag(IFRAME, "iframe", RAW | BODY_OK | PHRASING);
        tag(VIDEO, "video", BODY_OK | PHRASING);
        tag(AUDIO, "audio", BODY_OK | PHRASING);
        tag(P, "p", BODY_OK);
        tag(LI, "li", BODY_OK);
        tag(UL, "ul", BODY_OK);
        tag(OL, "ol", BODY_OK);
        tag(DL, "dl", BODY_OK);
        tag(DT, "dt", BODY_OK);
        tag(DD, "dd", BODY_OK);
        tag(TABLE, "table", BODY_OK);
        tag(CAPTION, "caption", BODY_OK | TABLE_PART);
        tag(COLGROUP, "colgroup", BODY_OK | TABLE_PART);
        tag(COL, "col", VOID | BODY_OK | TABLE_PART);
        tag(THEAD, "thead", BODY_OK | TABLE_PART);
        tag(TBODY, "tbody", BODY_OK | TABLE_PART);
        tag(TFOOT, "tfoot", BODY_OK | TABLE_PART);
        tag(TR, "tr", BODY_OK | TABLE_PART);
        tag(TD, "td", BODY_OK | TABLE_PART);
        tag(TH, "th", BODY_OK | TABLE_PART);
        for (int level = 1; level <= 6; level++) tag(H1 + level - 1, "h" + level, BODY_OK);
        tag(SVG, "svg", BODY_OK | PHRASING);
        tag(BUTTON, "button", BODY_OK | PHRASING);
        tag(FORM, "form", BODY_OK);
        tag(TEXTAREA, "textarea", RAW | BODY_OK | PHRASING);
        tag(XMP, "xmp", RAW | BODY_OK);
        tag(NOEMBED, "noembed", RAW | BODY_OK);
        tag(NOFRAMES, "noframes", RAW | HEAD_OK | BODY_OK);
        tag(DESC, "desc", SVG_CHILD);
        for (String name : List.of("div", "section", "article", "aside", "header", "footer", "nav", "main", "pre",
                "blockquote", "figure", "figcaption", "details", "summary", "fieldset", "legend", "address", "hgroup", "dialog")) {
            tag(count, name, BODY_OK);
        }
        tag(count, "hr", VOID | BODY_OK);
        for (String name : List.of("span", "em", "strong", "b", "i", "u", "s", "small", "code", "kbd", "samp", "var", "sub",
                "sup", "mark", "abbr", "cite", "q", "dfn", "time", "data", "del", "ins", "bdi", "bdo", "label", "output",
                "progress", "meter", "picture", "canvas")) {
            tag(count, name, BODY_OK | PHRASING);
        }
        for (String name : List.of("br", "wbr", "input", "embed", "track")) tag(count, name, VOID | BODY_OK | PHRASING);
        for (String name : List.of("g", "text", "tspan", "defs", "marker", "symbol")) tag(count, name, SVG_CHILD);
        for (String name : List.of("path", "line", "rect", "circle", "ellipse", "polyline", "polygon", "use")) {
            tag(count, name, SVG_CHILD | SVG_EMPTY);
        }
    }

    private static final int SLOTS = 512;
    private static final short[] SLOT = new short[SLOTS];

    static {
        Arrays.fill(SLOT, (short) -1);
        for (int code = 0; code < count; code++) {
            String name = NAMES[code];
            int slot = hash(name) & (SLOTS - 1);
            while (SLOT[slot] >= 0) slot = (slot + 1) & (SLOTS - 1);
            SLOT[slot] = (short) code;
        }
    }

    /** More open elements than this and jsoup's scope searches (100 deep) could behave differently: leave it to jsoup. */
    private static final int MAX_DEPTH = 64;

    private static final String A_HREF = "a href", AREA_HREF = "area href", LINK_HREF = "link href", IMG_SRC = "img src",
            IMG_SRCSET = "img srcset", SOURCE_SRC = "source src", SOURCE_SRCSET = "source srcset", SCRIPT_SRC = "script src",
            IFRAME_SRC = "iframe src", VIDEO_SRC = "video src", AUDIO_SRC = "audio src", STYLE_URL = "style url()",
            TREE_HREF = "decision tree href";

    private static final int BEFORE_HTML = 0, BEFORE_HEAD = 1, IN_HEAD = 2, AFTER_HEAD = 3, IN_BODY = 4, AFTER_BODY = 5,
            AFTER_HTML = 6;

    /** Past this many characters a page gets a buffer of its own rather than growing the thread's. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    /** The attributes the scan reads; the first three are the ones whose capitals matter in svg. */
    private static final String[] KNOWN = {"id", "style", "class", "href", "src", "srcset", "alt", "name", "lang", "data-source",
            "content", "aria-label", "aria-labelledby", "title"};
    private static final int ID = 0, STYLE_ATTRIBUTE = 1, CLASS = 2, HREF = 3, SRC = 4, SRCSET = 5, ALT = 6, NAME = 7, LANG = 8,
            DATA_SOURCE = 9, CONTENT = 10, ARIA_LABEL = 11, ARIA_LABELLEDBY = 12, TITLE_ATTRIBUTE = 13;
    /** {@link #KNOWN} sorted by length; names of length L are at [KNOWN_BY_LENGTH_FROM[L], KNOWN_BY_LENGTH_FROM[L + 1]). */
    private static final String[] KNOWN_SORTED = new String[KNOWN.length];
    private static final int[] KNOWN_INDEX = new int[KNOWN.length];
    private static final int[] KNOWN_BY_LENGTH_FROM = new int[17];

    static {
        int k = 0;
        for (int length = 0; length <= 15; length++) {
            KNOWN_BY_LENGTH_FROM[length] = k;
            for (int i = 0; i < KNOWN.length; i++) {
                if (KNOWN[i].length() == length) {
                    KNOWN_SORTED[k] = KNOWN[i];
                    KNOWN_INDEX[k++] = i;
                }
            }
        }
        KNOWN_BY_LENGTH_FROM[16] = k;
    }

    private final Map<PageFacts.Ref, PageFacts.Ref> shared;
    /** Each scanning thread copies its pages into one reused buffer. */
    private final ThreadLocal<char[]> buffers = ThreadLocal.withInitial(() -> new char[1 << 16]);
    private final ThreadLocal<CharsetDecoder> decoders = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    /**
     * Each scanning thread's recent references, found again by the characters of their URL without building a string:
     * the same navigation links are on every page. It holds instances of {@link #shared} only, so it changes no result.
     */
    private final ThreadLocal<RefCache> caches = ThreadLocal.withInitial(RefCache::new);

    /** @param shared the scanner's shared position-free references, so both paths hand out the same instances */
    QuickScan(Map<PageFacts.Ref, PageFacts.Ref> shared) {
        this.shared = shared;
    }

    /** The page's facts, or null when the page may have a problem or holds anything this reader cannot vouch for. */
    PageFacts scan(String file, String html) {
        char[] buffer = buffer(html.length());
        html.getChars(0, html.length(), buffer, 0);
        return new Page(file, buffer, html.length(), caches.get()).read();
    }

    /**
     * The same, straight from the file's bytes: they are decoded into this thread's buffer, so a clean page never
     * becomes a String (a page with one non-Latin-1 character would be a UTF-16 copy of twice its size). Null also
     * when the bytes are not valid UTF-8; the caller's strict decode then reports it.
     */
    PageFacts scan(String file, byte[] utf8) {
        CharsetDecoder decoder = decoders.get().reset();
        char[] buffer = buffer(utf8.length); // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.wrap(buffer);
        CoderResult result = decoder.decode(ByteBuffer.wrap(utf8), out, true);
        if (result.isError() || result.isOverflow() || decoder.flush(out).isError()) return null;
        return new Page(file, buffer, out.position(), caches.get()).read();
    }

    private char[] buffer(int length) {
        char[] buffer = buffers.get();
        if (buffer.length < length) {
            buffer = new char[Math.max(length, 2 * buffer.length)];
            if (buffer.length <= MAX_KEPT_BUFFER) buffers.set(buffer);
        }
        return buffer;
    }

    private static void tag(int code, String name, int flags) {
        if (code != count || NAMES[code] != null) throw new IllegalStateException("tag table out of order at " + name);
        NAMES[code] = name;
        FLAGS[code] = flags;
        count++;
    }

    /** Hash of a tag name, lowercased; {@code Page.lookup} computes the same over any capitalisation of it. */
    private static int hash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) h = 31 * h + lower(name.charAt(i));
        return h ^ (h >>> 9);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isTagNameChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAttributeNameChar(char c) {
        return isTagNameChar(c) || c == '-' || c == '_' || c == ':' || c == '.';
    }

    private static boolean isUnquotedValueChar(char c) {
        return !isSpace(c) && c != '>' && c != '"' && c != '\'' && c != '<' && c != '=' && c != '`' && c != 0;
    }

    /** True when {@code s} equals the lowercase ASCII {@code lower}, ignoring ASCII case only. */
    private static boolean asciiEqualsIgnoreCase(String s, String lower) {
        if (s.length() != lower.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (lower(s.charAt(i)) != lower.charAt(i)) return false;
        }
        return true;
    }

    /** Text that no trimming or whitespace test could find empty (an alt that names a link). */
    private static boolean solid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) return true;
        }
        return false;
    }

    /** A meta name: 1 when it is "description", 0 when it surely is not, -1 when jsoup's matching might differ. */
    private static int description(String name) {
        if (asciiEqualsIgnoreCase(name, "description")) return 1;
        for (int i = 0; i < name.length(); i++) {
            if (!isAttributeNameChar(name.charAt(i))) return -1;
        }
        return 0;
    }

    /** A direct-mapped cache from (label, URL characters) to the shared reference. */
    private static final class RefCache {
        private static final int SIZE = 1 << 12;
        private final String[] labels = new String[SIZE];
        private final char[][] urls = new char[SIZE][];
        private final PageFacts.Ref[] refs = new PageFacts.Ref[SIZE];

        PageFacts.Ref find(String label, char[] c, int from, int to, int slot) {
            if (labels[slot] != label) return null; // labels are QuickScan's constants
            char[] url = urls[slot];
            return Arrays.equals(url, 0, url.length, c, from, to) ? refs[slot] : null;
        }

        void put(String label, char[] c, int from, int to, int slot, PageFacts.Ref ref) {
            labels[slot] = label;
            urls[slot] = Arrays.copyOfRange(c, from, to);
            refs[slot] = ref;
        }
    }

    /** One read of one page: a cursor over a copy of its text, and what it has found so far. */
    private final class Page {
        private final String file;
        /** The page's characters (a reused buffer, longer than the page): array reads stay cheap without C2. */
        private final char[] c;
        private final int n;
        private int mode = BEFORE_HTML;
        private boolean doctype;
        private final int[] stack = new int[MAX_DEPTH];
        private int depth;
        private final int[] open = new int[count];
        private int headings;
        /** For each attribute of the current tag: name start and end, value start and end (-1 if bare), and 1 if it has an &. */
        private int[] attributes = new int[5 * 16];
        private int attributeCount;
        /** The first attribute of each {@link #KNOWN} name in the current tag, valid where {@link #knownTag} is {@link #tags}. */
        private final int[] known = new int[KNOWN.length];
        private final int[] knownTag = new int[KNOWN.length];
        private int tags;
        /** An id, style or class attribute of the current tag is written with capitals. */
        private boolean capitalised;
        private boolean selfClosing;
        private final RefCache cache;
        private final Set<String> ids = new HashSet<>();
        private List<String> names = List.of();
        private final List<PageFacts.Ref> refs = new ArrayList<>();
        private List<String> treeIds = List.of();
        private String source = "";
        private boolean lang;
        private int titles;
        private boolean titled;
        private boolean descriptionSeen;
        private boolean described;
        private int h1;
        private int previousLevel;
        /** The open link has an href and nothing has named it yet. */
        private boolean unnamed;

        Page(String file, char[] c, int n, RefCache cache) {
            this.file = file;
            this.c = c;
            this.n = n;
            this.cache = cache;
        }

        PageFacts read() {
            int p = 0;
            while (p < n) {
                int lt = nextTag(p);
                if (lt < 0) return null;
                if (lt > p && !text(p, lt)) return null;
                if (lt == n) break;
                p = markup(lt);
                if (p < 0) return null;
            }
            return finish();
        }

        /** The next {@code <} from {@code p}, or n at the end; -1 when a NUL comes first (jsoup drops or replaces it). */
        private int nextTag(int p) {
            char[] c = this.c;
            for (int i = p; i < n; i++) {
                char ch = c[i];
                if (ch <= '<') {
                    if (ch == '<') return i;
                    if (ch == 0) return -1;
                }
            }
            return n;
        }

        private PageFacts finish() {
            if (mode != AFTER_BODY && mode != AFTER_HTML) return null;
            if (!lang || titles != 1 || !titled || !described || h1 != 1) return null;
            ids.addAll(names);
            return new PageFacts(file, source, Set.copyOf(ids), List.copyOf(refs), List.of(), List.copyOf(treeIds));
        }

        // ---- text ----

        private boolean text(int from, int to) {
            if (mode != IN_BODY) return blank(from, to);
            if (depth > 0 && isTableContext(stack[depth - 1])) return blank(from, to);
            if (unnamed && open[SVG] == 0 && visible(from, to)) unnamed = false;
            return true;
        }

        private boolean blank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!isSpace(c[i])) return false;
            }
            return true;
        }

        /** A character jsoup's hasText() surely counts: not whitespace, and not part of a character reference. */
        private boolean visible(int from, int to) {
            for (int i = from; i < to; i++) {
                char ch = c[i];
                if (ch == '&') {
                    i = skipReference(i + 1, to) - 1;
                } else if (!isSpace(ch)) {
                    return true;
                }
            }
            return false;
        }

        /** The end of a possible character reference whose name starts at {@code i}. */
        private int skipReference(int i, int to) {
            while (i < to && (isTagNameChar(c[i]) || c[i] == '#')) i++;
            if (i < to && c[i] == ';') i++;
            return i;
        }

        // ---- markup ----

        /** Reads the markup starting at {@code lt}; the position after it, or -1. */
        private int markup(int lt) {
            if (lt + 1 >= n) return -1;
            char next = c[lt + 1];
            if (next == '!') return declaration(lt);
            if (next == '/') return endTag(lt);
            if (isLetter(next)) return startTag(lt);
            return -1;
        }

        private int declaration(int lt) {
            if (lt + 3 < n && c[lt + 2] == '-' && c[lt + 3] == '-') return comment(lt + 4);
            if (matchesIgnoreCase(lt + 2, "doctype")) return doctype(lt + 9);
            return -1;
        }

        /** A comment whose text starts at {@code from}, in the plain {@code <!-- ... -->} form only. */
        private int comment(int from) {
            if (from < n && c[from] == '>' || from + 1 < n && c[from] == '-' && c[from + 1] == '>') return -1;
            for (int i = from; i + 2 < n; i++) {
                char ch = c[i];
                if (ch == 0) return -1;
                if (ch == '-' && c[i + 1] == '-') {
                    if (c[i + 2] == '>') return i + 3;
                    if (c[i + 2] == '!' && i + 3 < n && c[i + 3] == '>') return -1; // "--!>" also ends a comment
                }
            }
            return -1;
        }

        /** Only {@code <!DOCTYPE html>}: anything else may put jsoup in quirks mode. */
        private int doctype(int p) {
            if (mode != BEFORE_HTML || doctype || p >= n || !isSpace(c[p])) return -1;
            p = skipSpace(p);
            if (!matchesIgnoreCase(p, "html")) return -1;
            p = skipSpace(p + 4);
            if (p >= n || c[p] != '>') return -1;
            doctype = true;
            return p + 1;
        }

        private int skipSpace(int p) {
            while (p < n && isSpace(c[p])) p++;
            return p;
        }

        private boolean matchesIgnoreCase(int at, String lower) {
            int length = lower.length();
            if (at + length > n) return false;
            for (int i = 0; i < length; i++) {
                if (lower(c[at + i]) != lower.charAt(i)) return false;
            }
            return true;
        }

        private int lookup(int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) h = 31 * h + lower(c[i]);
            int length = to - from;
            int slot = (h ^ (h >>> 9)) & (SLOTS - 1);
            for (int code = SLOT[slot]; code >= 0; slot = (slot + 1) & (SLOTS - 1), code = SLOT[slot]) {
                if (NAMES[code].length() == length && matchesIgnoreCase(from, NAMES[code])) return code;
            }
            return -1;
        }

        private int endTag(int lt) {
            int from = lt + 2;
            if (from >= n || !isLetter(c[from])) return -1;
            int to = from;
            while (to < n && isTagNameChar(c[to])) to++;
            int p = skipSpace(to);
            if (p >= n || c[p] != '>') return -1;
            int code = lookup(from, to);
            return code >= 0 && close(code) ? p + 1 : -1;
        }

        private boolean close(int code) {
            switch (mode) {
                case IN_HEAD -> {
                    if (code != HEAD) return false;
                    mode = AFTER_HEAD;
                    return true;
                }
                case IN_BODY -> {
                    if (depth == 0) {
                        if (code != BODY) return false;
                        mode = AFTER_BODY;
                        return true;
                    }
                    return pop(code);
                }
                case AFTER_BODY -> {
                    if (code != HTML) return false;
                    mode = AFTER_HTML;
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        /** Closes the current element, which must be {@code code}; a link must have been named by now. */
        private boolean pop(int code) {
            if (stack[depth - 1] != code) return false;
            depth--;
            open[code]--;
            if (code >= H1 && code <= H6) headings--;
            return code != A || !unnamed;
        }

        private boolean push(int code) {
            if (depth == MAX_DEPTH) return false;
            stack[depth++] = code;
            open[code]++;
            if (code >= H1 && code <= H6) headings++;
            return true;
        }

        private int startTag(int lt) {
            int from = lt + 1;
            int to = from;
            while (to < n && isTagNameChar(c[to])) to++;
            if (to >= n) return -1;
            char after = c[to];
            if (!isSpace(after) && after != '/' && after != '>') return -1;
            int close = attributes(to);
            if (close < 0) return -1;
            int code = lookup(from, to);
            return code >= 0 ? element(code, close + 1) : -1;
        }

        /** Reads the attributes of a start tag from {@code p}; the index of its closing {@code >}, or -1. */
        private int attributes(int p) {
            attributeCount = 0;
            tags++;
            capitalised = false;
            selfClosing = false;
            while (true) {
                p = skipSpace(p);
                if (p >= n) return -1;
                char ch = c[p];
                if (ch == '>') return p;
                if (ch == '/') {
                    if (p + 1 < n && c[p + 1] == '>') {
                        selfClosing = true;
                        return p + 1;
                    }
                    return -1;
                }
                if (!isAttributeNameChar(ch)) return -1;
                int nameFrom = p;
                while (p < n && isAttributeNameChar(c[p])) p++;
                int nameTo = p;
                p = skipSpace(p);
                if (p >= n) return -1;
                if (c[p] != '=') {
                    add(nameFrom, nameTo, -1, -1, false);
                    continue;
                }
                p = value(nameFrom, nameTo, skipSpace(p + 1));
                if (p < 0) return -1;
            }
        }

        /** Reads an attribute value starting at {@code p}; the position after it, or -1. */
        private int value(int nameFrom, int nameTo, int p) {
            if (p >= n) return -1;
            char q = c[p];
            boolean amp = false;
            if (q == '"' || q == '\'') {
                int end = p + 1;
                for (; end < n; end++) {
                    char ch = c[end];
                    if (ch == q) break;
                    if (ch <= '&') {
                        if (ch == 0) return -1;
                        amp |= ch == '&';
                    }
                }
                if (end + 1 >= n) return -1;
                char after = c[end + 1];
                if (!isSpace(after) && after != '>' && after != '/') return -1;
                add(nameFrom, nameTo, p + 1, end, amp);
                return end + 1;
            }
            int from = p;
            for (; p < n && isUnquotedValueChar(c[p]); p++) amp |= c[p] == '&';
            if (p == from || p >= n) return -1;
            char after = c[p];
            if (!isSpace(after) && after != '>') return -1;
            add(nameFrom, nameTo, from, p, amp);
            return p;
        }

        private void add(int nameFrom, int nameTo, int valueFrom, int valueTo, boolean amp) {
            int at = attributeCount * 5;
            if (at + 5 > attributes.length) attributes = Arrays.copyOf(attributes, attributes.length * 2);
            attributes[at] = nameFrom;
            attributes[at + 1] = nameTo;
            attributes[at + 2] = valueFrom;
            attributes[at + 3] = valueTo;
            attributes[at + 4] = amp ? 1 : 0;
            int k = knownName(nameFrom, nameTo);
            if (k >= 0) {
                if (knownTag[k] != tags) { // the first of repeated attributes wins, as in HTML
                    knownTag[k] = tags;
                    known[k] = attributeCount;
                }
                if (k <= CLASS) {
                    for (int i = nameFrom; i < nameTo; i++) capitalised |= c[i] >= 'A' && c[i] <= 'Z';
                }
            }
            attributeCount++;
        }

        /** The index in {@link #KNOWN} of an attribute name, any case; -1 for a name the scan does not read. */
        private int knownName(int from, int to) {
            int length = to - from;
            if (length > 15) return -1;
            char first = lower(c[from]);
            for (int k = KNOWN_BY_LENGTH_FROM[length]; k < KNOWN_BY_LENGTH_FROM[length + 1]; k++) {
                String name = KNOWN_SORTED[k];
                if (name.charAt(0) == first && matchesIgnoreCase(from, name)) return KNOWN_INDEX[k];
            }
            return -1;
        }

        /** The value of the first attribute of a {@link #KNOWN} name, character references decoded as jsoup does; or null. */
        private String valueOf(int k) {
            if (knownTag[k] != tags) return null;
            int at = known[k] * 5;
            int from = attributes[at + 2];
            if (from < 0) return "";
            String raw = new String(c, from, attributes[at + 3] - from);
            return attributes[at + 4] != 0 ? Parser.unescapeEntities(raw, true) : raw;
        }

        private boolean nonBlank(int k) {
            String value = valueOf(k);
            return value != null && !value.isBlank();
        }

        // ---- elements ----

        private int element(int code, int next) {
            boolean inSvg = open[SVG] > 0;
            if (selfClosing && (FLAGS[code] & VOID) == 0 && !(inSvg && (FLAGS[code] & SVG_EMPTY) != 0)) return -1;
            if ((inSvg || code == SVG) && capitalised) return -1; // in svg jsoup keeps the case: ID is not id there
            if (!common()) return -1;
            switch (mode) {
                case BEFORE_HTML -> {
                    return code == HTML && doctype ? root(next) : -1;
                }
                case BEFORE_HEAD -> {
                    return enter(code == HEAD, IN_HEAD, next);
                }
                case IN_HEAD -> {
                    return (FLAGS[code] & HEAD_OK) != 0 ? headElement(code, next) : -1;
                }
                case AFTER_HEAD -> {
                    return enter(code == BODY, IN_BODY, next);
                }
                case IN_BODY -> {
                    return inSvg ? svgElement(code, next) : bodyElement(code, next);
                }
                default -> {
                    return -1;
                }
            }
        }

        private int enter(boolean expected, int newMode, int next) {
            if (!expected) return -1;
            mode = newMode;
            return next;
        }

        /** What every element gives: its id (which must be new) and the url()s of its style attribute. */
        private boolean common() {
            String id = valueOf(ID);
            if (id != null && !ids.add(id)) return false;
            String style = valueOf(STYLE_ATTRIBUTE);
            if (style != null) {
                for (String url : CssUrls.of(style)) ref(url, STYLE_URL, false);
            }
            return true;
        }

        private int root(int next) {
            lang = nonBlank(LANG);
            String dataSource = valueOf(DATA_SOURCE);
            if (dataSource != null) source = dataSource;
            mode = BEFORE_HEAD;
            return next;
        }

        private int headElement(int code, int next) {
            switch (code) {
                case META -> {
                    return meta(true) ? next : -1;
                }
                case LINK -> {
                    href(LINK_HREF);
                    return next;
                }
                case TITLE -> {
                    return title(next);
                }
                case SCRIPT -> {
                    return script(next);
                }
                case STYLE -> {
                    return style(next);
                }
                case NOFRAMES -> {
                    return skipRaw(code, next);
                }
                default -> {
                    return next; // base
                }
            }
        }

        private int bodyElement(int code, int next) {
            int flags = FLAGS[code];
            if ((flags & BODY_OK) == 0) return -1;
            int top = depth == 0 ? BODY : stack[depth - 1];
            if (!fitsTable(top, code)) return -1;
            if (open[P] > 0 && (flags & PHRASING) == 0) return -1;
            switch (code) {
                case LI -> {
                    if (top != UL && top != OL) return -1;
                }
                case DT, DD -> {
                    if (top != DL) return -1;
                }
                case A -> {
                    if (!anchor()) return -1;
                }
                case BUTTON, FORM -> {
                    if (open[code] > 0) return -1;
                }
                case IMG -> {
                    if (!image()) return -1;
                }
                case SOURCE -> media(SOURCE_SRC, SOURCE_SRCSET);
                case AREA -> href(AREA_HREF);
                case LINK -> href(LINK_HREF);
                case META -> {
                    if (!meta(false)) return -1;
                }
                case VIDEO -> src(VIDEO_SRC);
                case AUDIO -> src(AUDIO_SRC);
                case IFRAME -> {
                    src(IFRAME_SRC);
                    return skipRaw(code, next);
                }
                case SCRIPT -> {
                    return script(next);
                }
                case STYLE -> {
                    return style(next);
                }
                case TEXTAREA, XMP, NOEMBED, NOFRAMES -> {
                    return skipRaw(code, next);
                }
                default -> {
                    if (code >= H1 && code <= H6 && !heading(code - H1 + 1)) return -1;
                }
            }
            if ((flags & VOID) != 0) return next;
            if ((flags & RAW) != 0) return -1; // each raw-text element has its case above; never read its text as markup
            return push(code) ? next : -1;
        }

        /** Inside svg: only drawing elements; svg's title and desc hold text only (jsoup reads them as HTML). */
        private int svgElement(int code, int next) {
            if ((FLAGS[code] & SVG_CHILD) == 0) return -1;
            int top = stack[depth - 1];
            if (top == TITLE || top == DESC) return -1;
            if (selfClosing) return next;
            if (code == TITLE && open[A] > 0) unnamed = false; // a.select("svg title")
            return push(code) ? next : -1;
        }

        private boolean isTableContext(int code) {
            return code == TABLE || code == COLGROUP || code == THEAD || code == TBODY || code == TFOOT || code == TR;
        }

        /** Table parts only in their own parent, and nothing else directly in a table (jsoup would move it out). */
        private boolean fitsTable(int top, int code) {
            return switch (top) {
                case TABLE -> code == CAPTION || code == COLGROUP || code == THEAD || code == TBODY || code == TFOOT;
                case COLGROUP -> code == COL;
                case THEAD, TBODY, TFOOT -> code == TR;
                case TR -> code == TD || code == TH;
                default -> (FLAGS[code] & TABLE_PART) == 0;
            };
        }

        private boolean anchor() {
            if (open[A] > 0) return false;
            String name = valueOf(NAME);
            if (name != null) {
                if (names.isEmpty()) names = new ArrayList<>();
                names.add(name);
            }
            boolean linked = knownTag[HREF] == tags;
            unnamed = linked && !nonBlank(ARIA_LABEL) && !nonBlank(ARIA_LABELLEDBY) && !nonBlank(TITLE_ATTRIBUTE);
            href(A_HREF);
            return true;
        }

        private boolean heading(int level) {
            if (headings > 0) return false;
            if (level == 1 && ++h1 > 1) return false;
            if (previousLevel > 0 && level > previousLevel + 1) return false;
            previousLevel = level;
            return true;
        }

        private boolean image() {
            String alt = valueOf(ALT);
            if (alt == null) return false;
            media(IMG_SRC, IMG_SRCSET);
            if (unnamed && open[A] > 0 && solid(alt)) unnamed = false;
            return true;
        }

        private void media(String srcLabel, String srcsetLabel) {
            src(srcLabel);
            String srcset = valueOf(SRCSET);
            if (srcset != null) {
                for (String url : PageScanner.srcsetUrls(srcset)) ref(url, srcsetLabel, false);
            }
        }

        private void src(String label) {
            attributeRef(SRC, label);
        }

        private void href(String label) {
            attributeRef(HREF, label);
        }

        /** The reference an attribute makes, if the tag has it; a plain value is looked up by its characters. */
        private void attributeRef(int k, String label) {
            if (knownTag[k] != tags) return;
            int at = known[k] * 5;
            int from = attributes[at + 2];
            if (from < 0 || attributes[at + 4] != 0) {
                ref(valueOf(k), label, false);
                return;
            }
            int to = attributes[at + 3];
            int h = label.hashCode();
            for (int i = from; i < to; i++) h = 31 * h + c[i];
            int slot = (h ^ (h >>> 12)) & (RefCache.SIZE - 1);
            PageFacts.Ref ref = cache.find(label, c, from, to, slot);
            if (ref == null) {
                ref = PageScanner.positionFree(shared, new String(c, from, to - from), label, false);
                cache.put(label, c, from, to, slot, ref);
            }
            refs.add(ref);
        }

        /** A meta description counts in head only, the first one; anywhere else it is left to jsoup. */
        private boolean meta(boolean inHead) {
            String name = valueOf(NAME);
            if (name == null) return true;
            int kind = description(name);
            if (kind <= 0) return kind == 0;
            if (!inHead) return false;
            if (!descriptionSeen) {
                descriptionSeen = true;
                described = nonBlank(CONTENT);
            }
            return true;
        }

        private int title(int next) {
            int close = closeOf(TITLE, next);
            if (close < 0 || ++titles > 1) return -1;
            titled = titleText(next, close);
            return close + "</title>".length();
        }

        /** A title character that survives decoding, whitespace normalisation and trimming, as in doc.title(). */
        private boolean titleText(int from, int to) {
            for (int i = from; i < to; i++) {
                char ch = c[i];
                if (ch == '&') {
                    i = skipReference(i + 1, to) - 1;
                } else if (ch > ' ' && ch != '\u00a0' && !Character.isWhitespace(ch)) {
                    return true;
                }
            }
            return false;
        }

        private int script(int next) {
            int close = closeOf(SCRIPT, next);
            if (close < 0) return -1;
            src(SCRIPT_SRC);
            int tree = treeClass();
            if (tree < 0 || tree > 0 && !tree(new String(c, next, close - next))) return -1;
            return close + "</script>".length();
        }

        /** 1 when the class attribute holds wm-tree-data, 0 when it surely does not, -1 when unsure. */
        private int treeClass() {
            String classes = valueOf(CLASS);
            if (classes == null) return 0;
            int i = 0;
            int length = classes.length();
            while (i < length) {
                while (i < length && isSpace(classes.charAt(i))) i++;
                int from = i;
                while (i < length && !isSpace(classes.charAt(i))) i++;
                if (i - from == 12 && classes.regionMatches(true, from, "wm-tree-data", 0, 12)) return 1;
            }
            for (i = 0; i + 12 <= length; i++) {
                if (classes.regionMatches(true, i, "wm-tree-data", 0, 12)) return -1;
            }
            return 0;
        }

        private boolean tree(String json) {
            PageScanner.TreeFields fields;
            try {
                fields = PageScanner.treeFields(json);
            } catch (RuntimeException e) {
                return false; // let the jsoup path meet the same malformed JSON
            }
            if (!fields.missingTargets().isEmpty()) return false;
            for (String href : fields.hrefs()) ref(href, TREE_HREF, true);
            if (!fields.ids().isEmpty()) {
                if (treeIds.isEmpty()) treeIds = new ArrayList<>();
                treeIds.addAll(fields.ids());
            }
            return true;
        }

        private int style(int next) {
            int close = closeOf(STYLE, next);
            if (close < 0) return -1;
            for (String url : CssUrls.of(new String(c, next, close - next))) ref(url, STYLE_URL, false);
            return close + "</style>".length();
        }

        private int skipRaw(int code, int next) {
            int close = closeOf(code, next);
            return close < 0 ? -1 : close + NAMES[code].length() + 3;
        }

        /**
         * Where the text of a raw-text element ends: at the first {@code </name}, which must be followed by {@code >};
         * -1 when it is missing or written any other way, when the text holds a NUL, or when a script holds
         * {@code <!--} (escaped script data, where jsoup's end differs).
         */
        private int closeOf(int code, int from) {
            String name = NAMES[code];
            boolean script = code == SCRIPT;
            char[] c = this.c;
            for (int i = from; i < n; i++) {
                char ch = c[i];
                if (ch > '<') continue;
                if (ch == 0) return -1;
                if (ch != '<' || i + 1 >= n) continue;
                char next = c[i + 1];
                if (next == '/' && matchesIgnoreCase(i + 2, name)) {
                    // Only a plain </name> ends it. jsoup reads </script< by swallowing the <, </scripts as text, and
                    // </script x> as a tag with attributes: any of those, leave it to jsoup.
                    int after = i + 2 + name.length();
                    return after < n && c[after] == '>' ? i : -1;
                } else if (script && next == '!' && i + 3 < n && c[i + 2] == '-' && c[i + 3] == '-') {
                    return -1;
                }
            }
            return -1;
        }

        private void ref(String url, String attribute, boolean tree) {
            refs.add(PageScanner.positionFree(shared, url, attribute, tree));
        }
    }
}

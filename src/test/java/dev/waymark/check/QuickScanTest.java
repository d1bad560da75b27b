package dev.waymark.check;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link QuickScan} against the jsoup path it stands in for: on every page it answers for, the same ids, source, tree
 * ids and references (as a multiset) and no problems; and it does answer for the pages of a healthy site.
 *
 * <p>The generated and mutated pages are seeded; for a longer hunt run e.g.
 * {@code mvn -o test -Dtest=QuickScanTest -Dquickscan.seed=7 -Dquickscan.pages=200000 -Dquickscan.mutations=3000}.
 */
class QuickScanTest {
    static final Path FIXTURES = Run.ROOT.resolve("src/test/resources/check");
    static final Path HOSTILE = Run.ROOT.resolve("src/test/resources/hostile");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Snippet</title>
            <meta name="description" content="A tricky snippet.">
            </head>
            <body>
            <h1 id="top">Snippet</h1>
            %s
            </body>
            </html>
            """;

    /** One of each for the whole class, as in a check run: QuickScan's caches carry over from page to page. */
    private static final PageScanner JSOUP = new PageScanner();
    private static final QuickScan QUICK = new QuickScan(new ConcurrentHashMap<>());

    /** The facts jsoup gives, and QuickScan's answer: null, or the same facts. Returns QuickScan's answer. */
    static PageFacts assertAgrees(String file, String html) {
        PageFacts slow = JSOUP.parse(file, html, false);
        PageFacts quick = QUICK.scan(file, html);
        if (quick == null) return null;
        String where = file + ":\n" + html;
        assertEquals(List.of(), slow.problems(), () -> "QuickScan answered for a page with problems: " + where);
        assertEquals(List.of(), quick.problems(), where);
        assertEquals(slow.file(), quick.file(), where);
        assertEquals(slow.source(), quick.source(), where);
        assertEquals(slow.ids(), quick.ids(), where);
        assertEquals(slow.treeIds(), quick.treeIds(), where);
        assertEquals(sorted(slow.refs()), sorted(quick.refs()), where);
        return quick;
    }

    static List<String> sorted(List<PageFacts.Ref> refs) {
        return refs.stream().map(PageFacts.Ref::toString).sorted().toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void answersForEveryPageOfTheBuiltGuideWithTheSameFactsAsJsoup(@TempDir Path tmp) {
        for (String theme : List.of("default", "editorial")) {
            Path site = tmp.resolve(theme);
            Run.Outcome r = Run.build(Run.GUIDE, site, "--theme", theme, "--quiet");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            List<Path> pages = Run.htmlFiles(site);
            assertTrue(pages.size() > 5, "pages in " + site);
            for (Path page : pages) {
                String file = site.relativize(page).toString();
                assertNotNull(assertAgrees(file, read(page)), () -> theme + ": QuickScan fell back to jsoup on " + file);
            }
        }
    }

    /**
     * Real pages with one random slip each (a fragment of markup inserted, a span deleted or doubled, case changed):
     * QuickScan either still agrees with jsoup or leaves the page to it.
     */
    @Test
    void agreesWithJsoupOnMutatedGuidePages(@TempDir Path tmp) {
        Path site = tmp.resolve("site");
        Run.Outcome r = Run.build(Run.GUIDE, site, "--quiet");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Random rng = new Random(Long.getLong("quickscan.seed", 20260417L));
        int rounds = Integer.getInteger("quickscan.mutations", 150);
        for (Path page : Run.htmlFiles(site)) {
            String html = read(page);
            for (int i = 0; i < rounds; i++) assertAgrees(site.relativize(page) + " #" + i, mutate(html, rng));
        }
    }

    private static final String[] FRAGMENTS = {"<p>", "</p>", "<div>", "</div>", "<a href=\"m.html\">", "</a>", "<b>", "</b>", "<table>",
            "<td>", "<tr>", "<!--", "-->", "<", ">", "&", "&amp;", "\"", "'", "=", " ", "/", "<h1>", "<h3>", "<img src=\"m.png\">", "<svg>",
            "</svg>", "<title>", "</title>", "<script>", "</script>", "<br/>", "<li>", " id=\"main\" ", "<form>", "<button>", "<select>",
            "<template>", "</body>", "<body>", "</head>", "<head>", "<html>", "\0", "<style>", "<textarea>", "<!DOCTYPE html>", "<meta name=description content=x>",
            "</li>", "</ul>", "<ul>", "</nav>", "</tbody>", "<tbody>", "</span>", "<noscript>", "<math>", "<![CDATA[", "<?", "</", "<a name=\"x\">"};

    static String mutate(String html, Random rng) {
        int at = rng.nextInt(html.length());
        int length = Math.min(1 + rng.nextInt(20), html.length() - at);
        return switch (rng.nextInt(5)) {
            case 0 -> html.substring(0, at) + html.substring(at + length);
            case 1 -> html.substring(0, at) + html.substring(at, at + length) + html.substring(at);
            case 2 -> html.substring(0, at) + html.substring(at, at + length).toUpperCase(java.util.Locale.ROOT) + html.substring(at + length);
            default -> {
                int lt = html.indexOf('<', at); // at a tag boundary half of the time
                int where = lt >= 0 && rng.nextBoolean() ? lt : at;
                yield html.substring(0, where) + FRAGMENTS[rng.nextInt(FRAGMENTS.length)] + html.substring(where);
            }
        };
    }

    @Test
    void agreesWithJsoupOnTheFixtureSites() {
        for (Path page : Run.htmlFiles(FIXTURES)) {
            assertAgrees(FIXTURES.relativize(page).toString(), read(page));
        }
        for (Path page : Run.htmlFiles(FIXTURES.resolve("clean/site"))) {
            assertNotNull(assertAgrees(page.toString(), read(page)), page.toString());
        }
    }

    @Test
    void leavesEveryBrokenPageWithLocalProblemsToJsoup() {
        int withProblems = 0;
        for (Path page : Run.htmlFiles(FIXTURES.resolve("broken/site"))) {
            String html = read(page);
            if (!JSOUP.parse(page.toString(), html, false).problems().isEmpty()) {
                withProblems++;
                assertNull(QUICK.scan(page.toString(), html), page.toString());
            }
        }
        assertEquals(2, withProblems);
    }

    @Test
    void agreesWithJsoupOnTheHostileCasesBuiltAsSites(@TempDir Path tmp) throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(HOSTILE)) {
            for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                pages.addAll(Run.htmlFiles(dir)); // html written as fixtures, if any
                Path site = tmp.resolve(dir.getFileName().toString());
                if (Run.build(dir.resolve("content"), site, "--quiet").exitCode() == 0) pages.addAll(Run.htmlFiles(site));
            }
        }
        assertFalse(pages.isEmpty());
        for (Path page : pages) assertAgrees(page.toString(), read(page));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> snippets() {
        return Stream.of(
                // expected: "fast" = QuickScan answers (and agrees), "jsoup" = it must fall back, "either" = agree if it answers
                arguments("entities in href and id", "fast", "<p id=\"caf&eacute;\"><a href=\"a&amp;b.html?x=1&#x2F;2#caf&eacute;\">x</a></p>"),
                arguments("tricky references", "fast", "<a href=\"&amp=&ampx&amp;y&#X2f&#128512;&#x110000;&nbsp&notit;&not\">x</a>"),
                arguments("single, unquoted and bare attributes", "fast",
                        "<p><a href='single.html' id='s'>s</a> <a href=unquoted.html id=u>u</a> <input id=i disabled></p>"),
                arguments("uppercase tags and attributes", "fast", "<P ID=Up><A HREF=\"Up.html\" TITLE=\"\">UP</A></P><DIV STYLE=\"background:url(u.png)\"></DIV>"),
                arguments("duplicate attributes: the first wins", "fast", "<a href=\"first.html\" HREF=\"second.html\" id=one id=two>t</a>"),
                arguments("markup in a script string", "fast", "<script>var s = \"<a href=x.html>\"; var t = '</a>';</script>"),
                arguments("markup in a comment", "fast", "<!-- <a href=\"nope.html\"> --><p>after</p><!---->"),
                arguments("markup in raw text elements", "fast",
                        "<textarea id=t><a href=\"no.html\"></textarea><style>a::after{content:'<a href=no2>'} .x{background:url(bg.png)}</style>"),
                arguments("srcset with several candidates", "fast",
                        "<img src=\"a.png\" srcset=\"a.png 1x, b.png 2x,c.png 3x\" alt=\"a\"><picture><source srcset=\" d.webp 480w ,e.webp\"><img src=\"f.png\" alt=\"\"></picture>"),
                arguments("unicode ids", "fast", "<h2 id=\"déjà-vu\">D</h2><p id=\"日本語\">x</p><a href=\"#déjà-vu\">j</a><a href=\"#%E6%97%A5\">k</a>"),
                arguments("style urls", "fast", "<div style=\"background: url('bg.png'); mask: url(&quot;m.svg&quot;)\">x</div>"),
                arguments("a link named by an svg title", "fast",
                        "<a href=\"x.html\"><svg viewBox=\"0 0 1 1\" aria-hidden=\"true\"><title id=\"svg-t\">X</title><path d=\"M0 0\"/></svg></a>"),
                arguments("a link named by an image", "fast", "<a href=\"x.html\"><img src=\"i.png\" alt=\"X\"></a>"),
                arguments("a link named by attributes", "fast",
                        "<a href=\"x.html\" aria-label=\"X\"></a><a href=\"y.html\" title=\"Y\"> </a><a href=\"z.html\" aria-labelledby=\"top\"></a>"),
                arguments("anchors by name", "fast", "<a name=\"legacy\"></a><p id=\"legacy\">same name and id is no duplicate</p>"),
                arguments("media", "fast",
                        "<iframe src=\"frame.html\" title=\"f\"><a href=no.html></iframe><video src=\"v.mp4\"><track src=\"t.vtt\"></video><audio src=\"a.mp3\"></audio>"),
                arguments("a table", "fast",
                        "<table><caption>c</caption><thead><tr><th id=h>a</th></tr></thead>\n<tbody>\n<tr><td><a href=\"t.html\">t</a></td></tr></tbody></table>"),
                arguments("void elements written self-closing", "fast", "<p>a<br/>b<br />c<img src=\"x.png\" alt=\"x\"/></p><hr/>"),
                arguments("nested lists and headings", "fast",
                        "<h2>A</h2><ul><li>a<ol><li><a href=\"#top\">t</a></li></ol></li></ul><h3>B</h3><h2>C</h2><dl><dt>t</dt><dd>d</dd></dl>"),
                arguments("a decision tree", "fast",
                        "<script type=\"application/json\" class=\"x WM-Tree-Data\">{\"nodes\":[{\"id\":\"q\",\"answers\":[{\"target\":\"o\"}]},{\"id\":\"o\",\"evidence\":[{\"href\":\"e.html#a\\u0026b\"}]}]}</script>"),

                arguments("identical formatting elements nested deep", "fast",
                        "<p>" + "<b class=\"k\">".repeat(6) + "<a href=\"deep.html\">d</a>" + "</b>".repeat(6) + " <em id=e1><i><strong><code><s><u><small><sub><sup><mark><kbd><var><samp><abbr>x</abbr></samp></var></kbd></mark></sup></sub></small></u></s></code></strong></i></em></p>"),
                arguments("svg in a paragraph", "fast", "<p>a <svg class=\"i\" id=\"s1\"><g id=\"g1\"><rect width=\"1\" height=\"1\"/><text>t</text></g></svg> b</p>"),
                arguments("an entity as a link's only text", "jsoup", "<a href=\"x.html\">&amp;</a>"),
                arguments("a link without text", "jsoup", "<a href=\"x.html\"> <span> </span> </a>"),
                arguments("a link with only an empty alt", "jsoup", "<a href=\"x.html\"><img src=\"i.png\" alt=\" \"></a>"),
                arguments("a block in a paragraph", "jsoup", "<p><div>x</div></p>"),
                arguments("a formatting element left open across paragraphs", "jsoup", "<p><b id=\"x\">t</p><p>more</p>"),
                arguments("a link in a link", "jsoup", "<a href=\"a.html\">a<a href=\"b.html\">b</a></a>"),
                arguments("a row without tbody", "jsoup", "<table><tr><td>x</td></tr></table>"),
                arguments("text in a table", "jsoup", "<table>text<tbody><tr><td>x</td></tr></tbody></table>"),
                arguments("a template", "jsoup", "<template><a href=\"x.html\">t</a></template>"),
                arguments("math", "jsoup", "<math><mi>x</mi></math>"),
                arguments("CDATA", "jsoup", "<![CDATA[x]]>"),
                arguments("a processing instruction", "jsoup", "<?php echo 1 ?>"),
                arguments("a stray less-than sign", "jsoup", "<p>a < b</p>"),
                arguments("an unterminated comment", "jsoup", "<!-- open"),
                arguments("an unterminated quote", "jsoup", "<a href=\"x.html>t</a>"),
                arguments("an image without alt", "jsoup", "<img src=\"x.png\">"),
                arguments("a skipped heading level", "jsoup", "<h3>skip</h3>"),
                arguments("a second h1", "jsoup", "<h1>again</h1>"),
                arguments("a duplicate id", "jsoup", "<p id=\"top\">dup</p>"),
                arguments("a self-closing div", "jsoup", "<div/>x"),
                arguments("an image tag", "jsoup", "<image src=\"x.png\" alt=x>"),
                arguments("noscript", "jsoup", "<noscript><a href=\"x.html\">n</a></noscript>"),
                arguments("a meta description in body", "jsoup", "<meta name=\"description\" content=\"late\">"),
                arguments("a tree answer to a missing node", "jsoup",
                        "<script class=\"wm-tree-data\">{\"nodes\":[{\"id\":\"q\",\"answers\":[{\"target\":\"ghost\"}]}]}</script>"),
                arguments("escaped script data", "jsoup", "<script><!-- <script></script> --></script>"),
                arguments("a script end tag run into another", "jsoup", "<script src=\"a.js\"></script</script>\n<script src=\"b.js\"></script>"),
                arguments("a style end tag with attributes", "jsoup", "<style>p{}</style x=\"y\"><p>after</p>"),
                arguments("NUL in an attribute", "jsoup", "<a href=\"x\0.html\">x</a>"),
                arguments("NUL in a script", "jsoup", "<script>var a = 1;\0</script>"),
                arguments("a NUL character", "jsoup", "<p>a\0b</p>"),
                arguments("attributes without space between them", "jsoup", "<a href=\"x.html\"title=\"t\">t</a>"),
                arguments("an uppercase id in svg", "jsoup", "<svg><rect ID=\"r\"/></svg>"),

                arguments("whole page: uppercase", "fast", """
                        <!DOCTYPE HTML><HTML LANG="en"><HEAD><TITLE>T</TITLE><META NAME="Description" CONTENT="d"></HEAD>
                        <BODY><H1 ID="t">T</H1><A HREF="x.html">x</A></BODY></HTML>"""),
                arguments("whole page: source, CRLF and comments", "fast",
                        "<!-- built --><!DOCTYPE html>\r\n<html lang=\"en\" data-source=\"content/a &amp; b.md\">\r\n<head>\r\n<title>A &amp; B</title>\r\n"
                                + "<meta name=\"description\" content=\"d\">\r\n<link rel=\"stylesheet\" href=\"s.css\">\r\n</head>\r\n<!-- between -->\r\n"
                                + "<body>\r\n<h1>A</h1>\r\n<p><a\r\nhref=\"x.html\"\r\nid=\"x\">x</a></p>\r\n</body>\r\n</html>\r\n<!-- after -->\r\n"),
                arguments("whole page: no closing html tag", "fast",
                        "<!DOCTYPE html><html lang=en><head><title>T</title><meta name=description content=d></head><body><h1>T</h1></body>"),
                arguments("whole page: no doctype", "jsoup",
                        "<html lang=en><head><title>T</title><meta name=description content=d></head><body><h1>T</h1></body></html>"),
                arguments("whole page: no html tag", "jsoup",
                        "<!DOCTYPE html><head><title>T</title><meta name=description content=d></head><body><h1>T</h1></body></html>"),
                arguments("whole page: two titles", "jsoup",
                        "<!DOCTYPE html><html lang=en><head><title>T</title><title>U</title><meta name=description content=d></head><body><h1>T</h1></body></html>"),
                arguments("whole page: blank title", "jsoup",
                        "<!DOCTYPE html><html lang=en><head><title> &nbsp; </title><meta name=description content=d></head><body><h1>T</h1></body></html>"),
                arguments("whole page: blank lang", "jsoup",
                        "<!DOCTYPE html><html lang=\" \"><head><title>T</title><meta name=description content=d></head><body><h1>T</h1></body></html>"),
                arguments("whole page: blank description", "jsoup",
                        "<!DOCTYPE html><html lang=en><head><title>T</title><meta name=description content=\"&#32;\"></head><body><h1>T</h1></body></html>"),
                arguments("whole page: noscript in head", "jsoup",
                        "<!DOCTYPE html><html lang=en><head><title>T</title><noscript><link rel=stylesheet href=n.css></noscript><meta name=description content=d></head><body><h1>T</h1></body></html>"),
                arguments("whole page: a link between head and body", "jsoup",
                        "<!DOCTYPE html><html lang=en><head><title>T</title><meta name=description content=d></head><link rel=stylesheet href=late.css><body><h1>T</h1></body></html>"),
                arguments("whole page: a second body tag", "jsoup",
                        "<!DOCTYPE html><html lang=en><head><title>T</title><meta name=description content=d></head><body><h1>T</h1><body id=b></body></html>"),
                arguments("whole page: a byte order mark", "either",
                        "\uFEFF<!DOCTYPE html><html lang=en><head><title>T</title><meta name=description content=d></head><body><h1>T</h1></body></html>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void agreesWithJsoupOnTrickySnippets(String name, String expected, String snippet) {
        String html = name.startsWith("whole page") ? snippet : PAGE.formatted(snippet);
        PageFacts quick = assertAgrees("snippet.html", html);
        switch (expected) {
            case "fast" -> assertNotNull(quick, "QuickScan should answer for:\n" + html);
            case "jsoup" -> assertNull(quick, "QuickScan should leave this to jsoup:\n" + html);
            default -> {
            }
        }
    }

    /**
     * Thousands of generated pages, mostly well formed with a mistake here and there: QuickScan never disagrees with
     * jsoup, and answers for a good share of them.
     */
    @Test
    void agreesWithJsoupOnGeneratedPages() {
        Random rng = new Random(Long.getLong("quickscan.seed", 20260417L));
        int answered = 0;
        int pages = Integer.getInteger("quickscan.pages", 4000);
        for (int i = 0; i < pages; i++) {
            String html = new Generator(rng, i % 2 == 0).page();
            if (assertAgrees("generated-" + i + ".html", html) != null) answered++;
        }
        assertTrue(answered > pages / 10, "QuickScan answered for only " + answered + " of " + pages + " generated pages");
    }

    /** Random pages from a small HTML vocabulary, with occasional mistakes of the kinds that make jsoup repair a tree. */
    static final class Generator {
        private static final String[] BLOCKS = {"div", "section", "nav", "ul", "ol", "p", "table", "blockquote", "pre", "dl", "details", "form", "figure"};
        private static final String[] INLINE = {"span", "em", "strong", "b", "code", "a", "img", "br", "button", "label", "input", "svg", "time", "i"};
        private static final String[] RARE = {"template", "noscript", "math", "select", "object", "font", "nobr", "image", "xmp", "textarea",
                "iframe", "script", "style", "title", "meta", "link", "area", "source", "video", "col", "td", "tr", "li", "dt", "h2", "h1", "body", "html"};
        private static final String[] IDS = {"a", "b", "c", "top", "x", "déjà", "a&amp;b", "", "n1"};
        private static final String[] URLS = {"x.html", "#a", "../y.html#b", "a&amp;b.html", "&#x2F;abs", "https://e.example/", "", " sp ace ", "q?x=1&y=2", "&eacute;"};
        private static final String[] TEXT = {"word", " ", "\n", "&amp;", "&nbsp;", "caf&eacute;", "x", "  two words ", "&", "<", "\u00a0", "é"};
        private final Random rng;
        /** Careful pages are well formed but for rare slips; sloppy ones have the mistakes authors and tools make. */
        private final boolean sloppy;
        private final StringBuilder out = new StringBuilder();
        private int budget = 60;
        private int serial;

        Generator(Random rng, boolean sloppy) {
            this.rng = rng;
            this.sloppy = sloppy;
        }

        private boolean chance(int percent) {
            return rng.nextInt(100) < percent;
        }

        /** A mistake: as likely as said on a sloppy page, ten times rarer on a careful one. */
        private boolean slip(int percent) {
            return rng.nextInt(sloppy ? 100 : 1000) < percent;
        }

        private String id() {
            return sloppy || chance(5) ? pick(IDS) : "id-" + serial++;
        }

        private String pick(String[] options) {
            return options[rng.nextInt(options.length)];
        }

        private String name(String tag) {
            if (!chance(5)) return tag;
            return chance(50) ? tag.toUpperCase(java.util.Locale.ROOT) : Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        }

        private void attr(String name, String value) {
            out.append(slip(3) ? "" : " ").append(chance(4) ? name.toUpperCase(java.util.Locale.ROOT) : name);
            if (value == null) return;
            int quoting = rng.nextInt(10);
            if (quoting < 7) out.append("=\"").append(value).append('"');
            else if (quoting < 9) out.append("='").append(value).append('\'');
            else out.append('=').append(value.isEmpty() ? "v" : value.replace(' ', '_'));
        }

        private void attributes(String tag) {
            if (chance(20)) attr("id", id());
            if (slip(5)) attr("id", id());
            if (chance(6)) attr("style", "color:red;background:url(" + pick(URLS) + ")");
            if (chance(5)) attr("class", chance(50) ? "wm-tree-data" : "a b");
            if (chance(3)) attr("hidden", null);
            switch (tag) {
                case "a" -> {
                    if (chance(85)) attr("href", pick(URLS));
                    if (chance(10)) attr("name", id());
                    if (chance(8)) attr(chance(50) ? "aria-label" : "title", chance(70) ? "Label" : " ");
                }
                case "img", "source" -> {
                    if (chance(80)) attr("src", pick(URLS));
                    if (chance(20)) attr("srcset", pick(URLS) + " 1x, " + pick(URLS) + " 2x");
                    if (!slip(15)) attr("alt", chance(60) ? "Alt" : chance(50) ? "" : " ");
                }
                case "link", "area" -> attr("href", pick(URLS));
                case "iframe", "video", "script" -> {
                    if (chance(70)) attr("src", pick(URLS));
                }
                default -> {
                }
            }
            if (slip(2)) attr("id", id());
        }

        private void text() {
            int words = rng.nextInt(3);
            for (int i = 0; i < words; i++) {
                String word = pick(TEXT);
                out.append(word.equals("<") && !slip(10) ? "&lt;" : word);
            }
        }

        private void element(int depth, boolean inline) {
            if (--budget < 0) return;
            int kind = rng.nextInt(100);
            String tag = kind < 35 ? pick(BLOCKS) : kind < 90 ? pick(INLINE) : kind < 95 ? "h" + (1 + rng.nextInt(6)) : pick(RARE);
            if (!sloppy && (kind >= 95 || inline && kind < 35 || inline && kind >= 90)) tag = pick(INLINE);
            if (!sloppy && kind >= 90 && kind < 95 && !inline) tag = "h2";
            if (slip(3)) {
                out.append(pick(new String[]{"<!-- c -->", "<!-->", "<!", "</>", "<?x?>", "<![CDATA[y]]>", "</p>", "</div>", "<br/>"}));
            }
            switch (tag) {
                case "ul", "ol" -> list(tag, "li", depth);
                case "dl" -> list(tag, chance(50) ? "dt" : "dd", depth);
                case "table" -> table(depth);
                case "svg" -> svg();
                case "script" -> raw(tag, chance(30) ? tree() : "var s = \"<a href=x>\";");
                case "style" -> raw(tag, ".x{background:url(" + pick(URLS) + ")}");
                case "textarea", "xmp", "iframe", "title" -> raw(tag, chance(50) ? "<a href=\"no.html\">t</a>" : "plain");
                default -> container(tag, depth, inline);
            }
            if (chance(30)) text();
        }

        private void open(String tag) {
            out.append('<').append(name(tag));
            attributes(tag);
            if (slip(2)) out.append('/');
            out.append('>');
        }

        private void close(String tag) {
            if (slip(3)) return; // forgotten end tag
            out.append("</").append(name(tag)).append('>');
        }

        private void container(String tag, int depth, boolean inline) {
            open(tag);
            if (List.of("img", "br", "input", "meta", "link", "area", "source", "col", "image").contains(tag)) return;
            text();
            int children = depth > 4 ? 0 : rng.nextInt(4);
            boolean inlineOnly = inline || List.of("p", "span", "em", "strong", "b", "code", "a", "button", "label", "time", "i", "pre",
                    "h1", "h2", "h3", "h4", "h5", "h6").contains(tag);
            for (int i = 0; i < children; i++) {
                if (tag.equals("a") && !sloppy) text(); // careful pages keep links out of links, and named
                else element(depth + 1, inlineOnly);
            }
            if (tag.equals("a") && !sloppy) out.append("link");
            text();
            close(tag);
        }

        private void list(String tag, String item, int depth) {
            open(tag);
            int items = 1 + rng.nextInt(3);
            for (int i = 0; i < items; i++) {
                if (!slip(5)) container(item, depth + 1, false);
                else element(depth + 1, false);
                if (chance(50)) out.append('\n');
            }
            close(tag);
        }

        private void table(int depth) {
            open("table");
            if (chance(20)) container("caption", depth + 1, false);
            boolean body = !slip(10);
            if (body) open(chance(20) ? "thead" : "tbody");
            if (slip(5)) text();
            for (int r = 1 + rng.nextInt(2); r > 0; r--) {
                open("tr");
                for (int c = 1 + rng.nextInt(2); c > 0; c--) container(chance(20) ? "th" : "td", depth + 2, false);
                close("tr");
                out.append('\n');
            }
            if (body) out.append("</tbody>");
            close("table");
        }

        private void svg() {
            out.append("<svg viewBox=\"0 0 10 10\"");
            if (chance(20)) attr("id", id());
            out.append('>');
            if (chance(60)) out.append("<title").append(chance(30) ? " id=\"" + id() + "\"" : "").append(">Pic</title>");
            if (chance(20)) out.append("<desc>d</desc>");
            out.append(chance(50) ? "<path d=\"M0 0\"/>" : "<g><rect width=\"1\" height=\"1\"/><text x=\"1\">t</text></g>");
            if (slip(5)) out.append("<p>in svg</p>");
            out.append("</svg>");
        }

        private String tree() {
            String target = slip(20) ? "ghost" : "o";
            return "{\"nodes\":[{\"id\":\"q\",\"answers\":[{\"target\":\"" + target + "\"}]},{\"id\":\"o\",\"evidence\":[{\"href\":\"" + pick(URLS) + "\"}]}]}";
        }

        private void raw(String tag, String content) {
            open(tag);
            out.append(content);
            if (!slip(5)) out.append("</").append(tag).append('>');
        }

        String page() {
            if (!slip(5)) out.append("<!DOCTYPE html>\n");
            out.append("<html");
            if (!slip(10)) attr("lang", slip(5) ? " " : "en");
            if (chance(30)) attr("data-source", "content/p&amp;q.md");
            out.append(">\n<head>\n<meta charset=\"utf-8\">\n");
            if (!slip(5)) out.append("<title>").append(slip(5) ? "&nbsp;" : "Title").append("</title>\n");
            if (slip(3)) out.append("<title>Again</title>\n");
            if (!slip(5)) out.append("<meta name=\"description\" content=\"").append(slip(5) ? "" : "Desc").append("\">\n");
            if (chance(50)) out.append("<link rel=\"stylesheet\" href=\"").append(pick(URLS)).append("\">\n");
            if (chance(30)) out.append("<script src=\"").append(pick(URLS)).append("\"></script>\n");
            if (slip(5)) element(0, false);
            out.append("</head>\n<body>\n");
            if (!slip(5)) out.append("<h1>Heading</h1>\n");
            int blocks = 1 + rng.nextInt(6);
            for (int i = 0; i < blocks; i++) {
                element(0, false);
                out.append('\n');
            }
            out.append("</body>\n");
            if (chance(90)) out.append("</html>\n");
            return out.toString();
        }
    }
}

package dev.waymark.check;

import dev.waymark.Pipeline;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential: wherever {@link WellFormedReader} answers, its facts are {@link PageScanner}'s (jsoup's) for the same
 * bytes; and it leaves to jsoup each kind of page whose tree jsoup builds by rules it does not follow.
 */
class WellFormedReaderTest {
    private static final Path SITES = Run.ROOT.resolve("src/test/resources/sites");

    /** Reads every built page both ways; returns how many the reader answered for. */
    private static int compare(Path site) throws IOException {
        PageScanner scanner = new PageScanner();
        WellFormedReader reader = new WellFormedReader(scanner.shared);
        int answered = 0;
        for (Path file : Run.htmlFiles(site)) {
            String rel = site.relativize(file).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(file);
            PageFacts fast = reader.read(rel, bytes);
            if (fast != null) {
                assertEquals(scanner.read(rel, bytes, false), fast, rel + " of " + site);
                answered++;
            }
        }
        return answered;
    }

    private static Path build(Path content, Path out, String theme) {
        Pipeline.Result result = new Pipeline().build(new Pipeline.Options(content, out, Run.THEMES, theme, false));
        assertTrue(!result.failed(), result.diagnostics().toString());
        return out;
    }

    @Test
    void answersLikeJsoupOnTheFixturesAndTheGuide(@TempDir Path tmp) throws IOException {
        for (String site : List.of("mini", "code", "widget", "languages")) {
            Path out = build(SITES.resolve(site).resolve("content"), tmp.resolve(site), "");
            compare(out);
        }
        for (String theme : List.of("default", "editorial")) {
            Path out = build(Run.GUIDE, tmp.resolve("guide-" + theme), theme);
            int pages = Run.htmlFiles(out).size();
            int answered = compare(out);
            // the point of the reader: the guide's own pages do not need a jsoup tree
            assertTrue(answered * 10 >= pages * 9, answered + " of " + pages + " pages of the guide with " + theme);
        }
    }

    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="en" data-x="1">
            <head>
            <meta charset="utf-8">
            <title>Page &amp; more</title>
            <meta name="description" content="About it.">
            <link rel="stylesheet" href="style.css">
            <script src="app.js" defer></script>
            </head>
            """;

    private static String page(String body) {
        return HEAD + "<body class=\"k\">\n<h1 id=\"top\">Title</h1>\n" + body + "\n</body>\n</html>\n";
    }

    private static PageFacts both(String html) {
        PageScanner scanner = new PageScanner();
        WellFormedReader reader = new WellFormedReader(scanner.shared);
        PageFacts fast = reader.read("p.html", html);
        // read from the page's bytes (as the build does: its own UTF-8 decoding) the answer is the same
        assertEquals(fast, reader.read("p.html", html.getBytes(StandardCharsets.UTF_8)), html);
        if (fast != null) assertEquals(scanner.read("p.html", html.getBytes(StandardCharsets.UTF_8), false), fast, html);
        return fast;
    }

    @Test
    void decodesUtf8AsJsoupDoesAndLeavesInvalidBytesToIt() {
        String html = page("<p>é ◐ 😀 <a href=\"ü/é.html#ß\" title=\"◐\">ï 😀</a> <img src=\"😀.png\" alt=\"ø\"></p>"
                + "<h2 id=\"ñ😀\">x</h2><a href=\"#ñ😀\">to ñ</a>");
        PageFacts facts = both(html);
        assertNotNull(facts);
        assertTrue(facts.ids().contains("ñ😀") && facts.refs().stream().anyMatch(r -> r.url().equals("ü/é.html#ß")), facts.toString());
        WellFormedReader reader = new WellFormedReader(new PageScanner().shared);
        byte[] good = html.getBytes(StandardCharsets.UTF_8);
        int at = html.indexOf("<p>") + 3; // an ASCII position, so the byte and char offsets agree before it
        assertEquals(at, new String(good, 0, at, StandardCharsets.UTF_8).length());
        // an overlong form, a lone continuation byte, a sequence cut short, an encoded surrogate, past U+10FFFF, F5, C1
        List<byte[]> bad = List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x97},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC1, (byte) 0xBF},
                new byte[] {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, new byte[] {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
                new byte[] {0}, new byte[] {'\r'});
        for (byte[] b : bad) {
            byte[] page = new byte[good.length + b.length];
            System.arraycopy(good, 0, page, 0, at);
            System.arraycopy(b, 0, page, at, b.length);
            System.arraycopy(good, at, page, at + b.length, good.length - at);
            assertNull(reader.read("p.html", page), java.util.Arrays.toString(b));
        }
        // a page ending in a cut sequence
        byte[] cut = java.util.Arrays.copyOf(good, good.length + 1);
        cut[good.length] = (byte) 0xC3;
        assertNull(reader.read("p.html", cut));
    }

    @Test
    void linksRepeatedFromPageToPageAreReadExactly() {
        // one reader (as on a render worker) over pages whose links differ in a character, a length, an attribute or
        // a character reference: what it recalls of earlier pages must never stand for another link
        PageScanner scanner = new PageScanner();
        WellFormedReader reader = new WellFormedReader(scanner.shared);
        List<String> hrefs = List.of("x.html", "x.htm", "x.html#a", "y.html", "../x.html", "x.html?a=1&amp;b=2", "x.html?a=1&amp;b=3",
                "", "#", "style.css");
        for (int i = 0; i < 60; i++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < hrefs.size(); k++) {
                String href = hrefs.get((i + k) % hrefs.size());
                body.append("<p><a href=\"").append(href).append("\">l</a><img src=\"").append(href).append("\" alt=\"i\">")
                        .append("<a href=\"p").append(i).append(".html\">n</a></p>\n");
            }
            String html = page(body.toString()).replace("href=\"style.css\"", "href=\"" + hrefs.get(i % hrefs.size()) + "\"");
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            PageFacts fast = reader.read("p" + i + ".html", bytes);
            assertNotNull(fast, html);
            assertEquals(scanner.read("p" + i + ".html", bytes, false), fast, html);
        }
        // and so many links that they must share the reader's memory of recent ones, each in two attributes
        for (int i = 0; i < 40; i++) {
            StringBuilder body = new StringBuilder("<p>");
            for (int k = 0; k < 500; k++) {
                String url = "../s" + (k % 7) + "/p" + (i * 500 + k) + ".html";
                body.append("<a href=\"").append(url).append("\">l</a><img src=\"").append(url).append("\" alt=\"i\">");
            }
            byte[] bytes = page(body + "</p>").getBytes(StandardCharsets.UTF_8);
            assertEquals(scanner.read("q" + i + ".html", bytes, false), reader.read("q" + i + ".html", bytes), "page " + i);
        }
    }

    @Test
    void startTagsRememberedFromEarlierPagesNeverStandForOthers() {
        // one reader (as on a render worker) remembers each start tag it has read; a page whose tag matches an earlier
        // one only in part must still get its own facts, and a remembered tag in another place its own treatment
        PageScanner scanner = new PageScanner();
        WellFormedReader warm = new WellFormedReader(scanner.shared);
        List<String> bodies = List.of(
                // "Aa" and "BB" have the same String hash: these tags have the same hash and length, only their characters differ
                "<p><a href=\"Aa.html\">a</a></p>", "<p><a href=\"BB.html\">b</a></p>",
                // the first '>' is inside a value: the tag runs on past it
                "<p><a title=\"x>y\" href=\"one.html\">1</a></p>", "<p><a title=\"x>y\" href=\"two.html\">2</a></p>",
                // the same tags where jsoup builds another tree, or where they make a problem
                "<ul><li id=\"n\">x</li></ul>", "<div><li id=\"n\">x</li></div>",
                "<p><img src=\"i.png\" alt=\"i\"></p>", "<p><img src=\"i.png\"></p>",
                "<div id=\"d\">x</div>", "<div id=\"d\"><div id=\"d\">x</div></div>",
                "<h2 id=\"s\">a</h2>", "<h4 id=\"s\">a</h4>",
                "<p><a href=\"k.html\">k</a></p>", "<p><a href=\"k.html\">k</a> <a href=\"k.html\"></a></p>",
                // upper case and character references, and one character changed in a decoded value
                "<p><A HREF=\"x.html?a=1&amp;b=2\">u</A></p>", "<p><a href=\"x.html?a=1&amp;b=3\">u</a></p>",
                "<p><a href=\"x.html?a=1&amp;b=2\" style=\"background:url(s.png)\">u</a></p>");
        int answered = 0;
        for (int round = 0; round < 3; round++) {
            for (String body : bodies) {
                byte[] bytes = page(body).getBytes(StandardCharsets.UTF_8);
                PageFacts fresh = new WellFormedReader(new PageScanner().shared).read("p.html", bytes);
                PageFacts fast = warm.read("p.html", bytes);
                assertEquals(fresh, fast, body);
                if (fast != null) {
                    assertEquals(scanner.read("p.html", bytes, false), fast, body);
                    answered++;
                }
            }
        }
        assertEquals(3 * 12, answered); // the five with a problem or another tree are left to jsoup every time
    }

    @Test
    void readsAPageOverAMegabyteAsTheStreamingScannerDoes() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() <= PageScanner.WHOLE; i++) {
            body.append("<li><a href=\"../s-").append(i % 97).append("/p-").append(i).append("/index.html\">Pägé ").append(i)
                    .append(" ◐</a></li>\n");
        }
        byte[] bytes = page("<ul id=\"all\">\n" + body + "</ul>").getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > PageScanner.WHOLE);
        PageScanner scanner = new PageScanner();
        PageFacts fast = new WellFormedReader(scanner.shared).read("search/index.html", bytes);
        assertNotNull(fast);
        assertEquals(scanner.read("search/index.html", bytes, false), fast); // streamed through the decoder
        // the build's recording takes such a page from the reader
        RenderedPages rendered = new RenderedPages();
        rendered.rendered("search/index.html", bytes);
        assertEquals(1, rendered.readWithoutTree());
        assertEquals(fast, rendered.facts("search/index.html").orElseThrow());
    }

    @Test
    void answersForWellFormedMarkup() {
        List<String> bodies = List.of(
                "<p>Hello <a href=\"x.html\">x</a> and <em>more</em>.</p>",
                "<table>\n<thead>\n<tr><th id=\"h\">A</th></tr>\n</thead>\n<tbody>\n<tr><td><a href=\"t.html#a\">t</a></td></tr>\n</tbody>\n</table>",
                "<p><a href=\"a?b=1&amp;c=2&#39;&#x41;&quot;&lt;&gt;\">q</a> a &lt; b and a < b &amp; c</p>",
                "<a href=\"#x\" aria-label=\"Label\"></a><a href=\"y.html\" title=\"t\"></a>",
                "<a href=\"z.html\"><img src=\"i.png\" alt=\"icon\" srcset=\"i.png 1x, i2.png 2x\"></a>",
                "<style>p { background: url(s.png) } @import \"t.css\";</style><p style=\"background:url('u.png')\">s</p>",
                "<script class=\"wm-tree-data\" type=\"application/json\">{\"id\":\"a\",\"href\":\"b.html\",\"target\":\"a\"}</script>",
                "<dl><dt>a</dt><dd>b</dd></dl><pre><code>x &lt; y\n</code></pre><!-- a comment --><br/><hr>",
                "<ul><li><a href=\"1.html\">1</a><ul><li><a href=\"2.html\" aria-current=\"page\">2</a></li></ul></li></ul>",
                "<DIV ID=\"u\">x</DIV><a href=\"1.html\" href=\"2.html\" name=\"n\">first wins</a><input type=text value='v'>",
                "<form action=\"search.html\"><label for=\"q\">Q</label><input id=\"q\" name=\"q\"><button type=\"submit\">Go</button></form>",
                "<h2 id=\"a\">A</h2><h3>B</h3><h2>C</h2><iframe src=\"f.html\"></iframe><video src=\"v.mp4\"></video>",
                "<nav aria-label=\"x\"><a href=\"../\">Home</a> <a href=\"https://example.com/é?x=1\">Out</a></nav>",
                "<p>An icon <svg viewBox=\"0 0 4 4\" id=\"s\"><title>t</title><defs><marker id=\"m\"><path d=\"M0 0\"/></marker></defs>"
                        + "<g style=\"fill:url(#m)\"><text x=\"1\">label<tspan>2</tspan></text><line x1=\"0\"/></g></svg>.</p>",
                "<a href=\"i.html\"><svg><text>label</text></svg></a><svg/>",
                "<a href=\"x.html\"><svg><title>named by its svg title</title></svg></a>",
                "<textarea id=\"t\">\n<a href=\"not-a-link.html\">x</a> &amp;</textarea>",
                "<table><caption id=\"c\"><a href=\"cap.html\">Cap</a></caption><tbody><tr><td>1</td></tr></tbody></table>");
        for (String body : bodies) assertNotNull(both(page(body)), body);
        // the html element's attributes come last, as jsoup closes it at the end
        String html = page("<p>x</p>").replace("<html lang=\"en\" data-x=\"1\">", "<html lang=\"en\" id=\"h\" style=\"background:url(h.png)\">");
        assertNotNull(both(html));
    }

    @Test
    void leavesToJsoupWhatItDoesNotBuildTheSameWay() {
        List<String> bodies = List.of(
                "<p>unclosed",
                "<p><div>x</div></p>",
                "<b><i>x</b></i>",
                "<table><tr><td>x</td></tr></table>",
                "<table>text</table>",
                "<a href=\"x.html\">&nbsp;</a>",
                "<a href=\"x.html\"></a>",
                "<script>if (a<!--b) {}</script>",
                "<img src=\"a.png\">",
                "<div id=\"d\">1</div><div id=\"d\">2</div>",
                "<ul><li>a<li>b</ul>",
                "<h2>a</h2><h4>b</h4>",
                "<h1>second</h1>",
                "<div/>",
                "<p>x</p></div>",
                "<a href=\"1.html\">a <a href=\"2.html\">b</a></a>",
                "<a href=\"?a=1&b=2\">x</a>",
                "<a href=\"x.html\" title=\"&#10;\"></a>",
                "<select><option>a</option></select>",
                "<script class=\"wm-tree-data\">{\"id\":\"a\",\"target\":\"b\"}</script>",
                "<form><form></form></form>",
                "<li>x</li>",
                "<td>x</td>",
                "<noscript>x</noscript>",
                "<math><mi>x</mi></math>",
                "text\r\nwith a carriage return",
                "<br></br>",
                "<svg><a href=\"x.html\">x</a></svg>",
                "<svg><style>p{}</style></svg>",
                "<svg><p>out</p></svg>",
                "<svg><foreignObject><div>x</div></foreignObject></svg>",
                "<svg><title><path/>t</title></svg>",
                "<div>".repeat(250) + "deep" + "</div>".repeat(250));
        for (String body : bodies) assertNull(both(page(body)), body);
        assertNull(both(page("<p>x</p>").replace("<title>Page &amp; more</title>", "<title>&nbsp;</title>")));
        assertNull(both(page("<p>x</p>").replace(" lang=\"en\"", "")));
        // jsoup hands the body element over twice, so an id on it reads as a duplicate
        assertNull(both(page("<p>x</p>").replace("<body class=\"k\">", "<body id=\"b\">")));
        assertNull(both(page("<p>x</p>").replace("<meta name=\"description\" content=\"About it.\">", "")));
        assertNull(both(page("<p>x</p>").replace("<!DOCTYPE html>\n", "")));
        assertNull(both(page("<p>x</p>").replace("</head>", "<div>in head</div></head>")));
        assertNull(both(page("<p>x</p>").replace("</body>\n</html>", "</body>\n<p>after</p></html>")));
    }
}

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
        PageFacts fast = new WellFormedReader(scanner.shared).read("p.html", html);
        if (fast != null) assertEquals(scanner.read("p.html", html.getBytes(StandardCharsets.UTF_8), false), fast, html);
        return fast;
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

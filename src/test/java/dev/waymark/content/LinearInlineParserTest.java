package dev.waymark.content;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inline parsing stays linear in the length of a paragraph. The check compares the parse times of two sizes (a
 * ratio, not a time limit, so a slow machine does not fail it): four times the text must take well under sixteen
 * times as long, which is what the quadratic parser took.
 */
class LinearInlineParserTest {
    private final Markdown markdown = new Markdown();

    private static String paragraph(int bytes) {
        String unit = "word *emph* [link](index.md) ";
        return unit.repeat(bytes / unit.length()) + "\n";
    }

    /** CPU time of this thread: other processes on the machine and the collector's threads do not count. */
    private long nanos(String text) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        markdown.parser().parse(text);
        return cpu.getCurrentThreadCpuTime() - start;
    }

    /** The fastest CPU time of each size's parse, over interleaved runs. */
    private record Times(long small, long large) {
        double ratio() {
            return (double) large / small;
        }
    }

    /** {@link #fastest(String, String, int, double)} for the 4x inputs, whose bound is 8x. */
    private Times fastest(String small, String large, int rounds) {
        return fastest(small, large, rounds, 8);
    }

    /**
     * Warms the JIT up on both sizes, then keeps the fastest of {@code rounds} interleaved runs: never a cold one. While
     * the ratio is at or over {@code limit}, up to four times as many rounds more are run: on a loaded machine one slow
     * run of the small input (caches and TLB shared with other work count in thread CPU time) can make a linear parser
     * look 9-12x in 4x (seen at load 3.5-4.7 on 2 cores). More rounds only lower each minimum, so a quadratic parser,
     * ~16x at best, still fails.
     */
    private Times fastest(String small, String large, int rounds, double limit) {
        nanos(small);
        nanos(large);
        long tSmall = Long.MAX_VALUE;
        long tLarge = Long.MAX_VALUE;
        for (int i = 0; i < rounds || i < 5 * rounds && (double) tLarge / tSmall >= limit; i++) {
            tSmall = Math.min(tSmall, nanos(small));
            tLarge = Math.min(tLarge, nanos(large));
        }
        return new Times(tSmall, tLarge);
    }

    /** Fails unless 4x the input took less than 8x as long: linear is ~4x, quadratic ~16x. */
    private static void assertLinear(Times t, String what) {
        assertTrue(t.ratio() < 8, String.format("%s took %.1fx as long (%d ms vs %d ms); linear is ~4x, quadratic ~16x",
                what, t.ratio(), t.large() / 1_000_000, t.small() / 1_000_000));
    }

    /** The HTML Waymark's parser gives for {@code md}, after asserting that stock flexmark gives the same. */
    private String asStockFlexmark(String md) {
        String html = markdown.renderer(List.of()).render(markdown.parser().parse(md));
        var stock = com.vladsch.flexmark.parser.Parser.builder(markdown.options()).build();
        assertEquals(markdown.renderer(List.of()).render(stock.parse(md)), html);
        return html;
    }

    @Test
    void aParagraphOfLinksAndEmphasisParsesInLinearTime() {
        Times t = fastest(paragraph(50 * 1024), paragraph(200 * 1024), 4);
        assertTrue(t.ratio() < 8, String.format("200 KB took %.1fx as long as 50 KB (%d ms vs %d ms); linear is ~4x, quadratic ~16x",
                t.ratio(), t.large() / 1_000_000, t.small() / 1_000_000));
    }

    @Test
    void linksEmphasisAndReferenceDefinitionsParseAsBefore() {
        String md = "A *b* [c *d*](e.md) [ref][r] **f** [g](h.md){.x}\n\n[r]: https://example.org/r \"T\"\n";
        String html = markdown.renderer(List.of()).render(markdown.parser().parse(md));
        assertEquals("<p>A <em>b</em> <a href=\"e.md\">c <em>d</em></a> <a href=\"https://example.org/r\" title=\"T\">ref</a>"
                + " <strong>f</strong> <a href=\"h.md\" class=\"x\">g</a></p>\n", html);
    }

    private static String backtickRuns(int longest) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= longest; i++) sb.append("`".repeat(i)).append(' ');
        return sb.append('\n').toString();
    }

    @Test
    void unmatchedBacktickRunsOfEveryLengthParseInLinearTime() {
        // runs of 1..k backticks, none closed: 64 times the text (eight times k) costs 512x when each run reads
        // all later runs (n^1.5), 64x when it does not
        Times t = fastest(backtickRuns(300), backtickRuns(2400), 3, 200);
        assertTrue(t.ratio() < 200, String.format("64x the backticks took %.1fx as long (%d ms vs %d ms); linear is ~64x, n^1.5 ~512x",
                t.ratio(), t.large() / 1_000_000, t.small() / 1_000_000));
    }

    @Test
    void codeSpansParseAsFlexmarkParsesThem() {
        String md = "`a` ``b`` ``c` d` ```e`` f``` `g ``h`` `` i ` ``` j\n\nk `` l\nm `` n ` o\n";
        String html = markdown.renderer(List.of()).render(markdown.parser().parse(md));
        assertEquals("<p><code>a</code> <code>b</code> <code>c` d` ```e</code> f<code>`g ``h`` `` i `</code> j</p>\n"
                + "<p>k <code>l m</code> n ` o</p>\n", html);
        var stock = com.vladsch.flexmark.parser.Parser.builder(markdown.options()).build();
        assertEquals(markdown.renderer(List.of()).render(stock.parse(md)), html);
    }

    @Test
    void closersRefusedByTheRuleOfThreeParseInLinearTime() {
        // "a**b c* c* c* ...": the ** can open and close, so each c* (1 + 2 = 3) refuses it; flexmark then searched the
        // whole stack again for every closer (240 KB took 49 s)
        Times t = fastest("a**b" + "c* ".repeat(15_000) + "\n", "a**b" + "c* ".repeat(60_000) + "\n", 5);
        assertLinear(t, "4x the closers");
    }

    @Test
    void emphasisParsesAsFlexmarkParsesIt() {
        // runs whose lengths meet the rule of three, partly used openers, and closers that can also open
        String md = "a**b c* c* *x* ***y** z* **a***b* _a__b_ ***a*b**c*** *]***~~(x)a****[* *a*a__** \"*a\"* ****b***\n";
        String html = asStockFlexmark(md);
        assertEquals("<p>a<strong>b c* c* <em>x</em> <em><strong>y</strong> z</em> <strong>a</strong><em>b</em> <em>a__b</em>"
                + " <strong><em>a</em>b</strong>c</strong>* <em>]</em><strong>~~(x)a****[* <em>a</em>a__</strong>"
                + " &ldquo;*a&rdquo;* *<em><strong>b</strong></em></p>\n", html);
    }

    @Test
    void linkTitlesWithoutACloserParseInLinearTime() {
        // "[ (](" repeated: after every "](" the space before "(" starts a title, and flexmark's title pattern read the
        // rest of the paragraph looking for ")" (25 KB took 6 s, and one regex stack frame per character)
        Times t = fastest("[ (](".repeat(1_000) + "\n", "[ (](".repeat(4_000) + "\n", 3);
        assertLinear(t, "4x the links");
    }

    @Test
    void linkTitlesParseAsFlexmarkParsesThem() {
        // titles in quotes and parentheses, closed, unclosed, with escaped closers, and across lines
        String md = "[a](b \"t\") [c](d 'u') [e](f (v)) [g](h (w\n[i](j \"x\\\") [k](l 'y\\' [m](n (z\\) [o](p \"q)"
                + " [ (](\n[ (]( \"\n[r](s \"two\nlines\")\n";
        String html = asStockFlexmark(md);
        assertEquals("<p><a href=\"b\" title=\"t\">a</a> <a href=\"d\" title=\"u\">c</a> <a href=\"f\" title=\"v\">e</a>"
                + " [g](h (w\n[i](j &quot;x&quot;) [k](l &rsquo;y' [m](n (z) [o](p &quot;q) [ (](\n"
                + "[ (]( &quot;\n<a href=\"s\" title=\"two\nlines\">r</a></p>\n", html);
    }

    @Test
    void titlesWhoseCloserComesOnlyEscapedParseInLinearTime() {
        // "[a](b (\\)" repeated: the title pattern read every "\\)" as an escaped closer up to the end of the paragraph,
        // then backtracked to the last one, with a few regex stack frames per character (10,000 took 45 s, and 20,000
        // overflowed the build's 64 MB stack)
        Times t = fastest("[a](b (\\)".repeat(10_000) + "\n", "[a](b (\\)".repeat(40_000) + "\n", 5);
        assertLinear(t, "4x the links");
    }

    /** The HTML of {@code md}, parsed and rendered on a thread with a 256 KB stack; null if that failed. */
    private String onASmallStack(String md) throws InterruptedException {
        String[] html = new String[1];
        Thread t = new Thread(null, () -> html[0] = markdown.renderer(List.of()).render(markdown.parser().parse(md)), "small-stack", 256 * 1024);
        t.start();
        t.join();
        return html[0];
    }

    private static void assertSameHtml(String expected, String html) {
        assertTrue(expected.equals(html), () -> html == null ? "the parser failed" : "other HTML: " + html.substring(0, Math.min(200, html.length())));
    }

    @Test
    void aLongTitleParsesOnASmallStack() throws InterruptedException {
        // the title pattern took a few stack frames per character: a 100 KB title needed megabytes of stack
        String html = onASmallStack("[a](b \"" + "x\\\"".repeat(50_000) + "\")\n");
        assertSameHtml("<p><a href=\"b\" title=\"" + "x&quot;".repeat(50_000) + "\">a</a></p>\n", html);
    }

    @Test
    void aLongDestinationInAngleBracketsParsesOnASmallStack() throws InterruptedException {
        // so did the pattern of a destination in angle brackets: 400 KB overflowed the build's 64 MB stack
        String html = onASmallStack("[a](<" + "x\\>".repeat(50_000) + ">)\n");
        assertSameHtml("<p><a href=\"" + "x&gt;".repeat(50_000) + "\">a</a></p>\n", html);
    }

    @Test
    void destinationsInAngleBracketsParseAsFlexmarkParsesThem() {
        // closed, escaped closers, a backslash alone, and the characters that end one without a match
        String md = "[a](<b>) [c](<d\\>e>) [f](<g\\\\>) [h](<i\\j>) [k](<l m>) [n](<o<p>) [q](<r\nx>) [s](<t) [u](<>)\n\n"
                + "[v]: <w\\>x>\n\n[v]\n";
        String html = asStockFlexmark(md);
        assertEquals("<p><a href=\"b\">a</a> <a href=\"d&gt;e\">c</a> <a href=\"g\\\">f</a> <a href=\"i\\j\">h</a> [k](<l m>)"
                + " <a href=\"o&lt;p\">n</a> [q](<r\nx>) <a href=\"&lt;t\">s</a> <a href=\"\">u</a></p>\n"
                + "<p><a href=\"w&gt;x\">v</a></p>\n", html);
    }

    @Test
    void titlesWithEscapedClosersParseAsFlexmarkParsesThem() {
        // the reported shape, a closer escaped, escaped backslashes, NUL (which ends no title here: flexmark reads it
        // as U+FFFD), and reference definitions, whose titles are read the same way
        String md = "[a](b (\\)[a](b (\\)[a](b (\\)\n\n[a](b (\\)\n[a](b (\\))\n\n"
                + "[a](b \"\\\"\") [c](d \"\\\\\"\") [e](f (\\\\)) [g](h (x\0y)) [i](j '\\\\\\'')\n\n"
                + "[r]\n\n[r]: /u '\\'\n";
        String html = asStockFlexmark(md);
        assertEquals("<p>[a](b ()[a](b ()[a](b ()</p>\n<p>[a](b ()\n[a](b ())</p>\n"
                + "<p><a href=\"b\" title=\"&quot;\">a</a> [c](d &ldquo;\\&rdquo;&quot;) <a href=\"f\" title=\"\\\">e</a>"
                + " <a href=\"h\" title=\"x\uFFFDy\">g</a> <a href=\"j\" title=\"\\'\">i</a></p>\n"
                + "<p><a href=\"/u\" title=\"\\\">r</a></p>\n", html);
    }

    private static String definitions(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("[a").append(i).append("]: /u").append(i).append(" \"t\"\n");
        return sb.append("\n[a0] [a1]\n").toString();
    }

    @Test
    void aParagraphOfReferenceDefinitionsParsesInLinearTime() {
        // flexmark reads each definition from a new sequence, the rest of the paragraph: a title's look-ahead that
        // starts again for each one costs n^2 (10,000 definitions took 0.4 s, 40,000 took 5.9 s)
        Times t = fastest(definitions(5_000), definitions(20_000), 5);
        assertLinear(t, "4x the definitions");
    }

    @Test
    void referenceDefinitionTitlesParseAsFlexmarkParsesThem() {
        // titles that end on the same line, on a later one, with a closer that comes only escaped, and definitions
        // inside a block quote, whose lines lose their "> " (flexmark keeps [g] and [h] as text there)
        String md = "[a]: /a \"t\"\n[b]: /b 'u\nv'\n[c]: /c (\\)\n[d]: /d \"\\\"\n[e]: /e\n\n"
                + "> [f]: /f (\\)\n> [g]: /g \"w\"\n> [h]: /h\n\n[a] [b] [c] [d] [e] [f] [g] [h]\n";
        String html = asStockFlexmark(md);
        assertEquals("<blockquote>\n<p>[g]: /g &ldquo;w&rdquo;\n[h]: /h</p>\n</blockquote>\n"
                + "<p><a href=\"/a\" title=\"t\">a</a> <a href=\"/b\" title=\"u\nv\">b</a> <a href=\"/c\" title=\"\\\">c</a>"
                + " <a href=\"/d\" title=\"\\\">d</a> <a href=\"/e\">e</a> <a href=\"/f\" title=\"\\\">f</a> [g] [h]</p>\n", html);
    }

    @Test
    void aParagraphOfLinesStartingWithPunctuationParsesInLinearTime() {
        // the reported shape, "[ (](" on every line: flexmark's heading factory joined the whole paragraph so far
        // for every line not starting with a letter (QuickHeadingFactory); 192 KB took 6 s after the title fix
        Times t = fastest("[ (](\n".repeat(2_000), "[ (](\n".repeat(8_000), 3);
        assertLinear(t, "4x the lines");
    }

    @Test
    void aRunOfFenceCharactersWithTheSameCharacterLaterParsesInLinearTime() {
        // "~~~~... a ~": flexmark's opening-fence pattern gave the run back one tilde at a time, reading the rest of
        // the line each time ("~~" nested 80,000 deep, a 160 KB line, took 8.5 s; 40 KB 0.4 s)
        Times t = fastest("~".repeat(20_000) + " a ~\n", "~".repeat(80_000) + " a ~\n", 5);
        assertLinear(t, "4x the tildes");
    }

    @Test
    void fencesParseAsFlexmarkParsesThem() {
        // openers with the fence character later on the line (not fences), info strings, and too-short runs
        String md = "~~~ a ~ b\n\n``` c ` d\n\n~~~ e ` f\nx\n~~~\n\n``` g ~ h\ny\n```\n\n`` i\n\n~~~~~\nz\n~~~~~\n";
        String html = asStockFlexmark(md);
        assertEquals("<p>~~~ a ~ b</p>\n<p>``` c ` d</p>\n<pre><code class=\"language-e\">x\n</code></pre>\n"
                + "<pre><code class=\"language-g\">y\n</code></pre>\n<p>`` i</p>\n<pre><code>z\n</code></pre>\n", html);
    }

    @Test
    void headingsParseAsFlexmarkParsesThem() {
        // ATX and setext headings, and lines starting with # = - that are not headings, after paragraphs of other lines
        String md = "# A\n[b\n(c\nd\n===\n[e\n- f\n\n[g\n---\n#h\n####### i\n  ## j ##\n> k\n=\n"
                + "[l\n-- -\n1. m\n    n\n";
        String html = asStockFlexmark(md);
        assertEquals("<h1>A</h1>\n<h1>[b\n(c\nd</h1>\n<p>[e</p>\n<ul>\n<li>f</li>\n</ul>\n<h2>[g</h2>\n<p>#h\n####### i</p>\n"
                + "<h2>j</h2>\n<blockquote>\n<p>k\n=\n[l</p>\n</blockquote>\n<hr />\n<ol>\n<li>m\nn</li>\n</ol>\n", html);
    }
}

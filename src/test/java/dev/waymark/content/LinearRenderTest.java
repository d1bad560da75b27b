package dev.waymark.content;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendering a page to HTML stays linear in its size. As in {@link LinearInlineParserTest}, two sizes are compared (a
 * ratio of CPU times, not a time limit): four times the input must take well under sixteen times as long.
 */
class LinearRenderTest {
    private final Markdown markdown = new Markdown();
    private final HtmlRenderer renderer = markdown.renderer(List.of());

    private static String footnotes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("Paragraph ").append(i).append(" with a note.[^n").append(i).append("]\n\n");
        for (int i = 0; i < n; i++) sb.append("[^n").append(i).append("]: Note ").append(i).append(".\n\n");
        return sb.toString();
    }

    private long nanos(Document doc) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        renderer.render(doc);
        return cpu.getCurrentThreadCpuTime() - start;
    }

    @Test
    void manyFootnotesRenderInLinearTime() {
        // flexmark's embedded-attribute provider looked through every child of the document for each footnote's <li>
        // (the footnotes are rendered while the document is the current node): 20,000 footnotes took 30 s
        Document small = markdown.parser().parse(footnotes(1000));
        Document large = markdown.parser().parse(footnotes(4000));
        nanos(small);
        nanos(large);
        long tSmall = Long.MAX_VALUE;
        long tLarge = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            tSmall = Math.min(tSmall, nanos(small));
            tLarge = Math.min(tLarge, nanos(large));
        }
        double ratio = (double) tLarge / tSmall;
        assertTrue(ratio < 8, String.format("4,000 footnotes took %.1fx as long as 1,000 (%d ms vs %d ms); linear is ~4x, quadratic ~16x",
                ratio, tLarge / 1_000_000, tSmall / 1_000_000));
    }

    @Test
    void footnotesRenderAsBefore() {
        String html = renderer.render(markdown.parser().parse("A note.[^a] Another.[^b]\n\n[^a]: First.\n[^b]: Second *b*.\n"));
        assertEquals("""
                <p>A note.<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup> Another.<sup id="fnref-2"><a class="footnote-ref" href="#fn-2">2</a></sup></p>
                <div class="footnotes">
                <hr />
                <ol>
                <li id="fn-1">
                <p>First.</p>
                <a href="#fnref-1" class="footnote-backref">&#8617;</a>
                </li>
                <li id="fn-2">
                <p>Second <em>b</em>.</p>
                <a href="#fnref-2" class="footnote-backref">&#8617;</a>
                </li>
                </ol>
                </div>
                """, html);
    }
}

package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Inline HTML the sanitiser changes is one warning per paragraph, at its first tag: not one per tag, closing tags included. */
class InlineHtmlWarningTest {

    @Test
    void oneWarningPerParagraphOfUnsafeInlineHtml(@TempDir Path tmp) throws Exception {
        Path content = Run.guide(tmp, "index.md", """
                ---
                title: Home
                description: d
                ---

                Kept: <kbd>Ctrl</kbd> and <abbr title="message queue">MQ</abbr>.

                A drawing <svg><a xlink:href="javascript:alert(1)"><text>hi</text></a></svg> inline.

                A footnote with a bad link.[^1]

                [^1]: See <a href="javascript:alert(1)">this</a> and <b onclick="x()">that</b>.
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals("""
                content/index.md:8:11: warning: inline HTML <svg> was removed: the <svg> element is not kept [html-sanitised]
                    hint: only simple inline tags such as <kbd>, <abbr> or <sup> are kept; write links and images in Markdown
                content/index.md:12:11: warning: inline HTML <a href="javascript:alert(1)"> was removed: the <a> element is not kept [html-sanitised]
                    hint: only simple inline tags such as <kbd>, <abbr> or <sup> are kept; write links and images in Markdown
                """, r.err().replace(tmp.toString() + "/", ""));
        assertEquals(0, r.exitCode());
    }

    /** An inline tag that is kept but loses attributes names them, so the author knows what to take out. */
    @Test
    void aKeptInlineTagNamesTheAttributesItLost(@TempDir Path tmp) throws Exception {
        Path content = Run.guide(tmp, "index.md", """
                ---
                title: Home
                description: d
                ---

                Press <kbd onclick="x()" style="color:red" title="key">Enter</kbd>.
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(new Run.Outcome(0, r.out(), """
                content/index.md:6:7: warning: inline HTML <kbd onclick="x()" style="color:red" ... was sanitised: removed the onclick and style attributes [html-sanitised]
                    hint: inline tags keep only the class, title, lang and datetime attributes
                """), new Run.Outcome(r.exitCode(), r.out(), r.err().replace(tmp.toString() + "/", "")));
    }

    /**
     * A block of raw HTML the sanitiser changed says what it removed: the element, the attribute or the URL, the
     * first one in the block and how many more, instead of a list of everything it might have removed.
     */
    @Test
    void aSanitisedBlockNamesTheElementAttributeOrUrlItRemoved(@TempDir Path tmp) throws Exception {
        Path content = Run.guide(tmp, "index.md", """
                ---
                title: Home
                description: d
                ---

                <div><script>alert(1)</script></div>

                <p><b onclick="x()">bold</b></p>

                <p><a href=" JavaScript:alert(1)">a</a></p>

                <p><img src="http://example.org/a.png" alt="a"></p>

                <div style="color:red"><iframe src="https://example.org/"></iframe><b onclick="y()">b</b></div>

                <div>
                <!-- a note -->
                <b>kept</b>
                </div>
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(new Run.Outcome(0, r.out(), """
                content/index.md:6:1: warning: raw HTML was sanitised: removed the <script> element [html-sanitised]
                    hint: use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository
                content/index.md:8:1: warning: raw HTML was sanitised: removed the onclick attribute of <b> [html-sanitised]
                    hint: use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository
                content/index.md:10:1: warning: raw HTML was sanitised: removed the javascript: URL in <a href> [html-sanitised]
                    hint: use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository
                content/index.md:12:1: warning: raw HTML was sanitised: removed the http: URL in <img src> [html-sanitised]
                    hint: use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository
                content/index.md:14:1: warning: raw HTML was sanitised: removed the style attribute of <div> and 2 more unsafe parts [html-sanitised]
                    hint: use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository
                content/index.md:16:1: warning: raw HTML was sanitised: removed an HTML comment [html-sanitised]
                    hint: use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository
                """), new Run.Outcome(r.exitCode(), r.out(), r.err().replace(tmp.toString() + "/", "")));
    }
}

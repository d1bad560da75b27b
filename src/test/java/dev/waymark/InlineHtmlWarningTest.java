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
                content/index.md:8:11: warning: inline HTML <svg> was removed or sanitised [html-sanitised]
                    hint: only simple inline tags such as <kbd>, <abbr> or <sup> are kept
                content/index.md:12:11: warning: inline HTML <a href="javascript:alert(1)"> was removed or sanitised [html-sanitised]
                    hint: only simple inline tags such as <kbd>, <abbr> or <sup> are kept
                """, r.err().replace(tmp.toString() + "/", ""));
        assertEquals(0, r.exitCode());
    }
}

package dev.waymark;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callout icons are inline SVG beside a text label, never emoji that need a font the reader may not have. */
class CalloutIconTest {
    @Test
    void everyCalloutKindHasAnSvgIconAndATextLabel(@TempDir Path tmp) {
        assertEquals(0, Run.build(CodeHighlightTest.CODE, tmp.resolve("site"), "--quiet").exitCode());
        Document doc = Run.html(tmp.resolve("site/callouts/index.html"));
        List<Element> titles = doc.select("aside.callout > p.callout__title");
        assertEquals(List.of("Note", "Tip", "Important", "Warning", "Caution"), titles.stream().map(Element::text).toList());
        for (Element title : titles) {
            Element svg = title.selectFirst("> svg.callout__icon[aria-hidden=true][focusable=false]");
            assertTrue(svg != null && !svg.select("path, circle").isEmpty(), title.outerHtml());
            // No pictographs anywhere in the title: every character is plain text the body font has.
            assertTrue(title.wholeText().codePoints().allMatch(c -> c < 0x2000), title.outerHtml());
        }
    }
}

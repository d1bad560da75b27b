package dev.waymark.render;

import com.vladsch.flexmark.util.ast.Node;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The references in a raw HTML block or tag of a page's Markdown, each at its own line and column. jsoup tracks where
 * each attribute is in the fragment; added to the fragment's offset in the Markdown file, that is the author's
 * position, by construction rather than by searching the Markdown for the same text.
 */
final class RawHtmlRefs {
    private RawHtmlRefs() {
    }

    static void record(BodyContext c, Node node) {
        String html = node.getChars().toString();
        if (html.indexOf('=') < 0) return; // a closing tag or a bare element carries no reference
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
        for (Element el : doc.getAllElements()) {
            for (Attribute a : el.attributes()) {
                String name = a.getKey();
                if (!name.equals("href") && !name.equals("src") && !name.equals("srcset")) continue;
                int offset = Math.max(0, el.attributes().sourceRange(name).nameRange().start().pos());
                var at = dev.waymark.content.LineIndex.position(c.file(), node, offset);
                if (name.equals("srcset")) {
                    for (String candidate : a.getValue().split(",")) {
                        String url = candidate.strip().split("\\s+")[0];
                        if (!url.isEmpty()) c.record(url, at);
                    }
                } else {
                    c.record(a.getValue(), at);
                }
            }
        }
    }
}

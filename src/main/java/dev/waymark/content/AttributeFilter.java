package dev.waymark.content;

import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.diag.Diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Markdown's {@code {…}} attributes may set only harmless keys. Every other key is taken out of the tree when the
 * page is parsed, with a warning at the first one, so no later stage can let it through: an {@code href} or
 * {@code src} here would replace a link that was already checked ({@code [a](ok.md){href="vbscript:…"}}).
 */
final class AttributeFilter {
    static final Set<String> ALLOWED = Set.of("id", "class", "title", "lang", "dir");

    private AttributeFilter() {
    }

    static void filter(Document doc, Path file, Diagnostics diagnostics) {
        List<AttributesNode> blocks = new ArrayList<>();
        collect(doc, blocks);
        boolean indexed = false;
        for (AttributesNode block : blocks) {
            List<AttributeNode> removed = new ArrayList<>();
            for (Node child : block.getChildren()) {
                if (child instanceof AttributeNode a && !a.isId() && !a.isClass()
                        && !ALLOWED.contains(a.getName().toString().toLowerCase(Locale.ROOT))) {
                    removed.add(a);
                }
            }
            if (removed.isEmpty()) continue;
            if (!indexed) {
                LineIndex.attach(doc);
                indexed = true;
            }
            var at = LineIndex.position(file, removed.get(0));
            List<String> names = removed.stream().map(a -> a.getName().toString()).toList();
            removed.forEach(Node::unlink);
            diagnostics.warning("attribute-removed", at,
                    "attribute" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + " removed",
                    "only id, class, title, lang and dir may be set with {…}");
        }
    }

    /** Depth-first without recursion: a page may nest deeply. */
    private static void collect(Node root, List<AttributesNode> out) {
        Node n = root.getFirstChild();
        while (n != null) {
            if (n instanceof AttributesNode a) out.add(a);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != root && n.getNext() == null) n = n.getParent();
            n = n == null || n == root ? null : n.getNext();
        }
    }
}

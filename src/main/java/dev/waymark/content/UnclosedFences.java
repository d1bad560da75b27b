package dev.waymark.content;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.diag.Diagnostics;

import java.nio.file.Path;

/**
 * A code fence that is never closed runs to the end of the page (CommonMark), so every heading, list and link after
 * it silently becomes code. The page still builds, as the Markdown is valid, but the author hears about it at the
 * opening fence.
 */
final class UnclosedFences {
    private UnclosedFences() {
    }

    static void warn(Document doc, Path file, Diagnostics diagnostics) {
        // Only the last block, or the last block inside the last container, can have run to the end of the page.
        for (Node n = doc.getLastChild(); n != null; n = n.getLastChild()) {
            if (n instanceof FencedCodeBlock fence) {
                if (fence.getClosingMarker().isEmpty()) {
                    LineIndex.attach(doc);
                    diagnostics.warning("unclosed-fence", LineIndex.position(file, fence),
                            "this code block is never closed, so the rest of the page is shown as code",
                            "end the block with " + fence.getOpeningMarker() + " on a line of its own");
                }
                return;
            }
        }
    }
}

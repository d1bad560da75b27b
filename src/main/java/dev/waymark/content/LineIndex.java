package dev.waymark.content;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;

import java.util.Arrays;

/**
 * Line numbers for AST nodes in O(log n). flexmark's own {@code getStartLineNumber()} scans the text from the start
 * on every call, which turns a page with thousands of headings into minutes; this index is built once per page.
 */
public final class LineIndex {
    private static final NullableDataKey<LineIndex> KEY = new NullableDataKey<>("WAYMARK_LINE_INDEX");
    private final int[] starts;

    private LineIndex(CharSequence text) {
        int[] s = new int[64];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    /** Builds the index for a document and keeps it in the document's data. */
    public static LineIndex attach(Document doc) {
        LineIndex index = new LineIndex(doc.getChars());
        doc.set(KEY, index);
        return index;
    }

    /** Where a node starts in its file: 1-based line and column (in characters). */
    public static dev.waymark.diag.SourcePosition position(java.nio.file.Path file, Node node) {
        LineIndex index = of(node);
        if (index == null) {
            return new dev.waymark.diag.SourcePosition(file, node.getStartLineNumber() + 1, 1);
        }
        int line = index.lineOf(node.getStartOffset());
        return new dev.waymark.diag.SourcePosition(file, line + 1, node.getStartOffset() - index.starts[line] + 1);
    }

    /** Where a character {@code offset} characters into a node is in its file (raw HTML's attributes, for example). */
    public static dev.waymark.diag.SourcePosition position(java.nio.file.Path file, Node node, int offset) {
        LineIndex index = of(node);
        if (index == null) return position(file, node);
        int at = node.getStartOffset() + offset;
        int line = index.lineOf(at);
        return new dev.waymark.diag.SourcePosition(file, line + 1, at - index.starts[line] + 1);
    }

    /** The 1-based line where a node starts. */
    public static int line(Node node) {
        LineIndex index = of(node);
        return index == null ? node.getStartLineNumber() + 1 : index.lineOf(node.getStartOffset()) + 1;
    }

    private static LineIndex of(Node node) {
        Document doc = node.getDocument();
        return doc == null ? null : KEY.get(doc);
    }

    /** The 0-based line that holds a character offset. */
    private int lineOf(int offset) {
        int pos = Arrays.binarySearch(starts, offset);
        return pos >= 0 ? pos : -pos - 2;
    }
}

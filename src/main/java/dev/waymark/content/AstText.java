package dev.waymark.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextContainer;

/** Plain text of an AST subtree, as a reader sees it: typographic quotes applied, attributes and raw HTML left out. */
public final class AstText {
    private AstText() {
    }

    public static String of(Node node) {
        StringBuilder sb = new StringBuilder();
        append(node, sb);
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static void append(Node node, StringBuilder sb) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof AttributesNode || c instanceof HtmlInline) {
                continue;
            }
            if (c instanceof TypographicQuotes q) {
                sb.append(entity(q.getTypographicOpening()));
                append(c, sb);
                sb.append(entity(q.getTypographicClosing()));
            } else if (c instanceof TypographicSmarts s) {
                sb.append(entity(s.getTypographicText()));
            } else if (c instanceof Code code) {
                sb.append(code.getText());
            } else if (c.getFirstChild() == null && c instanceof TextContainer) {
                sb.append(c.getChars().unescape());
            } else if (c.getFirstChild() == null && c instanceof com.vladsch.flexmark.ast.SoftLineBreak) {
                sb.append(' ');
            } else {
                append(c, sb);
            }
        }
    }

    private static String entity(String s) {
        if (s == null) return "";
        return switch (s) {
            case "&ldquo;" -> "\u201C";
            case "&rdquo;" -> "\u201D";
            case "&lsquo;" -> "\u2018";
            case "&rsquo;" -> "\u2019";
            case "&hellip;" -> "\u2026";
            case "&ndash;" -> "\u2013";
            case "&mdash;" -> "\u2014";
            case "&laquo;" -> "\u00AB";
            case "&raquo;" -> "\u00BB";
            default -> s.startsWith("&") ? "" : s;
        };
    }
}

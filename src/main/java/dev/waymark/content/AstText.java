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
        return collapseSpaces(sb.toString()).strip();
    }

    /**
     * Replaces each run of ASCII whitespace (regex {@code \\s}: space, tab, line breaks, form feed, vertical tab) with
     * one space, as {@code s.replaceAll("\\s+", " ")} does, without a regex: it runs for every heading and section.
     */
    public static String collapseSpaces(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))))) break;
            i++;
        }
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                sb.append(' ');
                while (i < n && isSpace(s.charAt(i))) i++;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
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

package dev.waymark.diag;

import java.util.List;
import java.util.Map;

/**
 * The one JSON writer: maps (in their iteration order), lists, strings, numbers, booleans and null. {@link #write}
 * makes output safe inside a {@code <script type="application/json">} or {@code application/ld+json} element, so
 * {@code <}, {@code >} and {@code &} are written as unicode escapes and no text from the content can close the element
 * or start markup. Reports read by programs ({@code --format json}) keep those characters as they are.
 */
public final class Json {
    private Json() {
    }

    /** JSON that is safe to embed in a page. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, true);
        return sb.toString();
    }

    /** JSON for a report read by programs: markup characters are left as they are. */
    static void writeReport(Object value, StringBuilder sb) {
        write(value, sb, false);
    }

    private static void write(Object v, StringBuilder sb, boolean markupSafe) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(String.valueOf(e.getKey()), sb, markupSafe);
                sb.append(':');
                write(e.getValue(), sb, markupSafe);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                write(l.get(i), sb, markupSafe);
            }
            sb.append(']');
        } else {
            string(v.toString(), sb, markupSafe);
        }
    }

    private static void string(String s, StringBuilder sb, boolean markupSafe) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029'
                            || (markupSafe && (c == '<' || c == '>' || c == '&'))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

package dev.waymark.diag;

/** Escaping for each output format; text that reaches a terminal, a JSON parser or a CI runner goes through here. */
final class Escape {
    private Escape() {
    }

    /**
     * Text for a terminal: control characters (a newline in a file name, an escape sequence) and bidi controls are
     * shown as {@code \n}, {@code \u001b}…, so one diagnostic is always one line and cannot restyle the terminal.
     */
    static String text(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || bidi(c)) ? String.format("\\u%04x", (int) c) : null;
            if (rep != null && sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (sb != null) {
                if (rep != null) sb.append(rep);
                else sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean bidi(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
                || c == '\u2028' || c == '\u2029';
    }

    /** The message part of a workflow command. */
    static String githubData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value of a workflow command, which also reserves ':' and ','. */
    static String githubProperty(String s) {
        return githubData(s).replace(":", "%3A").replace(",", "%2C");
    }
}

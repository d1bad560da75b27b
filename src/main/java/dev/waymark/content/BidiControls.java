package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.nio.file.Path;

/**
 * Warns about the invisible characters that reorder text (U+202A–U+202E, U+2066–U+2069). In a title or a heading they
 * make the published text read differently from the source a reviewer approved ("Trojan Source", CVE-2021-42574).
 * Each line that holds one gets a warning at the first, so a pasted paragraph does not flood the output.
 */
final class BidiControls {
    private BidiControls() {
    }

    static boolean isControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    static void scan(String text, Path file, Diagnostics diagnostics) {
        int line = 1;
        int lineStart = 0;
        boolean reported = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                reported = false;
            } else if (!reported && isControl(c)) {
                reported = true;
                diagnostics.warning("bidi-control", new SourcePosition(file, line, i - lineStart + 1),
                        String.format("invisible bidirectional control U+%04X makes the text read differently from how it is written", (int) c),
                        "delete it; to set the direction of a passage, write {dir=rtl} after it");
            }
        }
    }
}

package dev.waymark.content;

import java.text.Normalizer;
import java.util.Locale;

/** Turns text into an id or URL segment: lowercase letters and digits (any script) separated by single dashes. */
public final class Slug {
    private Slug() {
    }

    public static String of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.appendCodePoint(cp);
            } else if (cp != '\'' && cp != '\u2019') {
                dash = true;
            }
        }
        return out.length() > 80 ? out.substring(0, 80).replaceAll("-+$", "") : out.toString();
    }

    /**
     * A file name for a name such as a product's: {@code C++} → {@code cpp}, {@code C#} → {@code csharp},
     * {@code Node.js} → {@code nodejs}, {@code A&B} → {@code a-and-b}; otherwise as {@link #of(String)}.
     */
    public static String ofName(String name) {
        String s = name.strip()
                .replace("++", "pp")
                .replace("+", " plus ")
                .replace("&", " and ")
                .replaceAll("(?<=\\p{L})#", "sharp")
                .replaceAll("(?<=[\\p{L}\\p{N}])\\.(?=\\p{L})", "");
        return of(s);
    }
}

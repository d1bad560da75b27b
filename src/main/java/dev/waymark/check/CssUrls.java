package dev.waymark.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URLs a stylesheet references with {@code url(...)} or {@code @import "..."}. */
final class CssUrls {
    private static final Pattern URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)|@import\\s+(['\"])([^'\"]+)\\3");

    private CssUrls() {
    }

    static List<String> of(String css) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(css);
        while (m.find()) {
            String url = (m.group(2) != null ? m.group(2) : m.group(4)).strip();
            if (!url.startsWith("data:") && !url.startsWith("#")) out.add(url);
        }
        return out;
    }

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}

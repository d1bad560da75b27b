package dev.waymark.render;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fence's info string: the language (its first word) and optional {@code {hl=2-3,5}} lines to highlight.
 *
 * @param language  the first word, or empty for a bare fence
 * @param marked    1-based line numbers to mark
 * @param problem   what was wrong with the {@code {…}} part, if anything (the block still renders)
 */
record CodeFence(String language, Set<Integer> marked, Optional<String> problem) {
    private static final Pattern OPTIONS = Pattern.compile("\\{\\s*hl\\s*=\\s*\"?([^\"}]*)\"?\\s*}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})(?:\\s*-\\s*(\\d{1,6}))?");

    CodeFence {
        marked = Set.copyOf(marked);
    }

    static CodeFence parse(String info, int lineCount) {
        String s = info.strip();
        int space = s.indexOf(' ');
        String language = space < 0 ? s : s.substring(0, space);
        if (language.startsWith("{")) {
            language = "";
            space = 0;
        }
        String rest = space < 0 ? "" : s.substring(space).strip();
        if (rest.isEmpty()) {
            return new CodeFence(language, Set.of(), Optional.empty());
        }
        Matcher m = OPTIONS.matcher(rest);
        if (!m.matches()) {
            return new CodeFence(language, Set.of(), Optional.of("unknown code block options `" + rest + "`"));
        }
        Set<Integer> lines = new TreeSet<>();
        for (String part : m.group(1).split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            Matcher r = RANGE.matcher(part);
            if (!r.matches()) {
                return new CodeFence(language, Set.of(), Optional.of("`" + part + "` is not a line or a range of lines"));
            }
            int from = Integer.parseInt(r.group(1));
            int to = r.group(2) == null ? from : Integer.parseInt(r.group(2));
            if (from < 1 || to < from || to > lineCount) {
                return new CodeFence(language, Set.of(), Optional.of("lines `" + part + "` are outside the block's "
                        + lineCount + (lineCount == 1 ? " line" : " lines")));
            }
            for (int i = from; i <= to; i++) lines.add(i);
        }
        return new CodeFence(language, lines, Optional.empty());
    }
}

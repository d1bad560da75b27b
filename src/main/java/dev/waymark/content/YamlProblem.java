package dev.waymark.content;

import java.util.Locale;
import java.util.Map;

/**
 * A YAML parser's problem in plain words, with a hint and, when the parser's mark is not where the mistake is, the
 * column to report instead. The parser's own text ({@code expected <block end>, but found '<block mapping start>'})
 * is not shown for a problem recognised here; for one that is not, it follows with its tokens put in words.
 *
 * @param column the 1-based column to report, or 0 to keep the parser's
 */
record YamlProblem(String words, String hint, int column) {
    private static final String QUOTE_HINT = "quote a value that contains `: ` or starts with a special character, e.g. title: \"A: B\"";

    /** The parser's tokens, for the rare message shown as it is. */
    private static final Map<String, String> TOKENS = Map.of(
            "<block end>", "the end of an indented block",
            "<block mapping start>", "an indented key",
            "<block sequence start>", "an indented list item",
            "<stream end>", "the end of the YAML",
            "<scalar>", "a value",
            "<document start>", "---",
            "<block entry>", "a `- ` list item",
            "<key>", "a key",
            "<value>", "a value");

    YamlProblem(String words, String hint) {
        this(words, hint, 0);
    }

    static YamlProblem of(String parserProblem) {
        return of(parserProblem, null, -1, -1);
    }

    /**
     * @param yaml the YAML text, and {@code line0}/{@code col0} the parser's 0-based mark in it (or null and -1): with
     *             them, a key indented under a key that already has a value is told from a value that holds {@code : }
     */
    static YamlProblem of(String parserProblem, String yaml, int line0, int col0) {
        String p = parserProblem.toLowerCase(Locale.ROOT);
        if (p.contains("\\t") || p.contains("tab")) {
            return new YamlProblem("a tab character; YAML indents with spaces only", "replace the tab with spaces");
        }
        if (p.contains("expected <block end>")) {
            return new YamlProblem("this line is indented differently from the lines above it",
                    "start it in the same column as the key or `- ` item it belongs with (keys of one mapping, and the items of one list, line up), using spaces");
        }
        if (p.contains("mapping values are not allowed")) {
            YamlProblem indented = indentedKey(yaml, line0, col0);
            if (indented != null) return indented;
            return new YamlProblem("a value contains `: `, which YAML reads as a new key", QUOTE_HINT);
        }
        if (p.contains("expected ',' or ']'")) {
            return new YamlProblem("a list opened with [ is not closed with ]", "close the list with ], or quote a value that starts with [");
        }
        if (p.contains("expected ',' or '}'")) {
            return new YamlProblem("a mapping opened with { is not closed with }", "close it with }, or quote a value that starts with {");
        }
        if (p.contains("could not find expected ':'") || p.contains("could not find expected")) {
            return new YamlProblem("a line is not in the form `key: value`", "write `key: value`, or indent a continued value under its key");
        }
        if (p.contains("unexpected end of stream") || p.contains("found unexpected end")) {
            return new YamlProblem("a quoted value is not closed", "end the value with the same quote it starts with");
        }
        if (p.contains("number of aliases")) {
            return new YamlProblem("aliases (*name) repeat lists or maps more than 10 times",
                    "write the values out instead of repeating them with & and * aliases");
        }
        if (p.contains("undefined alias") || p.contains("alias")) {
            return new YamlProblem("a value starts with *, which YAML reads as an alias", "quote the value, e.g. title: \"*Pick one*\"");
        }
        if (p.contains("cannot start any token")) {
            return new YamlProblem("a value starts with a character YAML reserves (such as @ or `)", "quote the value, e.g. title: \"@home\"");
        }
        if (p.contains("duplicate")) {
            return new YamlProblem("a key is written twice", "keep one of them");
        }
        String said = parserProblem.strip();
        for (Map.Entry<String, String> t : TOKENS.entrySet()) said = said.replace("'" + t.getKey() + "'", t.getValue()).replace(t.getKey(), t.getValue());
        return new YamlProblem("the YAML syntax is wrong here (the parser says: " + said + ")", QUOTE_HINT);
    }

    /**
     * {@code key: value} on a line indented deeper than a line above that has a value of its own: YAML reads the
     * line as more of that value, and then trips on its {@code : }. Said so, at the key, when it is so; else null.
     */
    private static YamlProblem indentedKey(String yaml, int line0, int col0) {
        if (yaml == null || line0 < 1 || col0 < 0) return null;
        String[] lines = yaml.split("\n", -1);
        if (line0 >= lines.length) return null;
        String line = lines[line0];
        int indent = indent(line);
        if (indent == 0 || col0 > line.length() || col0 <= indent) return null;
        String key = line.substring(indent, col0).strip();
        if (key.isEmpty() || key.startsWith("- ") || key.contains(": ") || key.startsWith("#")) return null;
        for (int i = line0 - 1; i >= 0; i--) {
            String above = lines[i];
            if (above.isBlank() || above.strip().startsWith("#")) continue;
            int aboveIndent = indent(above);
            if (aboveIndent >= indent) return null;
            String aboveText = above.strip();
            int colon = aboveText.indexOf(": ");
            if (colon < 0 || aboveText.startsWith("- ")) return null;
            String aboveKey = aboveText.substring(0, colon);
            return new YamlProblem("`" + key + ":` is indented more than `" + aboveKey + ":` above it, so YAML reads it as part of the value of `"
                    + aboveKey + ":`",
                    "start `" + key + ":` in the same column as `" + aboveKey + ":`, with spaces", indent + 1);
        }
        return null;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}

package dev.waymark.content;

import java.util.Locale;

/**
 * A YAML parser's problem in plain words, with a hint; the parser's own text ({@code expected <block end>, but found
 * '<block mapping start>'}) follows in the message for those who know it.
 */
record YamlProblem(String words, String hint) {
    private static final String QUOTE_HINT = "quote a value that contains `: ` or starts with a special character, e.g. title: \"A: B\"";

    static YamlProblem of(String parserProblem) {
        String p = parserProblem.toLowerCase(Locale.ROOT);
        if (p.contains("\\t") || p.contains("tab")) {
            return new YamlProblem("a tab character; YAML indents with spaces only", "replace the tab with spaces");
        }
        if (p.contains("expected <block end>")) {
            return new YamlProblem("this line is indented differently from the lines above it",
                    "indent keys of the same mapping by the same number of spaces");
        }
        if (p.contains("mapping values are not allowed")) {
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
            return new YamlProblem("a value starts with *, which YAML reads as an alias", QUOTE_HINT);
        }
        if (p.contains("cannot start any token")) {
            return new YamlProblem("a value starts with a character YAML reserves (such as @ or `)", QUOTE_HINT);
        }
        if (p.contains("duplicate")) {
            return new YamlProblem("a key is written twice", "keep one of them");
        }
        return new YamlProblem("the YAML syntax is wrong here", QUOTE_HINT);
    }
}

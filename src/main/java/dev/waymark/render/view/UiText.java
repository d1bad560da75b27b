package dev.waymark.render.view;

import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's interface text in one language: every word a template or a widget script shows that is not content
 * ("Search", "On this page", "Copy"). Read from the theme's {@code i18n/<language>.yaml} files; a key a language
 * lacks comes from English. Templates print {@code ui.get("toc.title")}; placeholders are {@code {name}}.
 *
 * @param code    the language of the strings, e.g. {@code fr}
 * @param strings every key to its text
 * @param script  the strings the widget scripts read, as JSON for a {@code <script type="application/json">}
 *                element ({@code <}, {@code >} and {@code &} escaped); empty when they are the scripts' own English
 */
public record UiText(String code, Map<String, String> strings, String script) {
    public UiText {
        strings = Map.copyOf(new TreeMap<>(strings));
    }

    /** The text of {@code key}. A key no language file defines is a theme bug, and fails the build. */
    public String get(String key) {
        String s = strings.get(key);
        if (s == null) throw new IllegalArgumentException("the theme's i18n/en.yaml has no UI string \"" + key + "\"");
        return s;
    }

    /** The text of {@code key} with its {@code {name}} placeholders filled: {@code format("k", "name", "Option A")}. */
    public String format(String key, String... namesAndValues) {
        String s = get(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            s = s.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return s;
    }
}

package dev.waymark.model;

import java.util.regex.Pattern;

/**
 * One language a guide is published in, as {@code languages:} in {@code site.yaml} declares it.
 *
 * @param code a BCP 47 tag such as {@code fr} or {@code pt-BR}: the folder of its translation and its URL prefix
 * @param name the language's own name, shown in the language switcher (e.g. {@code Français})
 * @param rtl  whether the language is written right to left ({@code dir: rtl})
 * @param title        the site title in this language, else the site's
 * @param description  the site description in this language, else the site's
 * @param footer       the footer in this language, else the site's
 * @param capabilities capability labels in this language (for the comparison and profile cards); others keep the site's
 */
public record Language(String code, String name, boolean rtl, java.util.Optional<String> title,
                       java.util.Optional<String> description, java.util.Optional<String> footer,
                       java.util.Map<String, String> capabilities) {
    public Language {
        capabilities = java.util.Map.copyOf(capabilities);
    }

    /** A language without overrides of the site's title, description, footer or capability labels. */
    public Language(String code, String name, boolean rtl) {
        this(code, name, rtl, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Map.of());
    }

    /** A primary subtag of 2–3 letters, then optional script, region or variant subtags (BCP 47, without extensions). */
    public static final Pattern CODE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*");

    /** The {@code dir} attribute's value. */
    public String dir() {
        return rtl ? "rtl" : "ltr";
    }
}

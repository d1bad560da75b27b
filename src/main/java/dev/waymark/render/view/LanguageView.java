package dev.waymark.render.view;

import java.util.List;

/**
 * What a page shows of the guide's other languages. A guide in one language has {@link #NONE}: no {@code dir}, no
 * alternates, no switcher, so its pages are what they were before languages existed.
 *
 * @param dir         {@code ltr} or {@code rtl} for {@code <html dir>}; null to leave the attribute out
 * @param alternates  {@code <link rel="alternate" hreflang>} for every language this page is really translated into,
 *                    then {@code x-default}; empty when the guide has one language
 * @param choices     the language switcher: this page in every language (relative links), the current one marked
 * @param contentLang the language of the body when it is the default language's page shown in its place (a
 *                    fallback), else null
 * @param contentDir  the body's direction in that case, else null
 * @param notice      the reader's notice on such a fallback page, else empty
 */
public record LanguageView(String dir, List<Alternate> alternates, List<Choice> choices, String contentLang,
                           String contentDir, String notice) {
    public static final LanguageView NONE = new LanguageView(null, List.of(), List.of(), null, null, "");

    public LanguageView {
        alternates = List.copyOf(alternates);
        choices = List.copyOf(choices);
    }

    /** An alternate version of the page: its language tag (or {@code x-default}) and absolute URL. */
    public record Alternate(String hreflang, String href) {
    }

    /** One entry of the switcher: the language's own name, in its own language and direction. */
    public record Choice(String code, String name, String dir, String href, boolean current) {
    }
}

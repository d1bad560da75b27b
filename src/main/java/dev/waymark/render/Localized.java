package dev.waymark.render;

import dev.waymark.model.Page;
import dev.waymark.render.view.LanguageView;
import dev.waymark.render.view.UiText;

import java.util.Set;

/**
 * The language side of rendering one edition of the site: its interface text, the folder it is published in, which
 * of its pages are real translations (the others show the default language's page), and links to the other editions.
 *
 * @param prefix     the edition's folder in the output, e.g. {@code fr/}; empty for the default language
 * @param translated source paths (relative to the translation's folder) of the pages this language really has
 * @param languages  the other editions; {@link LanguageLinks#NONE} for a guide in one language
 */
public record Localized(String code, String prefix, UiText ui, Set<String> translated, LanguageLinks languages) {
    public Localized {
        translated = Set.copyOf(translated);
    }

    /** A guide in one language. */
    public static Localized single(UiText ui) {
        return new Localized(ui.code(), "", ui, Set.of(), LanguageLinks.NONE);
    }

    /** Whether {@code page} shows the default language's content in this edition's place. */
    public boolean fallback(Page page) {
        return !prefix.isEmpty() && !page.generated() && !translated.contains(page.sourcePath());
    }

    /** The Markdown file a page was built from, relative to the content folder. */
    public String source(Page page) {
        return page.generated() || prefix.isEmpty() || fallback(page) ? page.sourcePath() : prefix + page.sourcePath();
    }

    /** From the edition's root back up to the site's root, where the theme's assets are. */
    public String up() {
        return prefix.isEmpty() ? "" : "../".repeat(prefix.split("/").length);
    }

    LanguageView view(Page page, String root) {
        return languages.view(this, page, root);
    }
}

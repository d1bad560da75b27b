package dev.waymark.render;

import dev.waymark.links.SiteLinks;
import dev.waymark.model.Language;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.render.view.LanguageView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every edition of a guide in several languages, to link a page to its versions in the others: the hreflang
 * alternates (only languages that really translate the page, then {@code x-default}) and the language switcher
 * (every language; a missing translation shows the default language's page under that language's prefix).
 */
public final class LanguageLinks {
    /** A guide in one language: no alternates, no switcher. */
    public static final LanguageLinks NONE = new LanguageLinks(List.of(), "");

    /** One language's edition: its site model and the source paths it really translates. */
    public record Edition(Language language, String prefix, Site site, Set<String> translated) {
        public Edition {
            translated = Set.copyOf(translated);
        }
    }

    private final List<Edition> editions;
    private final String baseUrl;
    private final List<Map<String, Page>> bySource = new ArrayList<>();
    private final List<Map<String, Page>> byPath = new ArrayList<>();

    /** @param baseUrl the site's base URL (the default language's root), ending in {@code /} */
    public LanguageLinks(List<Edition> editions, String baseUrl) {
        this.editions = List.copyOf(editions);
        this.baseUrl = baseUrl;
        for (Edition e : this.editions) {
            Map<String, Page> sources = new HashMap<>();
            e.site().pages().forEach(p -> {
                if (!p.generated()) sources.put(p.sourcePath(), p);
            });
            bySource.add(sources);
            byPath.add(e.site().byPath());
        }
    }

    /** A sitemap entry: a page's address, its last change (or empty), and its language alternates. */
    public record Url(String loc, String lastmod, List<LanguageView.Alternate> alternates) {
    }

    /** Every page of every edition, with the alternates its head names; {@code dates} per edition, by source path. */
    public List<Url> sitemap(List<Map<String, String>> dates) {
        List<Url> out = new ArrayList<>();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            for (Page p : e.site().pages()) {
                String date = dates.get(i).getOrDefault(p.sourcePath(), "");
                if (date.isEmpty()) date = p.reviewed().or(() -> e.site().config().reviewed()).map(Object::toString).orElse("");
                out.add(new Url(baseUrl + e.prefix() + p.path(), date, alternates(p)));
            }
        }
        return out;
    }

    /** The languages {@code page} is really translated into, then x-default: the default language's version. */
    private List<LanguageView.Alternate> alternates(Page page) {
        List<LanguageView.Alternate> out = new ArrayList<>();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            String path = pathIn(i, page);
            if (path == null || !(i == 0 || page.generated() || e.translated().contains(page.sourcePath()))) continue;
            out.add(new LanguageView.Alternate(e.language().code(), baseUrl + e.prefix() + path));
        }
        String main = pathIn(0, page);
        if (main != null) out.add(new LanguageView.Alternate("x-default", baseUrl + main));
        return out;
    }

    /** The path of {@code page}'s version in edition {@code i}, or null when it has none. */
    private String pathIn(int i, Page page) {
        Page version = page.generated() ? byPath.get(i).get(page.path()) : bySource.get(i).get(page.sourcePath());
        return version != null ? version.path() : page.path().equals(Site.SEARCH_PATH) ? page.path() : null;
    }

    LanguageView view(Localized current, Page page, String root) {
        if (editions.isEmpty()) return LanguageView.NONE;
        Language here = null;
        for (Edition e : editions) if (e.prefix().equals(current.prefix())) here = e.language();
        String dir = here == null ? null : here.dir();
        if (editions.size() == 1) return new LanguageView(dir, List.of(), List.of(), null, null, "");
        String toSiteRoot = root + current.up();
        List<LanguageView.Choice> choices = new ArrayList<>();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            String path = pathIn(i, page);
            if (path == null) continue;
            choices.add(new LanguageView.Choice(e.language().code(), e.language().name(), e.language().dir(),
                    toSiteRoot + SiteLinks.relative("", e.prefix() + path) + "index.html",
                    e.prefix().equals(current.prefix())));
        }
        if (choices.size() < 2) return new LanguageView(dir, List.of(), List.of(), null, null, "");
        List<LanguageView.Alternate> alternates = alternates(page);
        boolean fallback = current.fallback(page);
        Language main = editions.get(0).language();
        String notice = fallback && here != null
                ? current.ui().format("languages.notice", "language", nameIn(current.ui(), here), "default", nameIn(current.ui(), main)) : "";
        return new LanguageView(dir, alternates, choices, fallback ? main.code() : null, fallback ? main.dir() : null, notice);
    }

    /**
     * A language's name as a sentence in the page's language writes it: the theme's {@code languages.names.<code>}
     * ("français" inside a French sentence, "Französisch" in German), by the full code and then its primary subtag;
     * a language the theme does not name keeps the name site.yaml gives it.
     */
    static String nameIn(dev.waymark.render.view.UiText ui, Language language) {
        String code = language.code().toLowerCase(java.util.Locale.ROOT);
        int dash = code.indexOf('-');
        for (String key : dash > 0 ? List.of(code, code.substring(0, dash)) : List.of(code)) {
            String name = ui.strings().get("languages.names." + key);
            if (name != null) return name;
        }
        return language.name();
    }
}

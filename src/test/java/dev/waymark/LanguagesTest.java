package dev.waymark;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide in three languages (English, a partial French translation, and Arabic, written right to left, with only
 * its home page): prefixes, lang and dir, hreflang, the language switcher, fallbacks with their notice, one search
 * index per language, and links that stay in their language.
 */
class LanguagesTest {
    static final Path FIXTURE = Run.ROOT.resolve("src/test/resources/sites/languages");
    static final Path CONTENT = FIXTURE.resolve("content");
    @TempDir
    static Path tmp;
    static Path site;

    /** Builds the fixture with its own interface text for Arabic (themes/local beside its content). */
    static Run.Outcome build(Path out) {
        return Run.build(CONTENT, out, "--overrides", FIXTURE.resolve("themes/local").toString(), "--quiet");
    }

    @BeforeAll
    static void buildFixture() {
        site = tmp.resolve("site");
        Run.Outcome r = build(site);
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void eachLanguageIsPublishedUnderItsPrefixWithLangAndDir() {
        assertLangDir("index.html", "en", "ltr");
        assertLangDir("tools/beta/index.html", "en", "ltr");
        assertLangDir("fr/index.html", "fr", "ltr");
        assertLangDir("fr/tools/beta/index.html", "fr", "ltr");
        assertLangDir("ar/index.html", "ar", "rtl");
        assertLangDir("ar/decide/index.html", "ar", "rtl");
        assertLangDir("ar/decide/embed/index.html", "ar", "rtl");
        assertEquals("https://example.org/guide/fr/decide/", page("fr/decide/index.html").select("link[rel=canonical]").attr("href"));
        assertEquals("Petit guide", page("fr/index.html").select(".site-title").text(), "the language's own site title");
        assertEquals("دليل صغير", page("ar/tools/index.html").select(".site-title").text());
    }

    @Test
    void hreflangListsRealTranslationsAndXDefault() {
        assertEquals(List.of("en https://example.org/guide/", "fr https://example.org/guide/fr/", "ar https://example.org/guide/ar/",
                "x-default https://example.org/guide/"), alternates("index.html"));
        List<String> alpha = List.of("en https://example.org/guide/tools/alpha/", "fr https://example.org/guide/fr/tools/alpha/",
                "x-default https://example.org/guide/tools/alpha/");
        assertEquals(alpha, alternates("tools/alpha/index.html"));
        assertEquals(alpha, alternates("fr/tools/alpha/index.html"));
        assertEquals(alpha, alternates("ar/tools/alpha/index.html"), "Arabic has no translation of it: not an alternate");
        assertEquals(List.of("en https://example.org/guide/tools/beta/", "x-default https://example.org/guide/tools/beta/"),
                alternates("fr/tools/beta/index.html"));
    }

    @Test
    void theSwitcherLinksToThisPageInEveryLanguageAndMarksTheCurrentOne() throws IOException {
        int checked = 0;
        for (Path file : Run.pageFiles(site)) {
            String rel = site.relativize(file).toString().replace('\\', '/');
            if (rel.equals("404.html")) continue;
            Document doc = Run.html(file);
            Element nav = doc.selectFirst("header nav.languages[aria-label]");
            assertTrue(nav != null, rel + " has a language switcher");
            List<String> langs = nav.select("a").eachAttr("hreflang");
            assertEquals(List.of("en", "fr", "ar"), langs, rel);
            Element current = nav.selectFirst("a[aria-current=true]");
            assertEquals(doc.select("html").attr("lang"), current.attr("hreflang"), rel);
            String page = rel.replaceFirst("^(fr|ar)/", "");
            for (Element a : nav.select("a")) {
                Path target = file.getParent().resolve(a.attr("href")).normalize();
                assertTrue(Files.isRegularFile(target), rel + " -> " + a.attr("href"));
                String prefix = a.attr("hreflang").equals("en") ? "" : a.attr("hreflang") + "/";
                assertEquals(prefix + page, site.relativize(target).toString().replace('\\', '/'), rel + ": stays on the same page");
                assertEquals(a.attr("hreflang"), a.attr("lang"));
            }
            assertEquals("rtl", nav.selectFirst("a[hreflang=ar]").attr("dir"));
            checked++;
        }
        assertEquals(21, checked, "pages checked (7 in each language)");
    }

    @Test
    void aMissingTranslationShowsTheDefaultPageWithANotice() {
        Document beta = page("fr/tools/beta/index.html");
        assertEquals("Cette page n’est pas encore traduite en français. Elle est affichée en anglais.",
                beta.select(".page__fallback[role=note]").text());
        assertEquals("en", beta.select(".prose").attr("lang"), "the body's own language is marked");
        assertEquals("en", beta.select("h1").attr("lang"));
        assertTrue(beta.select(".prose").text().contains("JSON in, JSON out."), "the English body");
        assertEquals("src/test/resources/sites/languages/content/tools/beta.md", beta.select("html").attr("data-source"));
        assertEquals("لم تُترجم هذه الصفحة إلى العربية بعد، وهي معروضة باللغة الأصلية (English).",
                page("ar/tools/beta/index.html").select(".page__fallback").text());
        Document alpha = page("fr/tools/alpha/index.html");
        assertTrue(alpha.select(".page__fallback").isEmpty(), "a translated page has no notice");
        assertFalse(alpha.select(".prose").hasAttr("lang"));
        assertEquals("src/test/resources/sites/languages/content/fr/tools/alpha.md", alpha.select("html").attr("data-source"));
        assertTrue(page("tools/beta/index.html").select(".page__fallback").isEmpty());
    }

    @Test
    void theFallbackNoticeNamesLanguagesInTheSentencesOwnWords() throws IOException {
        Path out = buildGuide("names", "en: English", "de: Deutsch", "es: Español", "pt-BR: Português",
                "index.md", "Home", "other.md", "Other", "de/index.md", "Start", "es/index.md", "Inicio");
        assertEquals("Diese Seite gibt es noch nicht auf Deutsch. Sie wird auf Englisch angezeigt.",
                Run.html(out.resolve("de/other/index.html")).select(".page__fallback").text());
        assertEquals("Esta página aún no está traducida al español. Se muestra en inglés.",
                Run.html(out.resolve("es/other/index.html")).select(".page__fallback").text());
        assertEquals("This page has not been translated into Português yet. It is shown in English.",
                Run.html(out.resolve("pt-BR/other/index.html")).select(".page__fallback").text(),
                "a language the theme does not name keeps site.yaml's name");
    }

    @Test
    void generatedPagesAreNamedInTheEditionsLanguage() throws IOException {
        // no index.md anywhere: the home page and the section page are generated in every language
        Path out = buildGuide("generated", "en: English", "fr: Français", "de: Deutsch", "es: Español",
                "notes/one.md", "One", "fr/notes/one.md", "Un");
        assertEquals(List.of("Home | Pages in Notes.", "Accueil | Les pages de la section Notes.",
                        "Startseite | Die Seiten im Abschnitt Notes.", "Inicio | Las páginas de la sección Notes."),
                List.of("", "fr/", "de/", "es/").stream().map(prefix -> Run.html(out.resolve(prefix + "index.html")).select("h1").text()
                        + " | " + Run.html(out.resolve(prefix + "notes/index.html")).select("meta[name=description]").attr("content")).toList());
    }

    /**
     * Builds a small guide in {@code tmp/name}: the languages ({@code "fr: Français"}, the first the default), then
     * pairs of a Markdown file and its title. Returns the built site.
     */
    private static Path buildGuide(String name, String... languagesThenPages) throws IOException {
        Path content = tmp.resolve(name + "/content");
        StringBuilder yaml = new StringBuilder("title: T\nlanguages:\n");
        int i = 0;
        for (; i < languagesThenPages.length && !languagesThenPages[i].endsWith(".md"); i++) {
            String[] codeName = languagesThenPages[i].split(": ", 2);
            yaml.append("  - {code: ").append(codeName[0]).append(", name: ").append(codeName[1]).append("}\n");
        }
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), yaml);
        for (; i + 1 < languagesThenPages.length; i += 2) {
            Path file = content.resolve(languagesThenPages[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\ntitle: " + languagesThenPages[i + 1] + "\n---\n\nText.\n");
        }
        Path out = tmp.resolve(name + "/site");
        Run.Outcome r = Run.build(content, out, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void eachLanguageHasItsOwnSearchIndex() throws IOException {
        String en = Files.readString(site.resolve("search/shard-0.json"));
        String fr = Files.readString(site.resolve("fr/search/shard-0.json"));
        assertTrue(en.contains("Alpha is the full kit.") && !en.contains("la boîte à outils"), en);
        assertTrue(fr.contains("Alpha, la boîte à outils complète.") && !fr.contains("Alpha is the full kit."), fr);
        assertTrue(fr.contains("Recommandation : Prendre Beta"), "outcomes in the index, in French");
        assertTrue(fr.contains("JSON in, JSON out."), "a fallback page is searchable in its language's index");
        Document doc = page("fr/tools/alpha/index.html");
        Path index = site.resolve("fr/tools/alpha").resolve(doc.select("form.search").attr("data-index")).normalize();
        assertEquals(site.resolve("fr/search/index.json"), index);
        assertEquals("Rechercher", doc.select(".search__button").text());
        assertTrue(Files.isRegularFile(site.resolve("fr/search/index.html")));
        assertEquals("Recherche et index", page("fr/search/index.html").select("h1").text());
    }

    @Test
    void linksInATranslationStayInItsLanguage() {
        Document home = page("fr/index.html");
        assertEquals(List.of("tools/index.html", "decide/index.html", "tools/beta/index.html"),
                home.select(".prose > p a").eachAttr("href"));
        Path logo = site.resolve("fr").resolve(home.select(".prose img").attr("src")).normalize();
        assertEquals(site.resolve("fr/logo.svg"), logo);
        assertTrue(Files.isRegularFile(logo), "the default language's image is published with the translation");
        assertEquals(List.of("../tools/alpha/index.html#right-outils-internes"),
                page("fr/decide/index.html").select("#alpha .decision__evidence a").eachAttr("href"));
        assertTrue(page("fr/index.html").select("nav.sidebar a").eachAttr("href").stream().noneMatch(h -> h.startsWith("../")),
                "the French navigation stays under /fr/");
    }

    @Test
    void theDecisionTreeAndTheComparisonAreTranslated() {
        Document decide = page("fr/decide/index.html");
        assertEquals(List.of("Prendre Alpha", "Prendre Beta"), decide.select(".decision__outcome h2").eachText().stream()
                .map(t -> t.replace("Recommandation ", "")).toList());
        assertEquals("Question 1 le serveur ne renvoie-t-il que du JSON ?", decide.select("#json-only h2").text());
        assertEquals("Répondez aux questions dans l’ordre ; chaque réponse vous mène à l’étape suivante.",
                decide.select(".decision__intro").text());
        Document compare = page("fr/compare/index.html");
        assertEquals(List.of("ORM intégré", "Interface d’administration", "Native async"),
                compare.select("table.comparison tbody th").eachText(), "labels from the language's entry in site.yaml, else the site's");
        assertEquals("Ce qui est fourni d’office, d’après chaque profil", compare.select("table.comparison caption").text());
        assertEquals("Intégré", compare.select("tr[data-capability=orm] td").first().select(".cap__note").text());
        assertEquals(List.of("ORM", "Admin panel", "Native async"), page("compare/index.html").select("table.comparison tbody th").eachText());
        // the map of the tree speaks the page's language too: its node labels and its text alternative
        assertEquals("Description textuelle de la carte", decide.select(".diagram--map .diagram__text summary").text());
        assertEquals(List.of("Question", "Recommandation"), decide.select(".diagram--map .diagram__detail").eachText().stream().distinct().sorted().toList());
        Document decideEn = page("decide/index.html");
        assertEquals("Text description of the map", decideEn.select(".diagram--map .diagram__text summary").text());
        assertEquals(List.of("Outcome", "Question"), decideEn.select(".diagram--map .diagram__detail").eachText().stream().distinct().sorted().toList());
        // the node's words read apart (label in name: a link around the node is named by what it shows)
        for (var node : decideEn.select(".diagram--map .diagram__node")) {
            String shown = String.join(" ", node.select("text").eachText());
            assertEquals(shown, node.text(), "the texts of a map node run together");
        }
    }

    @Test
    void theInterfaceTextIsInThePageLanguageAndReachesTheScripts() {
        Document fr = page("fr/index.html");
        assertEquals("Aller au contenu", fr.select(".skip-link").text());
        assertEquals("Langue", fr.select("nav.languages").attr("aria-label"));
        assertTrue(fr.select("script#wm-ui[type=application/json]").first().data().contains("\"code_copy\":\"Copier\""));
        Document en = page("index.html");
        assertEquals("Skip to content", en.select(".skip-link").text());
        assertTrue(en.select("script#wm-ui").isEmpty(), "the scripts carry their English");
        Document ar = page("ar/index.html");
        assertEquals("انتقل إلى المحتوى", ar.select(".skip-link").text(), "the guide's own override");
        assertEquals("Edit this page", ar.select(".page__edit a").text(), "a key the override lacks reads English");
        Document alpha = page("fr/tools/alpha/index.html");
        assertEquals(List.of("✔ Bon choix", "✔ Bon choix", "✘ Mauvais choix"), alpha.select(".choice__badge").eachText(),
                "the words the body renderer adds are in the page's language too");
        assertEquals(List.of("✔ Right choice", "✔ Right choice", "✘ Wrong choice"),
                page("tools/alpha/index.html").select(".choice__badge").eachText());
    }

    @Test
    void sitemapListsEveryLanguageWithAlternates() throws IOException {
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/guide/fr/tools/beta/</loc>"));
        assertTrue(sitemap.contains("<loc>https://example.org/guide/ar/</loc>"));
        assertTrue(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/guide/fr/tools/alpha/\"/>"));
        assertFalse(sitemap.contains("hreflang=\"ar\" href=\"https://example.org/guide/ar/tools/alpha/\""), "not a translation");
        assertTrue(Files.readString(site.resolve("fr/feed.xml")).contains("https://example.org/guide/fr/"));
        assertTrue(Files.readString(site.resolve("fr/llms.txt")).contains("https://example.org/guide/fr/tools/alpha/index.md"));
        assertTrue(Files.isRegularFile(site.resolve("fr/tools/alpha/card.png")));
        assertFalse(Files.exists(site.resolve("fr/404.html")), "one 404 page, at the root");
        assertFalse(Files.exists(site.resolve("fr/robots.txt")));
    }

    @Test
    void theBuiltSitePassesCheckAndBuildsTheSameBytesTwice() throws IOException {
        Run.Outcome check = Run.waymark("check", site.toString(), "--base-path", "/guide/");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        Path again = tmp.resolve("again");
        assertEquals(0, build(again).exitCode());
        List<String> files = new ArrayList<>();
        try (var s = Files.walk(site)) {
            s.filter(Files::isRegularFile).forEach(p -> files.add(site.relativize(p).toString()));
        }
        assertTrue(files.size() > 60);
        for (String f : files) assertArrayEquals(Files.readAllBytes(site.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }

    @Test
    void aGuideWithoutLanguagesShowsNothingOfThem() {
        Path mini = tmp.resolve("mini");
        assertEquals(0, Run.build(SiteStructureTest.MINI, mini, "--quiet").exitCode());
        for (Path file : Run.htmlFiles(mini)) {
            Document doc = Run.html(file);
            assertFalse(doc.select("html").hasAttr("dir"), file + ": no dir, as before languages existed");
            assertTrue(doc.select("link[hreflang], nav.languages, .page__fallback, script#wm-ui, [lang]:not(html)").isEmpty(), file.toString());
        }
        assertFalse(Files.exists(mini.resolve("en")));
    }

    private static void assertLangDir(String rel, String lang, String dir) {
        Document doc = page(rel);
        assertEquals(lang + " " + dir, doc.select("html").attr("lang") + " " + doc.select("html").attr("dir"), rel);
    }

    private static List<String> alternates(String rel) {
        return page(rel).select("head link[rel=alternate][hreflang]").stream().map(l -> l.attr("hreflang") + " " + l.attr("href")).toList();
    }

    private static Document page(String rel) {
        return Run.html(site.resolve(rel));
    }
}

package dev.waymark.render;

import dev.waymark.diag.Diagnostics;
import dev.waymark.render.view.UiText;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme's interface text: complete in every shipped language, English for the rest, overridable per key. */
class UiTextsTest {
    static final Path DEFAULT = Run.THEMES.resolve("default");

    @Test
    void frenchGermanAndSpanishTranslateEveryEnglishString() {
        Set<String> english = own("en");
        assertTrue(english.size() > 90, "keys: " + english.size());
        for (String code : List.of("fr", "de", "es")) {
            assertEquals(english, own(code), code + " defines exactly the keys en.yaml defines");
        }
    }

    @Test
    void everyKeyTheTemplatesAndScriptsUseIsDefined() throws IOException {
        Set<String> english = own("en");
        Set<String> used = new TreeSet<>();
        Pattern template = Pattern.compile("ui\\(\\)\\.(?:get|format)\\(\"([a-z_.]+)\"");
        Pattern script = Pattern.compile("\\bt\\(\"([a-z_]+)\"");
        try (Stream<Path> files = Files.walk(Run.THEMES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                String text = Files.readString(f);
                Matcher m = (name.endsWith(".jte") ? template : name.endsWith(".js") ? script : template).matcher(text);
                while (m.find()) used.add(name.endsWith(".js") ? "js." + m.group(1) : m.group(1));
            }
        }
        Set<String> withEditorial = new TreeSet<>(english);
        withEditorial.addAll(Set.of("editorial.philosophy", "editorial.further_reading"));
        used.removeAll(withEditorial);
        assertEquals(Set.of(), used, "keys used but not in en.yaml");
    }

    @Test
    void anUnknownLanguageReadsEnglishAndARegionReadsItsLanguage() {
        Diagnostics d = new Diagnostics();
        UiText nl = UiTexts.load(List.of(DEFAULT), "nl", d);
        assertEquals("Skip to content", nl.get("skip"));
        assertEquals("Aller au contenu", UiTexts.load(List.of(DEFAULT), "fr-CA", d).get("skip"));
        assertEquals("", UiTexts.load(List.of(DEFAULT), "en-GB", d).script(), "English needs no strings in the page");
        assertTrue(UiTexts.load(List.of(DEFAULT), "de", d).script().contains("\"back\":\"Zurück\""));
        assertEquals(List.of(), d.sorted());
    }

    @Test
    void aGuideOverridesOneStringAndABrokenFileIsAnErrorAtItsLine(@TempDir Path tmp) throws IOException {
        Path local = tmp.resolve("local");
        Files.createDirectories(local.resolve("i18n"));
        Files.writeString(local.resolve("i18n/fr.yaml"), "toc: Dans cette page\nsearch:\n  button: Chercher\n");
        Diagnostics d = new Diagnostics();
        UiText fr = UiTexts.load(List.of(local, DEFAULT), "fr", d);
        assertEquals("Dans cette page", fr.get("toc"));
        assertEquals("Chercher", fr.get("search.button"));
        assertEquals("Rechercher dans le guide", fr.get("search.label"), "the rest from the theme");
        Files.writeString(local.resolve("i18n/fr.yaml"), "toc: Dans cette page\nsearch:\n  button:\n");
        UiTexts.load(List.of(local, DEFAULT), "fr", d);
        assertEquals(List.of(local.resolve("i18n/fr.yaml") + ":3:3: error: UI string \"search.button\" is empty"),
                d.sorted().stream().map(x -> x.at() + ": error: " + x.message()).toList());
    }

    private static Set<String> own(String code) {
        Diagnostics d = new Diagnostics();
        Path only = DEFAULT.resolve("i18n").resolve(code + ".yaml");
        assertTrue(Files.isRegularFile(only), only.toString());
        // load the one file alone: a folder holding just it, so English cannot fill gaps
        UiText text = UiTexts.load(List.of(DEFAULT), code, d);
        assertEquals(List.of(), d.sorted());
        Set<String> keys = new TreeSet<>();
        try {
            String yaml = Files.readString(only);
            Path tmp = Files.createTempDirectory("ui");
            Files.createDirectories(tmp.resolve("i18n"));
            Files.writeString(tmp.resolve("i18n").resolve("xx.yaml"), yaml);
            keys.addAll(UiTexts.load(List.of(tmp), "xx", d).strings().keySet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(text.strings().keySet().containsAll(keys));
        return keys;
    }
}

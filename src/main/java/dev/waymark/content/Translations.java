package dev.waymark.content;

import dev.waymark.model.Language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits what the content walk found by language. The default language's files stay where they are; a translation
 * mirrors their paths in a folder named for its language code ({@code content/fr/decide.md} translates
 * {@code content/decide.md}, as Starlight lays it out). Each translated file keeps its own display path for messages,
 * and gets the path it translates as its source path, so its links are written, and resolve, as in the default
 * language.
 *
 * @param pages   the default language's pages
 * @param folders each other language's translated pages and files, by language code, in declaration order
 */
public record Translations(List<SourceFile> pages, Map<String, Folder> folders) {
    public Translations {
        pages = List.copyOf(pages);
        folders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(folders));
    }

    /** One translation's folder, its paths relative to that folder. */
    public record Folder(List<SourceFile> pages, List<ContentLoader.Asset> assets) {
        public Folder {
            pages = List.copyOf(pages);
            assets = List.copyOf(assets);
        }
    }

    /** A guide in one language keeps every file in its default language. */
    public static Translations of(ContentLoader.Loaded loaded, List<Language> languages) {
        Map<String, List<SourceFile>> pages = new LinkedHashMap<>();
        Map<String, List<ContentLoader.Asset>> assets = new LinkedHashMap<>();
        for (Language l : languages.size() < 2 ? List.<Language>of() : languages.subList(1, languages.size())) {
            pages.put(l.code(), new ArrayList<>());
            assets.put(l.code(), new ArrayList<>());
        }
        List<SourceFile> main = new ArrayList<>();
        for (SourceFile s : loaded.pages()) {
            String code = folderOf(s.relPath(), pages.keySet());
            if (code == null) main.add(s);
            else pages.get(code).add(new SourceFile(s.relPath().substring(code.length() + 1), s.displayPath(), s.text()));
        }
        for (ContentLoader.Asset a : loaded.assets()) {
            String code = folderOf(a.relPath(), assets.keySet());
            if (code != null) assets.get(code).add(new ContentLoader.Asset(a.relPath().substring(code.length() + 1), a.file()));
        }
        Map<String, Folder> folders = new LinkedHashMap<>();
        pages.forEach((code, list) -> folders.put(code, new Folder(list, assets.get(code))));
        return new Translations(main, folders);
    }

    /** The default language's files: those in no translation's folder. */
    public List<ContentLoader.Asset> mainAssets(List<ContentLoader.Asset> all) {
        return all.stream().filter(a -> folderOf(a.relPath(), folders.keySet()) == null).toList();
    }

    private static String folderOf(String relPath, java.util.Set<String> codes) {
        int slash = relPath.indexOf('/');
        return slash > 0 && codes.contains(relPath.substring(0, slash)) ? relPath.substring(0, slash) : null;
    }
}

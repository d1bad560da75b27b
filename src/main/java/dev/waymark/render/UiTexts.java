package dev.waymark.render;

import dev.waymark.content.FrontMatterReader;
import dev.waymark.content.TextDecoder;
import dev.waymark.content.YamlFields;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.Json;
import dev.waymark.diag.Positioned;
import dev.waymark.diag.SourcePosition;
import dev.waymark.render.view.UiText;
import org.snakeyaml.engine.v2.nodes.MappingNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a theme's interface text for a language from {@code i18n/<code>.yaml} in each of its folders: the project's
 * overrides first, then the theme, then the themes it extends. A key is taken from the first file that has it, trying
 * the language ({@code pt-BR}), then its primary subtag ({@code pt}), then English, so an unknown language reads
 * English and a guide's {@code themes/local/i18n/fr.yaml} can change a single string.
 */
public final class UiTexts {
    public static final String FOLDER = "i18n";
    /** Keys under this prefix are what the widget scripts show; they reach the page as JSON. */
    static final String SCRIPT_PREFIX = "js.";

    private UiTexts() {
    }

    public static UiText load(List<Path> themeFolders, String code, Diagnostics diagnostics) {
        Map<String, String> strings = new LinkedHashMap<>();
        List<String> tried = candidates(code);
        for (String candidate : tried) {
            for (Path folder : themeFolders) {
                read(folder.resolve(FOLDER).resolve(candidate + ".yaml"), diagnostics).forEach(strings::putIfAbsent);
            }
        }
        Map<String, Object> script = new java.util.TreeMap<>();
        strings.forEach((k, v) -> {
            if (k.startsWith(SCRIPT_PREFIX)) script.put(k.substring(SCRIPT_PREFIX.length()), v);
        });
        // the scripts carry their English; other languages hand them their strings in the page
        boolean english = tried.get(0).equals("en") || tried.get(0).startsWith("en-");
        return new UiText(code, strings, english ? "" : Json.write(script));
    }

    /** The words assembly gives the pages it generates (a home page or a section without index.md). */
    public static dev.waymark.assemble.SiteAssembler.Words generatedPages(UiText ui) {
        return new dev.waymark.assemble.SiteAssembler.Words(ui.get("section.home"), ui.get("section.generated"));
    }

    /** {@code pt-BR}, {@code pt}, {@code en}: the language, its primary subtag, English. */
    static List<String> candidates(String code) {
        List<String> out = new ArrayList<>();
        String lower = code.toLowerCase(Locale.ROOT);
        out.add(lower);
        int dash = lower.indexOf('-');
        if (dash > 0) out.add(lower.substring(0, dash));
        if (!out.contains("en")) out.add("en");
        return out;
    }

    /** A file's strings; nested mappings become dotted keys ({@code toc: {title: …}} is {@code toc.title}). */
    private static Map<String, String> read(Path file, Diagnostics diagnostics) {
        if (!Files.isRegularFile(file)) return Map.of();
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(file), file, diagnostics);
        } catch (IOException e) {
            diagnostics.error("unreadable-file", SourcePosition.ofFile(file), "cannot read the theme's UI strings: " + e.getMessage(),
                    "check the file's permissions");
            return Map.of();
        }
        if (text == null) return Map.of();
        Optional<MappingNode> map = FrontMatterReader.compose(text, file, 0, diagnostics);
        Map<String, String> out = new LinkedHashMap<>();
        map.ifPresent(m -> flatten("", new YamlFields(m, file, 0, diagnostics), out, diagnostics));
        return out;
    }

    private static void flatten(String prefix, YamlFields fields, Map<String, String> out, Diagnostics diagnostics) {
        for (Positioned<String> key : fields.keys()) {
            Optional<org.snakeyaml.engine.v2.nodes.Node> node = fields.node(key.value());
            if (node.isEmpty()) {
                diagnostics.error("ui-string-empty", key.at(), "UI string \"" + prefix + key.value() + "\" is empty",
                        "write its text, or remove the line to use English");
            } else if (node.get() instanceof MappingNode) {
                fields.mapping(key.value()).ifPresent(inner -> flatten(prefix + key.value() + ".", inner, out, diagnostics));
            } else {
                fields.asString(prefix + key.value(), node.get()).ifPresent(v -> out.put(prefix + key.value(), v));
            }
        }
    }
}

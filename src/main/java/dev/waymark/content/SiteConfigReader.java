package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.Language;
import dev.waymark.model.SiteConfig;
import dev.waymark.diag.Diagnostic;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code site.yaml} from the content root. Every key is optional; unknown keys are errors. */
public final class SiteConfigReader {
    public static final String FILE_NAME = "site.yaml";
    private static final Set<String> KEYS = Set.of("title", "description", "base_url", "repository", "branch",
            "content_path", "language", "theme", "reviewed", "capabilities", "raw_html", "footer", "profiles", "cards",
            "review_max_age_days", "languages");

    /** An absolute http(s) URL: a host, no user name, no query or fragment (pages are appended to it). */
    private static final Pattern ABSOLUTE_HTTP = Pattern.compile("(?i)https?://[\\p{L}\\p{N}.\\[\\]:-]+(/[^\\s<>\"'\\\\?#]*)?");

    /**
     * Where site.yaml gives {@code key} its value, read again: for a problem found after the file was read, such as a
     * {@code theme:} that is not installed, so the error points at the value to change. Empty when there is none.
     */
    public static Optional<SourcePosition> valuePosition(Path contentDir, Path displayDir, String key) {
        Path shown = displayDir.resolve(FILE_NAME);
        try {
            String text = new String(Files.readAllBytes(contentDir.resolve(FILE_NAME)), java.nio.charset.StandardCharsets.UTF_8);
            Diagnostics ignored = new Diagnostics(); // the file was read, and its problems reported, by read()
            return FrontMatterReader.compose(text, shown, 0, ignored).flatMap(m -> {
                YamlFields f = new YamlFields(m, shown, 0, ignored);
                return f.node(key).map(f::at);
            });
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public SiteConfig read(Path contentDir, Path displayDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve(FILE_NAME);
        Path shown = displayDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        if (Files.isSymbolicLink(file) && !inside(contentDir, file)) {
            diagnostics.error("symlink-outside", SourcePosition.ofFile(shown), "site.yaml is a symlink to a file outside the content folder",
                    "copy the file into the content folder instead of linking to it");
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(file), shown, diagnostics);
        } catch (IOException e) {
            diagnostics.error("unreadable-file", SourcePosition.ofFile(shown), "cannot read site config: " + e.getMessage(), "check the file's permissions");
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        if (text == null) {
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        BidiControls.scan(text, shown, diagnostics);
        Optional<MappingNode> map = FrontMatterReader.compose(text, shown, 0, diagnostics);
        return fromFields(map.map(m -> new YamlFields(m, shown, 0, diagnostics)), contentDir, displayDir, diagnostics);
    }

    private static Optional<Integer> reviewMaxAge(Optional<YamlFields> fields, Diagnostics diagnostics) {
        Optional<Integer> days = fields.flatMap(f -> f.integer("review_max_age_days"));
        if (days.isPresent() && days.get() < 1) {
            fields.ifPresent(f -> diagnostics.error("bad-value", f.keyPosition("review_max_age_days"),
                    "review_max_age_days must be a positive number of days, not " + days.get(),
                    "write e.g. `review_max_age_days: 365`, or leave the key out for no limit"));
            return Optional.empty();
        }
        return days;
    }

    private static boolean inside(Path contentDir, Path file) {
        try {
            return file.toRealPath().startsWith(contentDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private SiteConfig fromFields(Optional<YamlFields> fields, Path contentDir, Path displayDir, Diagnostics diagnostics) {
        fields.ifPresent(f -> f.rejectUnknown(KEYS, FILE_NAME));
        Map<String, String> capabilities = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Optional<Node> capsNode = fields.flatMap(f -> f.node("capabilities"))
                .filter(n -> !(n instanceof MappingNode) && !(n instanceof ScalarNode sc && sc.getTag().equals(Tag.NULL)));
        capsNode.ifPresent(n -> {
            // every profile's includes: would be "unknown capability" after this: it is the cause, listed first, and
            // those consequences are left out (as for a site.yaml that cannot be read)
            diagnostics.cause(Diagnostic.error("wrong-type", fields.orElseThrow().at(n),
                    "capabilities must be `key: label` lines, not " + (n instanceof SequenceNode ? "a list" : "one value")
                            + ", so no capability is declared",
                    "write one line per capability under `capabilities:`, indented by two spaces, e.g. `  offline: Works offline`"));
        });
        fields.filter(f -> capsNode.isEmpty()).flatMap(f -> f.mapping("capabilities")).ifPresent(caps -> {
            for (dev.waymark.diag.Positioned<String> key : caps.keys()) {
                caps.string(key.value()).ifPresent(label -> {
                    capabilities.put(key.value(), label);
                    order.add(key.value());
                });
            }
        });
        String rawHtml = fields.flatMap(f -> f.string("raw_html")).orElse("sanitize");
        if (!rawHtml.equals("sanitize") && !rawHtml.equals("trust")) {
            fields.ifPresent(f -> diagnostics.error("bad-value", f.keyPosition("raw_html"), "raw_html must be sanitize or trust, not \"" + rawHtml + "\"",
                    "use `raw_html: sanitize` (the default) unless every contributor is trusted"));
        }
        fields.flatMap(f -> f.string("repository")).filter(r -> !r.matches("(?i)^https?://[^\\s<>\"]+$")).ifPresent(r ->
                fields.ifPresent(f -> diagnostics.error("bad-url", f.keyPosition("repository"), "repository must be an http(s) URL",
                        "write e.g. `repository: https://github.com/owner/repo`")));
        String baseUrl = fields.flatMap(f -> f.string("base_url")).orElse("/");
        if (fields.flatMap(f -> f.string("base_url")).isPresent() && !ABSOLUTE_HTTP.matcher(baseUrl).matches()) {
            String shown = baseUrl;
            fields.ifPresent(f -> diagnostics.error("bad-url", f.keyPosition("base_url"), "base_url must be an http(s) URL with a host, not \"" + shown + "\"",
                    "write e.g. `base_url: https://example.org/guide/`"));
            baseUrl = "/";
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        // the page's lang attribute: "english" or "en us" would be written as it is, and mean nothing to a screen reader
        fields.ifPresent(f -> f.string("language").filter(code -> !Language.CODE.matcher(code).matches()).ifPresent(code ->
                diagnostics.error("language-bad-code", f.node("language").map(f::at).orElse(f.keyPosition("language")),
                        "language \"" + code + "\" is not a BCP 47 language tag",
                        "use a tag such as en, fr, pt-BR or zh-Hant; it is every page's lang attribute")));
        List<Language> languages = languages(fields, capabilities.keySet(), diagnostics);
        String contentPath = fields.flatMap(f -> f.string("content_path"))
                .orElse(publishedPath(contentDir));
        return new SiteConfig(
                fields.flatMap(f -> f.string("title")).orElse(""),
                fields.flatMap(f -> f.string("description")).orElse(""),
                baseUrl,
                fields.flatMap(f -> f.string("repository")).map(r -> r.replaceAll("/+$", "")).orElse(""),
                fields.flatMap(f -> f.string("branch")).orElse("main"),
                contentPath,
                languages.isEmpty() ? fields.flatMap(f -> f.string("language")).orElse("en") : languages.get(0).code(),
                fields.flatMap(f -> f.string("theme")),
                fields.flatMap(f -> f.date("reviewed")),
                capabilities, order, rawHtml.equals("trust"),
                fields.flatMap(f -> f.string("footer")).orElse(""),
                fields.flatMap(f -> f.bool("cards")).orElse(true),
                reviewMaxAge(fields, diagnostics), languages);
    }

    private static final Set<String> LANGUAGE_KEYS = Set.of("code", "name", "dir", "title", "description", "footer", "capabilities");

    /**
     * {@code languages: [{code: en, name: English}, {code: ar, name: العربية, dir: rtl}]}: the default language is
     * {@code language:} when it names one of them, else the first. Each code must be a BCP 47 tag and appear once.
     */
    static List<Language> languages(Optional<YamlFields> fields, Set<String> known, Diagnostics diagnostics) {
        if (fields.isEmpty() || !fields.get().has("languages")) return List.of();
        YamlFields f = fields.get();
        List<Language> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (YamlFields entry : f.mappingList("languages")) {
            entry.rejectUnknown(LANGUAGE_KEYS, "a language");
            Optional<String> code = entry.string("code");
            if (code.isEmpty()) {
                diagnostics.error("language-bad-code", entry.mapPosition(), "a language has no code",
                        "write e.g. `- {code: fr, name: Français}`");
                continue;
            }
            SourcePosition at = entry.node("code").map(entry::at).orElse(entry.mapPosition());
            if (!Language.CODE.matcher(code.get()).matches()) {
                diagnostics.error("language-bad-code", at, "language code \"" + code.get() + "\" is not a BCP 47 language tag",
                        "use a tag such as en, fr, pt-BR or zh-Hant; it names the translation's folder and its URL prefix");
                continue;
            }
            if (!seen.add(code.get().toLowerCase(java.util.Locale.ROOT))) {
                diagnostics.error("language-twice", at, "language \"" + code.get() + "\" is declared twice", "keep one of the entries");
                continue;
            }
            String dir = entry.string("dir").orElse("ltr");
            if (!dir.equals("ltr") && !dir.equals("rtl")) {
                diagnostics.error("bad-value", entry.node("dir").map(entry::at).orElse(at), "dir must be ltr or rtl, not \"" + dir + "\"",
                        "write `dir: rtl` for a language written right to left, or leave it out");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            entry.mapping("capabilities").ifPresent(caps -> {
                for (dev.waymark.diag.Positioned<String> key : caps.keys()) {
                    if (!known.contains(key.value())) {
                        String near = dev.waymark.diag.Suggest.closest(key.value(), known);
                        diagnostics.error("unknown-capability", key.at(), "unknown capability \"" + key.value() + "\" in the labels of language " + code.get(),
                                near == null ? "label only keys of the top-level `capabilities:`" : "did you mean \"" + near + "\"?");
                        continue;
                    }
                    caps.string(key.value()).ifPresent(label -> labels.put(key.value(), label));
                }
            });
            out.add(new Language(code.get(), entry.string("name").orElse(code.get()), dir.equals("rtl"), entry.string("title"),
                    entry.string("description"), entry.string("footer"), labels));
        }
        Optional<String> main = f.string("language");
        if (main.isPresent() && !out.isEmpty() && Language.CODE.matcher(main.get()).matches()) { // a bad code is reported as such
            int at = -1;
            for (int i = 0; i < out.size(); i++) if (out.get(i).code().equals(main.get())) at = i;
            if (at < 0) {
                diagnostics.error("language-not-listed", f.keyPosition("language"), "language \"" + main.get() + "\" is not one of the languages",
                        "add it to `languages:`, or leave `language:` out: the first of the languages is the default");
            } else {
                out.add(0, out.remove(at));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The content folder as the built site names it (edit links, {@code data-source}): relative to the working
     * directory when inside it, else just the folder's name, so the output never depends on where the guide sits.
     */
    public static String publishedPath(Path contentDir) {
        Path abs = contentDir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) return cwd.relativize(abs).toString().replace('\\', '/');
        return abs.getFileName() == null ? "content" : abs.getFileName().toString();
    }
}

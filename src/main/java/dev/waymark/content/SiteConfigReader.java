package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.SiteConfig;
import org.snakeyaml.engine.v2.nodes.MappingNode;

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
            "content_path", "language", "theme", "reviewed", "capabilities", "raw_html", "footer", "profiles", "cards");

    /** An absolute http(s) URL: a host, no user name, no query or fragment (pages are appended to it). */
    private static final Pattern ABSOLUTE_HTTP = Pattern.compile("(?i)https?://[\\p{L}\\p{N}.\\[\\]:-]+(/[^\\s<>\"'\\\\?#]*)?");

    public SiteConfig read(Path contentDir, Path displayDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve(FILE_NAME);
        Path shown = displayDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        if (Files.isSymbolicLink(file) && !inside(contentDir, file)) {
            diagnostics.error(SourcePosition.ofFile(shown), "site.yaml is a symlink to a file outside the content folder",
                    "copy the file into the content folder instead of linking to it");
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(file), shown, diagnostics);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.ofFile(shown), "cannot read site config: " + e.getMessage(), "check the file's permissions");
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        if (text == null) {
            return fromFields(Optional.empty(), contentDir, displayDir, diagnostics);
        }
        BidiControls.scan(text, shown, diagnostics);
        Optional<MappingNode> map = FrontMatterReader.compose(text, shown, 0, diagnostics);
        return fromFields(map.map(m -> new YamlFields(m, shown, 0, diagnostics)), contentDir, displayDir, diagnostics);
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
        fields.flatMap(f -> f.mapping("capabilities")).ifPresent(caps -> {
            for (dev.waymark.diag.Positioned<String> key : caps.keys()) {
                caps.string(key.value()).ifPresent(label -> {
                    capabilities.put(key.value(), label);
                    order.add(key.value());
                });
            }
        });
        String rawHtml = fields.flatMap(f -> f.string("raw_html")).orElse("sanitize");
        if (!rawHtml.equals("sanitize") && !rawHtml.equals("trust")) {
            fields.ifPresent(f -> diagnostics.error(f.keyPosition("raw_html"), "raw_html must be sanitize or trust, not \"" + rawHtml + "\"",
                    "use `raw_html: sanitize` (the default) unless every contributor is trusted"));
        }
        fields.flatMap(f -> f.string("repository")).filter(r -> !r.matches("(?i)^https?://[^\\s<>\"]+$")).ifPresent(r ->
                fields.ifPresent(f -> diagnostics.error(f.keyPosition("repository"), "repository must be an http(s) URL",
                        "write e.g. `repository: https://github.com/owner/repo`")));
        String baseUrl = fields.flatMap(f -> f.string("base_url")).orElse("/");
        if (fields.flatMap(f -> f.string("base_url")).isPresent() && !ABSOLUTE_HTTP.matcher(baseUrl).matches()) {
            String shown = baseUrl;
            fields.ifPresent(f -> diagnostics.error(f.keyPosition("base_url"), "base_url must be an http(s) URL with a host, not \"" + shown + "\"",
                    "write e.g. `base_url: https://example.org/guide/`"));
            baseUrl = "/";
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        String contentPath = fields.flatMap(f -> f.string("content_path"))
                .orElse(publishedPath(contentDir));
        return new SiteConfig(
                fields.flatMap(f -> f.string("title")).orElse(""),
                fields.flatMap(f -> f.string("description")).orElse(""),
                baseUrl,
                fields.flatMap(f -> f.string("repository")).map(r -> r.replaceAll("/+$", "")).orElse(""),
                fields.flatMap(f -> f.string("branch")).orElse("main"),
                contentPath,
                fields.flatMap(f -> f.string("language")).orElse("en"),
                fields.flatMap(f -> f.string("theme")),
                fields.flatMap(f -> f.date("reviewed")),
                capabilities, order, rawHtml.equals("trust"),
                fields.flatMap(f -> f.string("footer")).orElse(""),
                fields.flatMap(f -> f.bool("cards")).orElse(true));
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

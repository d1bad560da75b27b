package dev.waymark.check;

import dev.waymark.diag.SourcePosition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Points a finding back at the Markdown line that produced it. Waymark pages name their source in
 * {@code <html data-source>}; the line is the first one that holds the link's text, its target's fragment or its URL.
 * Without a source (any other generator's site), the finding stays on the HTML file and line.
 */
final class SourceMapper {
    private final Path projectDir;
    private final Map<String, Optional<List<String>>> cache = new ConcurrentHashMap<>();

    SourceMapper(Path projectDir) {
        this.projectDir = projectDir;
    }

    SourcePosition pageLevel(PageFacts page, int htmlLine) {
        return lines(page).isPresent() ? SourcePosition.of(Path.of(page.source()), 1) : html(page, htmlLine);
    }

    SourcePosition ref(PageFacts page, PageFacts.Ref ref) {
        Optional<List<String>> lines = lines(page);
        if (lines.isEmpty() || ref.tree()) {
            return html(page, ref.line());
        }
        String text = ref.text().strip();
        int hash = ref.url().indexOf('#');
        String fragment = hash >= 0 ? ref.url().substring(hash) : "";
        List<String> md = lines.get();
        String url = ref.url();
        // the link text as Markdown writes it, then its fragment, then the URL as written in Markdown or raw HTML
        // (links to pages are rewritten on the way out, but images, files and raw HTML keep theirs), then bare text
        for (String needle : new String[]{text.isEmpty() ? null : "[" + text + "]", fragment.length() > 1 ? fragment + ")" : null,
                url.isEmpty() ? null : "](" + url, url.isEmpty() ? null : "=\"" + url + "\"", url.isEmpty() ? null : "='" + url + "'",
                url.isEmpty() ? null : "=" + url, text.isEmpty() ? null : text}) {
            if (needle == null) continue;
            for (int i = 0; i < md.size(); i++) {
                if (md.get(i).contains(needle)) return SourcePosition.of(Path.of(page.source()), i + 1);
            }
        }
        return html(page, ref.line());
    }

    SourcePosition local(PageFacts page, PageFacts.Local local) {
        return local.pageLevel() ? pageLevel(page, local.line()) : html(page, local.line());
    }

    private static SourcePosition html(PageFacts page, int line) {
        return SourcePosition.of(Path.of(page.file()), line);
    }

    private Optional<List<String>> lines(PageFacts page) {
        if (page.source().isEmpty()) return Optional.empty();
        return cache.computeIfAbsent(page.source(), s -> {
            Path p = projectDir.resolve(s).normalize();
            if (!p.startsWith(projectDir.toAbsolutePath().normalize()) && !p.startsWith(projectDir.normalize())) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllLines(p, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}

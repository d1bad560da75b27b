package dev.waymark.check;

import dev.waymark.diag.DisplayPath;
import dev.waymark.diag.SourcePosition;
import dev.waymark.links.SourceMap;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where to report a finding: at the Markdown line and column that produced it, when the site was built by Waymark
 * and carries its {@link SourceMap}; otherwise (any other generator's site, or a reference that came from a template)
 * in the built file. Nothing is guessed: a reference is found in the map by its URL and how many references to the
 * same URL come before it on the page. Markdown paths open from the current folder ({@link DisplayPath}).
 */
final class MarkdownPositions {
    private final Path root;
    private final Optional<SourceMap> map;

    MarkdownPositions(Path root, Optional<SourceMap> map) {
        this.root = root;
        this.map = map;
    }

    SourcePosition pageLevel(PageFacts page, int htmlLine) {
        return source(page).map(p -> SourcePosition.ofFile(file(p))).orElseGet(() -> html(page, htmlLine));
    }

    /**
     * @param occurrence how many references to the same URL come before this one on the page
     */
    SourcePosition ref(PageFacts page, PageFacts.Ref ref, int occurrence) {
        if (ref.tree()) return html(page, ref.line());
        Optional<SourceMap.Page> source = source(page);
        Optional<SourceMap.Ref> at = source.flatMap(p -> p.find(ref.url(), occurrence));
        return at.isPresent() ? new SourcePosition(file(source.get()), at.get().line(), at.get().column()) : html(page, ref.line());
    }

    SourcePosition local(PageFacts page, PageFacts.Local local) {
        return local.pageLevel() ? pageLevel(page, local.line()) : html(page, local.line());
    }

    private Optional<SourceMap.Page> source(PageFacts page) {
        return map.flatMap(m -> m.page(page.file()));
    }

    private Path file(SourceMap.Page page) {
        return DisplayPath.of(root.resolve(map.orElseThrow().sourceFile(page)));
    }

    private static SourcePosition html(PageFacts page, int line) {
        return SourcePosition.of(Path.of(page.file()), line);
    }
}

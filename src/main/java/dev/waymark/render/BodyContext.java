package dev.waymark.render;

import com.vladsch.flexmark.util.data.NullableDataKey;
import dev.waymark.content.Directive;
import dev.waymark.content.PageStructure;
import dev.waymark.diag.Diagnostics;
import dev.waymark.model.Page;
import dev.waymark.links.SiteLinks;
import dev.waymark.links.SourceMap;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the body renderer needs to know about the page being rendered. It travels inside the flexmark Document, so
 * the shared, immutable renderer serves every page on every thread.
 */
record BodyContext(Page page, Path file, PageStructure structure, SiteLinks links, Diagnostics diagnostics,
                   boolean trustRawHtml, Function<Directive, String> directives, List<SourceMap.Ref> refs,
                   dev.waymark.render.view.UiText ui) {
    static final NullableDataKey<BodyContext> KEY = new NullableDataKey<>("WAYMARK_BODY_CONTEXT");

    /** A context whose references are not recorded (decision fragments, which the page's body does not carry). */
    BodyContext(Page page, Path file, PageStructure structure, SiteLinks links, Diagnostics diagnostics,
                boolean trustRawHtml, Function<Directive, String> directives, dev.waymark.render.view.UiText ui) {
        this(page, file, structure, links, diagnostics, trustRawHtml, directives, new java.util.ArrayList<>(), ui);
    }

    /** Records a URL the body carries at the Markdown position that produced it, for the site's {@link SourceMap}. */
    void record(String url, dev.waymark.diag.SourcePosition at) {
        refs.add(new SourceMap.Ref(url, at.line(), at.column()));
    }

    static BodyContext of(com.vladsch.flexmark.util.ast.Node node) {
        return KEY.get(node.getDocument());
    }
}

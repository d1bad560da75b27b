package dev.waymark.render;

import com.vladsch.flexmark.util.data.NullableDataKey;
import dev.waymark.content.Directive;
import dev.waymark.content.PageStructure;
import dev.waymark.diag.Diagnostics;
import dev.waymark.model.Page;
import dev.waymark.links.SiteLinks;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the body renderer needs to know about the page being rendered. It travels inside the flexmark Document, so
 * the shared, immutable renderer serves every page on every thread.
 */
record BodyContext(Page page, Path file, PageStructure structure, SiteLinks links, Diagnostics diagnostics,
                   boolean trustRawHtml, Function<Directive, String> directives) {
    static final NullableDataKey<BodyContext> KEY = new NullableDataKey<>("WAYMARK_BODY_CONTEXT");

    static BodyContext of(com.vladsch.flexmark.util.ast.Node node) {
        return KEY.get(node.getDocument());
    }
}

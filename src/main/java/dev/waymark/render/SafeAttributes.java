package dev.waymark.render;

import com.vladsch.flexmark.ext.attributes.internal.AttributesAttributeProvider;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.AttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.html.Attribute;
import dev.waymark.diag.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps only harmless attributes from Markdown's {@code {…}} attribute syntax: ids, classes and a few text attributes.
 * Event handlers, styles and anything else are dropped with a warning, so attributes cannot smuggle script in.
 */
final class SafeAttributes implements AttributeProvider {
    private static final Set<String> ALLOWED = Set.of("id", "class", "title", "lang", "dir", "href", "src", "alt", "start",
            "type", "align", "colspan", "rowspan", "checked", "disabled", "readonly", "datetime", "reversed", "scope");

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        List<String> removed = new ArrayList<>();
        for (Attribute a : new ArrayList<>(attributes.values())) {
            String name = a.getName().toLowerCase(Locale.ROOT);
            if (name.indexOf(' ') >= 0) {
                continue; // flexmark's internal markers (e.g. "Link Status") are never written out
            }
            String value = a.getValue().strip().toLowerCase(Locale.ROOT);
            if (!ALLOWED.contains(name) || ((name.equals("href") || name.equals("src")) && value.startsWith("javascript:"))) {
                attributes.remove(a.getName());
                removed.add(a.getName());
            }
        }
        BodyContext c = BodyContext.of(node);
        if (c != null && attributes.contains("href")) { // links, reference links and autolinks: their final URL
            String href = attributes.getValue("href");
            if (!href.isEmpty()) c.record(href, dev.waymark.content.LineIndex.position(c.file(), node));
        }
        if (!removed.isEmpty()) {
            if (c != null) {
                c.diagnostics().warning("attribute-removed", dev.waymark.content.LineIndex.position(c.file(), node),
                        "attribute" + (removed.size() == 1 ? " " : "s ") + String.join(", ", removed) + " removed",
                        "only id, class, title, lang and dir may be set with {…}");
            }
        }
    }

    /** Runs after the attributes extension, so it sees what a contributor wrote in {@code {…}}. */
    static final class Factory implements AttributeProviderFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(AttributesAttributeProvider.Factory.class);
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new SafeAttributes();
        }
    }
}

package dev.waymark.content;

import dev.waymark.diag.SourcePosition;

import java.util.Map;

/**
 * A one-line directive in a paragraph of its own, e.g. {@code {{< decision src="decide.md" >}}} or
 * {{< comparison >}}. Directives place generated parts of the content model inside prose.
 */
public record Directive(String name, Map<String, String> args, SourcePosition at) {
    public Directive {
        args = Map.copyOf(args);
    }
}

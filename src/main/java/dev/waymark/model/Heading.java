package dev.waymark.model;

import dev.waymark.diag.SourcePosition;

/** A heading in a page body: level 2 to 6, its anchor id and its plain text. */
public record Heading(int level, String id, String text, SourcePosition at) {
}

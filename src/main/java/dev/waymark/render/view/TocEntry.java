package dev.waymark.render.view;

/** A table-of-contents entry: heading level (2 to 4), the heading's id and its text. */
public record TocEntry(int level, String id, String text) {
}

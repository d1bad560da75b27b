package dev.waymark.model;

import dev.waymark.diag.SourcePosition;

/**
 * One item of a choice list: a short title and its explanation.
 *
 * @param id    stable anchor: the kind's prefix and the slug of the title, e.g. {@code right-internal-tools}
 * @param title the bold title, without its trailing period
 * @param text  the explanation as plain text (for search and the decision widget)
 */
public record ChoiceItem(String id, String title, String text, SourcePosition at) {
}

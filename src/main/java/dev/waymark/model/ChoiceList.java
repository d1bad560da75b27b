package dev.waymark.model;

import dev.waymark.diag.SourcePosition;

import java.util.List;

/** A "right choice when" or "wrong choice when" list under its heading. */
public record ChoiceList(ChoiceKind kind, String headingId, String heading, List<ChoiceItem> items, SourcePosition at) {
    public ChoiceList {
        items = List.copyOf(items);
    }
}

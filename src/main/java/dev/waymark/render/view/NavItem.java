package dev.waymark.render.view;

import java.util.List;

/** A navigation link relative to the current page; {@code current} marks the page itself, {@code open} its ancestors. */
public record NavItem(String title, String href, boolean current, boolean open, boolean section, List<NavItem> children) {
    public NavItem {
        children = List.copyOf(children);
    }
}

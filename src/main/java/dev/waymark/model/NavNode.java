package dev.waymark.model;

import java.util.List;

/** An entry of the site navigation: a page, or a section with its children, in weight-then-title order. */
public record NavNode(String title, String path, boolean section, List<NavNode> children) {
    public NavNode {
        children = List.copyOf(children);
    }
}

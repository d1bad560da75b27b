package dev.waymark.render.view;

/** One breadcrumb: a title and a link relative to the current page. */
public record Crumb(String title, String href) {
}

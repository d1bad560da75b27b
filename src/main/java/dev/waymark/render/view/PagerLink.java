package dev.waymark.render.view;

/** A previous or next link in reading order. */
public record PagerLink(String title, String href) {
}

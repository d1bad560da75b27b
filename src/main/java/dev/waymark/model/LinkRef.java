package dev.waymark.model;

import dev.waymark.diag.SourcePosition;

/** A titled link from front matter, e.g. a profile's documentation link. */
public record LinkRef(String title, String url, SourcePosition at) {
}

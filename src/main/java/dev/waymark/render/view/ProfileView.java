package dev.waymark.render.view;

import java.util.List;

/** A profile's typed front matter, ready to show: included capability labels and its official links. */
public record ProfileView(String name, String tagline, String philosophy, List<String> includes, List<String> excludes,
                          List<Link> links, UiText ui) {
    public ProfileView {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        links = List.copyOf(links);
    }

    /** An external link. */
    public record Link(String title, String href) {
    }
}

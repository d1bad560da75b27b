package dev.waymark.model;

import dev.waymark.content.YamlFields.Positioned;

import java.util.List;
import java.util.Map;

/**
 * The typed front matter of a profile page ({@code type: profile}).
 *
 * @param name       display name, e.g. "Option A"
 * @param tagline    one line that sums it up
 * @param philosophy what it optimises for, one or two sentences
 * @param includes   capability keys it ships with, each checked against the site's capability list
 * @param notes      optional one-line note per capability key, shown in the comparison table
 * @param links      official links (documentation, repository)
 */
public record ProfileData(String name, String tagline, String philosophy, List<Positioned<String>> includes,
                          Map<String, String> notes, List<LinkRef> links) {
    public ProfileData {
        includes = List.copyOf(includes);
        notes = Map.copyOf(notes);
        links = List.copyOf(links);
    }

    public boolean includes(String capability) {
        return includes.stream().anyMatch(p -> p.value().equals(capability));
    }
}

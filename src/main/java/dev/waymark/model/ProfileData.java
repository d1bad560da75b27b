package dev.waymark.model;

import dev.waymark.diag.Positioned;

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
 * @param noteKeys   the keys of {@code notes}, each where it is written
 */
public record ProfileData(String name, String tagline, String philosophy, List<Positioned<String>> includes,
                          Map<String, String> notes, List<LinkRef> links, List<Positioned<String>> noteKeys) {
    public ProfileData {
        includes = List.copyOf(includes);
        notes = Map.copyOf(notes);
        links = List.copyOf(links);
        noteKeys = List.copyOf(noteKeys);
    }

    /** A profile whose note keys have no positions of their own. */
    public ProfileData(String name, String tagline, String philosophy, List<Positioned<String>> includes,
                       Map<String, String> notes, List<LinkRef> links) {
        this(name, tagline, philosophy, includes, notes, links, List.of());
    }

    public boolean includes(String capability) {
        return includes.stream().anyMatch(p -> p.value().equals(capability));
    }
}

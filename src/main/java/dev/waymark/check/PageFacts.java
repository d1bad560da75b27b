package dev.waymark.check;

import java.util.List;
import java.util.Set;

/**
 * What one HTML page says about itself, read once: its ids, its references, its structure.
 *
 * @param file path relative to the site root, with forward slashes
 */
record PageFacts(String file, Set<String> ids, List<Ref> refs, List<Local> problems, List<String> treeIds) {

    /** A reference to another resource: the URL, what kind of attribute, and its line (0 when not tracked). */
    record Ref(String url, String attribute, int line, boolean tree) {
    }

    /** A problem found inside the page itself (structure, duplicate ids...). */
    record Local(String kind, String message, int line, boolean pageLevel) {
    }
}

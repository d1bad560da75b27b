package dev.waymark.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole site model: configuration, every page in reading order (home first, then the navigation depth-first),
 * and the navigation tree.
 */
public record Site(SiteConfig config, List<Page> pages, List<NavNode> nav) {
    /** The generated search page's address; no content page may take it. */
    public static final String SEARCH_PATH = "search/";

    public Site {
        pages = List.copyOf(pages);
        nav = List.copyOf(nav);
    }

    public Map<String, Page> byPath() {
        return pages.stream().collect(Collectors.toMap(Page::path, Function.identity()));
    }

    public Optional<Page> bySource(String sourcePath) {
        return pages.stream().filter(p -> p.sourcePath().equals(sourcePath)).findFirst();
    }

    public List<Page> profiles() {
        return pages.stream().filter(p -> p.profile().isPresent()).toList();
    }
}

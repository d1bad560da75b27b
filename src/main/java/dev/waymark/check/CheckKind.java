package dev.waymark.check;

import java.util.List;

/** The kinds of finding {@code waymark check} reports; each one's severity can be set to error, warning or off. */
public final class CheckKind {
    public static final String BROKEN_LINK = "broken-link";
    public static final String BROKEN_ANCHOR = "broken-anchor";
    public static final String DUPLICATE_ID = "duplicate-id";
    public static final String H1_COUNT = "h1-count";
    public static final String HEADING_SKIP = "heading-skip";
    public static final String IMG_ALT = "img-alt";
    public static final String MISSING_LANG = "missing-lang";
    public static final String MISSING_TITLE = "missing-title";
    public static final String MISSING_DESCRIPTION = "missing-description";
    public static final String EMPTY_LINK = "empty-link";
    public static final String ORPHAN_PAGE = "orphan-page";
    public static final String TREE_TARGET = "tree-target";

    public static final List<String> ALL = List.of(BROKEN_LINK, BROKEN_ANCHOR, DUPLICATE_ID, H1_COUNT, HEADING_SKIP, IMG_ALT,
            MISSING_LANG, MISSING_TITLE, MISSING_DESCRIPTION, EMPTY_LINK, ORPHAN_PAGE, TREE_TARGET);

    private CheckKind() {
    }
}

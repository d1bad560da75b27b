package dev.waymark.model;

/** What a page is, chosen by {@code type:} in its front matter. Each kind has a template of the same name. */
public enum PageKind {
    /** Ordinary prose. */
    PAGE,
    /** A profile of one option the guide compares: typed front matter plus choice lists. */
    PROFILE,
    /** A decision tree written as Question/Outcome headings. */
    DECISION,
    /** A folder's index page, written or generated. */
    SECTION;

    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.waymark.model;

import dev.waymark.diag.SourcePosition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One page of the site, as the theme sees it (before rendering its body).
 *
 * @param sourcePath  content-relative path of the Markdown file, e.g. {@code profiles/option-a.md}; empty for generated pages
 * @param path        site path of the page: {@code ""} for the home page, {@code profiles/option-a/} otherwise
 * @param section     site path of the section the page belongs to (its folder's index); the home page's is {@code ""}
 * @param headings    body headings in order, for the table of contents
 * @param ids         every id the body defines (headings, choice items, decision nodes, footnotes, explicit ids)
 */
public record Page(String sourcePath, SourcePosition at, String path, String section, PageKind kind, String title,
                   String description, int weight, boolean draft, Optional<LocalDate> reviewed, boolean toc,
                   List<Heading> headings, List<ChoiceList> choiceLists, Optional<ProfileData> profile,
                   Optional<DecisionTree> decisionTree, java.util.Set<String> ids) {
    public Page {
        headings = List.copyOf(headings);
        choiceLists = List.copyOf(choiceLists);
        ids = java.util.Set.copyOf(ids);
    }

    /**
     * A page with no Markdown source: a folder's generated index, the 404 page, the search index page.
     *
     * @param at where diagnostics about it point
     */
    public static Page generated(SourcePosition at, String path, String section, PageKind kind, String title, String description) {
        return new Page("", at, path, section, kind, title, description, 0, false, Optional.empty(), false, List.of(),
                List.of(), Optional.empty(), Optional.empty(), java.util.Set.of());
    }

    /** The output file, relative to the site root. */
    public String outputFile() {
        return path + "index.html";
    }

    public boolean isSectionIndex() {
        return kind == PageKind.SECTION || sourcePath.endsWith("index.md");
    }

    public boolean generated() {
        return sourcePath.isEmpty();
    }
}

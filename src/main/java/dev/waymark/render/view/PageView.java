package dev.waymark.render.view;

import java.util.List;
import java.util.Optional;

/**
 * Everything a page template receives. All hrefs are relative to the page, so the site works under any sub-path.
 *
 * @param root          relative prefix from this page to the site root, e.g. {@code ../../} (empty at the root)
 * @param docTitle      the {@code <title>}: page title and site title
 * @param canonical     absolute canonical URL
 * @param source        the Markdown source, relative to the project (empty for generated pages)
 * @param bodyHtml      the rendered, sanitised body
 * @param lastUpdated   ISO date of the last commit touching the source, or empty
 * @param reviewed      ISO date the content was last reviewed, or empty
 * @param children      for section pages: the pages of the section
 * @param sharing       structured data, feed, Markdown copy and social card, for the head
 * @param ui            the theme's interface text in the page's language
 * @param languages     the page's direction, its other languages and the language switcher
 */
public record PageView(String lang, String kind, String title, String docTitle, String description, String canonical,
                       String siteTitle, String siteDescription, String root, String homeHref, Assets assets,
                       List<NavItem> nav, List<Crumb> breadcrumbs, List<TocEntry> toc, Optional<PagerLink> prev,
                       Optional<PagerLink> next, String bodyHtml, Optional<ProfileView> profile,
                       Optional<DecisionView> decision, List<PagerLink> children, String editUrl, String lastUpdated,
                       String reviewed, String footer, String source, String searchHref, String csp,
                       Sharing sharing, UiText ui, LanguageView languages) {
    public PageView {
        nav = List.copyOf(nav);
        breadcrumbs = List.copyOf(breadcrumbs);
        toc = List.copyOf(toc);
        children = List.copyOf(children);
    }

    /** Fingerprinted theme assets, relative to the page; an empty string when the theme has no such file. */
    public record Assets(String css, String themeCss, String printCss, String themeJs, String decisionJs, String searchJs, String searchIndex,
                         String icon, String codeJs) {
    }
}

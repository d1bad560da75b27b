package dev.waymark.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's configuration, read from {@code site.yaml} at the root of the content folder.
 *
 * @param title        site title, shown in the header and in every page title
 * @param description  default meta description
 * @param baseUrl      absolute URL the site is published under, ending in {@code /} (may include a sub-path)
 * @param repository   repository URL for "Edit this page" links; empty for none
 * @param branch       branch used in edit links
 * @param contentPath  path of the content folder inside the repository, for edit links
 * @param language     BCP 47 language tag for {@code <html lang>}
 * @param theme        theme folder name under {@code themes/}
 * @param reviewed     site-wide "last reviewed" date, used when a page has none
 * @param capabilities capability key to label, in table order; profiles may only name these keys
 * @param trustRawHtml keep raw HTML in Markdown as written instead of sanitising it
 * @param footer       footer text (plain text)
 * @param cards        draw a social card image for every page ({@code cards: false} skips them)
 */
public record SiteConfig(String title, String description, String baseUrl, String repository, String branch,
                         String contentPath, String language, Optional<String> theme, Optional<LocalDate> reviewed,
                         Map<String, String> capabilities, List<String> capabilityOrder, boolean trustRawHtml,
                         String footer, boolean cards) {
    public SiteConfig {
        capabilities = Map.copyOf(capabilities);
        capabilityOrder = List.copyOf(capabilityOrder);
    }

    /** A configuration with social cards on, the default. */
    public SiteConfig(String title, String description, String baseUrl, String repository, String branch,
                      String contentPath, String language, Optional<String> theme, Optional<LocalDate> reviewed,
                      Map<String, String> capabilities, List<String> capabilityOrder, boolean trustRawHtml, String footer) {
        this(title, description, baseUrl, repository, branch, contentPath, language, theme, reviewed, capabilities,
                capabilityOrder, trustRawHtml, footer, true);
    }

    /** The path part of the base URL, always starting and ending with {@code /}, e.g. {@code /guide/}. */
    public String basePath() {
        String rest = baseUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        if (!rest.startsWith("/")) rest = "/" + rest;
        return rest.endsWith("/") ? rest : rest + "/";
    }

    public String absolute(String sitePath) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return base + sitePath;
    }
}

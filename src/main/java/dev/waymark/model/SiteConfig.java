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
 * @param reviewMaxAgeDays how many days a decision outcome's review may age before readers see a notice; empty for never
 * @param cards        draw a social card image for every page ({@code cards: false} skips them)
 * @param languages    the languages the guide is published in, the default (unprefixed) one first; empty for a guide in
 *                     {@code language} alone
 */
public record SiteConfig(String title, String description, String baseUrl, String repository, String branch,
                         String contentPath, String language, Optional<String> theme, Optional<LocalDate> reviewed,
                         Map<String, String> capabilities, List<String> capabilityOrder, boolean trustRawHtml,
                         String footer, boolean cards, Optional<Integer> reviewMaxAgeDays, List<Language> languages) {
    public SiteConfig {
        capabilities = Map.copyOf(capabilities);
        capabilityOrder = List.copyOf(capabilityOrder);
        languages = List.copyOf(languages);
    }

    /** A configuration in one language. */
    public SiteConfig(String title, String description, String baseUrl, String repository, String branch,
                      String contentPath, String language, Optional<String> theme, Optional<LocalDate> reviewed,
                      Map<String, String> capabilities, List<String> capabilityOrder, boolean trustRawHtml, String footer,
                      boolean cards, Optional<Integer> reviewMaxAgeDays) {
        this(title, description, baseUrl, repository, branch, contentPath, language, theme, reviewed, capabilities,
                capabilityOrder, trustRawHtml, footer, cards, reviewMaxAgeDays, List.of());
    }

    /** Whether the guide declares more than one language. */
    public boolean multilingual() {
        return languages.size() > 1;
    }

    /**
     * The configuration of the edition in {@code lang}, published under {@code prefix} (e.g. {@code fr/}, empty for the
     * default language): its pages' absolute URLs carry the prefix.
     */
    public SiteConfig inLanguage(Language lang, String prefix) {
        Map<String, String> labels = new java.util.HashMap<>(capabilities);
        lang.capabilities().forEach((k, v) -> {
            if (labels.containsKey(k)) labels.put(k, v);
        });
        return new SiteConfig(lang.title().orElse(title), lang.description().orElse(description), baseUrl + prefix,
                repository, branch, contentPath, lang.code(), theme, reviewed, labels, capabilityOrder, trustRawHtml,
                lang.footer().orElse(footer), cards, reviewMaxAgeDays, languages);
    }

    /** A configuration with social cards on and no review age limit. */
    public SiteConfig(String title, String description, String baseUrl, String repository, String branch,
                      String contentPath, String language, Optional<String> theme, Optional<LocalDate> reviewed,
                      Map<String, String> capabilities, List<String> capabilityOrder, boolean trustRawHtml, String footer) {
        this(title, description, baseUrl, repository, branch, contentPath, language, theme, reviewed, capabilities,
                capabilityOrder, trustRawHtml, footer, true, Optional.empty());
    }

    /** A configuration without a review age limit. */
    public SiteConfig(String title, String description, String baseUrl, String repository, String branch,
                      String contentPath, String language, Optional<String> theme, Optional<LocalDate> reviewed,
                      Map<String, String> capabilities, List<String> capabilityOrder, boolean trustRawHtml, String footer,
                      boolean cards) {
        this(title, description, baseUrl, repository, branch, contentPath, language, theme, reviewed, capabilities,
                capabilityOrder, trustRawHtml, footer, cards, Optional.empty());
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

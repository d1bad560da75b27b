package dev.waymark.render.view;

import java.util.Optional;

/**
 * How a page is found and shared, for the head of the page: structured data, the feed, its Markdown copy and its
 * social card.
 *
 * @param jsonLd       the page's JSON-LD, already escaped for a {@code <script type="application/ld+json">} element
 *                     (no {@code <}, {@code >} or {@code &} in it); empty for none
 * @param feedHref     the Atom feed, relative to the page; empty when the site has none
 * @param feedTitle    the feed link's title, in the page's language
 * @param markdownHref the page's Markdown copy, relative to the page; empty for pages without one
 * @param card         the page's social card, when cards are on
 */
public record Sharing(String jsonLd, String feedHref, String feedTitle, String markdownHref, Optional<Card> card) {
    /** No structured data, feed, copy or card. */
    public static final Sharing NONE = new Sharing("", "", "", "", Optional.empty());

    /**
     * A social card image.
     *
     * @param url absolute URL of the PNG (from {@code base_url})
     * @param alt what the card says, for {@code og:image:alt}
     */
    public record Card(String url, String alt, int width, int height) {
    }
}

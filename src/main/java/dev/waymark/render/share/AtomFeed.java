package dev.waymark.render.share;

import dev.waymark.content.GitDates;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.RenderedFile;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code feed.xml}: an Atom feed (RFC 4287) of the pages by their last change, newest first. A page's date and the
 * summary of its change come from the last commit that touched its source; a page git knows nothing about falls back
 * to its {@code reviewed} date and its description. Only dates from the content and git go in, so the feed is the
 * same bytes on every build of the same commit.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4287">RFC 4287</a>
 */
public final class AtomFeed {
    public static final String FILE = "feed.xml";
    /** Feed readers show the recent changes; a 10,000-page site does not need 10,000 entries in every poll. */
    public static final int LIMIT = 100;
    /** The feed must have an {@code updated}; with no date anywhere, a fixed one keeps it deterministic. */
    private static final String NO_DATE = "1970-01-01T00:00:00Z";

    private record Entry(Page page, String updated, String summary) {
    }

    private AtomFeed() {
    }

    public static RenderedFile of(Site site, Map<String, GitDates.Change> changes) {
        SiteConfig config = site.config();
        List<Entry> entries = new ArrayList<>();
        for (Page p : site.pages()) {
            GitDates.Change change = p.generated() ? null : changes.get(p.sourcePath());
            if (change != null && !change.time().isEmpty()) {
                entries.add(new Entry(p, change.time(), change.subject().isBlank() ? p.description() : change.subject()));
            } else {
                p.reviewed().or(config::reviewed).ifPresent(d -> entries.add(new Entry(p, d + "T00:00:00Z", p.description())));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> instant(e.updated())).reversed()
                .thenComparing(e -> e.page().path()));
        List<Entry> shown = entries.subList(0, Math.min(LIMIT, entries.size()));
        String title = config.title().isBlank() ? Optional.ofNullable(site.byPath().get("")).map(Page::title).orElse("Changes") : config.title();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<feed xmlns=\"http://www.w3.org/2005/Atom\"").append(attr("xml:lang", config.language())).append(">\n");
        element(sb, "  ", "id", config.absolute(""));
        element(sb, "  ", "title", title);
        if (!config.description().isBlank()) element(sb, "  ", "subtitle", config.description());
        element(sb, "  ", "updated", shown.isEmpty() ? config.reviewed().map(d -> d + "T00:00:00Z").orElse(NO_DATE) : shown.get(0).updated());
        sb.append("  <link rel=\"self\" type=\"application/atom+xml\"").append(attr("href", config.absolute(FILE))).append("/>\n");
        sb.append("  <link rel=\"alternate\" type=\"text/html\"").append(attr("href", config.absolute(""))).append("/>\n");
        sb.append("  <author>\n");
        element(sb, "    ", "name", title);
        if (config.baseUrl().matches("(?i)^https?://.*")) element(sb, "    ", "uri", config.absolute(""));
        sb.append("  </author>\n");
        sb.append("  <generator>Waymark</generator>\n");
        for (Entry e : shown) {
            String url = config.absolute(e.page().path());
            sb.append("  <entry>\n");
            element(sb, "    ", "id", url);
            element(sb, "    ", "title", e.page().title());
            element(sb, "    ", "updated", e.updated());
            sb.append("    <link rel=\"alternate\" type=\"text/html\"").append(attr("href", url)).append("/>\n");
            if (!e.summary().isBlank()) element(sb, "    ", "summary", e.summary());
            sb.append("  </entry>\n");
        }
        sb.append("</feed>\n");
        return new RenderedFile(FILE, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime instant(String time) {
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(NO_DATE);
        }
    }

    private static void element(StringBuilder sb, String indent, String name, String text) {
        sb.append(indent).append('<').append(name).append('>').append(xml(text)).append("</").append(name).append(">\n");
    }

    private static String attr(String name, String value) {
        return " " + name + "=\"" + xml(value).replace("\"", "&quot;") + "\"";
    }

    /** XML 1.0 text: markup characters escaped, characters XML forbids (most C0 controls) dropped. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        if (c == '\uFFFE' || c == '\uFFFF') continue;
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}

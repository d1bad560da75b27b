package dev.waymark.render.share;

import dev.waymark.model.NavNode;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.RenderedFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code llms.txt} at the site root, in the shape proposed at llmstxt.org: the guide's title as an H1, its description
 * as a blockquote, then one H2 per top-level section with a list of {@code - [Title](url): description}. Links point
 * at the pages' Markdown copies, absolute from {@code base_url}.
 *
 * @see <a href="https://llmstxt.org/">llmstxt.org</a>
 */
public final class LlmsTxt {
    public static final String FILE = "llms.txt";

    private LlmsTxt() {
    }

    public static RenderedFile of(Site site) {
        SiteConfig config = site.config();
        Map<String, Page> byPath = site.byPath();
        Page home = byPath.get("");
        String title = !config.title().isBlank() ? config.title() : home != null ? home.title() : "Site";
        StringBuilder sb = new StringBuilder("# ").append(MarkdownCopy.inline(title)).append("\n\n");
        String summary = !config.description().isBlank() ? config.description() : home != null ? home.description() : "";
        if (!summary.isBlank()) sb.append("> ").append(MarkdownCopy.inline(summary)).append("\n\n");
        List<Page> top = new ArrayList<>();
        if (home != null) top.add(home);
        for (NavNode n : site.nav()) {
            if (n.children().isEmpty() && byPath.containsKey(n.path())) top.add(byPath.get(n.path()));
        }
        section(sb, "Pages", top, config);
        for (NavNode n : site.nav()) {
            if (n.children().isEmpty()) continue;
            List<Page> pages = new ArrayList<>();
            flatten(n, byPath, pages);
            section(sb, n.title(), pages, config);
        }
        return new RenderedFile(FILE, (sb.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void flatten(NavNode n, Map<String, Page> byPath, List<Page> out) {
        Page p = byPath.get(n.path());
        if (p != null) out.add(p);
        n.children().forEach(c -> flatten(c, byPath, out));
    }

    private static void section(StringBuilder sb, String title, List<Page> pages, SiteConfig config) {
        if (pages.isEmpty()) return;
        sb.append("## ").append(MarkdownCopy.inline(title)).append("\n\n");
        for (Page p : pages) {
            sb.append("- [").append(MarkdownCopy.inline(p.title())).append("](").append(config.absolute(p.path() + MarkdownCopy.FILE)).append(')');
            if (!p.description().isBlank()) sb.append(": ").append(MarkdownCopy.inline(p.description()));
            sb.append('\n');
        }
        sb.append('\n');
    }
}

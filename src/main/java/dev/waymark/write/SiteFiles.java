package dev.waymark.write;

import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.render.LanguageLinks;
import dev.waymark.render.RenderedFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The site-level files every build writes: sitemap.xml and robots.txt. */
public final class SiteFiles {
    private SiteFiles() {
    }

    public static RenderedFile sitemap(Site site, Map<String, String> lastUpdated) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page p : site.pages()) {
            sb.append("  <url><loc>").append(xml(site.config().absolute(p.path()))).append("</loc>");
            String date = lastUpdated.getOrDefault(p.sourcePath(), "");
            if (date.isEmpty()) date = p.reviewed().or(() -> site.config().reviewed()).map(Object::toString).orElse("");
            if (!date.isEmpty()) sb.append("<lastmod>").append(date).append("</lastmod>");
            sb.append("</url>\n");
        }
        sb.append("</urlset>\n");
        return new RenderedFile("sitemap.xml", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sitemap of a guide in several languages: every page of every language, each with {@code xhtml:link}
     * alternates for the languages it is really translated into (Google's form of hreflang in a sitemap).
     */
    public static RenderedFile sitemap(List<LanguageLinks.Url> urls) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (LanguageLinks.Url u : urls) {
            sb.append("  <url><loc>").append(xml(u.loc())).append("</loc>");
            if (!u.lastmod().isEmpty()) sb.append("<lastmod>").append(u.lastmod()).append("</lastmod>");
            for (var a : u.alternates()) {
                sb.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"").append(xml(a.hreflang())).append("\" href=\"")
                        .append(xml(a.href()).replace("\"", "&quot;")).append("\"/>");
            }
            sb.append(u.alternates().isEmpty() ? "" : "\n  ").append("</url>\n");
        }
        sb.append("</urlset>\n");
        return new RenderedFile("sitemap.xml", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static RenderedFile robots(Site site) {
        String text = "User-agent: *\nAllow: /\n\nSitemap: " + site.config().absolute("sitemap.xml") + "\n";
        return new RenderedFile("robots.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

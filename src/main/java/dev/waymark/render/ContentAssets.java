package dev.waymark.render;

import dev.waymark.content.ContentLoader;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.UrlParts;
import dev.waymark.links.SiteLinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides which of the content folder's files are published as they are. A content file never replaces a file the
 * build generates or a theme file ({@code assets/theme.<hash>.js}, {@code robots.txt}, {@code sitemap.xml},
 * {@code search/…}): that would put a contributor's script on every page, around the sanitiser, and the CSP allows
 * it as {@code 'self'}. Under the default {@code raw_html: sanitize}, HTML files are refused (a page is written in
 * Markdown, where its HTML is sanitised) and so is an SVG that can run script.
 */
public final class ContentAssets {
    private ContentAssets() {
    }

    /**
     * Adds the publishable assets to {@code copies}, which already holds the theme's files; {@code generated} tells
     * whether the build has written a path. Each refusal is an error at the file.
     */
    public static void add(List<ContentLoader.Asset> assets, Map<String, Path> copies, Predicate<String> generated,
                           boolean trustRawHtml, Path contentDisplay, Diagnostics diagnostics) {
        for (ContentLoader.Asset a : assets) {
            String rel = a.relPath();
            Path shown = contentDisplay.resolve(rel);
            if (generated.test(rel) || copies.containsKey(rel)) {
                diagnostics.error("shadows-generated-file", SourcePosition.ofFile(shown), "this file would replace " + rel + ", which Waymark "
                        + (copies.containsKey(rel) ? "copies from the theme" : "generates"), "rename or move the file");
                continue;
            }
            String lower = rel.toLowerCase(Locale.ROOT);
            if (!trustRawHtml && (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml"))) {
                diagnostics.error("html-in-content", SourcePosition.ofFile(shown), "HTML files in the content folder are not published under `raw_html: sanitize`",
                        "write the page in Markdown, where raw HTML is sanitised; or set `raw_html: trust` in site.yaml if every contributor is trusted");
                continue;
            }
            if (!trustRawHtml && lower.endsWith(".svg")) {
                SourcePosition active = activeSvg(a.file(), shown);
                if (active != null) {
                    diagnostics.error("svg-script", active, "this SVG can run script (a script, an event handler, foreignObject or a script URL)",
                            "remove it from the SVG, or set `raw_html: trust` in site.yaml if every contributor is trusted");
                    continue;
                }
            }
            copies.put(rel, a.file());
        }
    }

    /** Where an SVG first holds something that can run script, or null when it holds nothing of the kind. */
    static SourcePosition activeSvg(Path file, Path shown) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return SourcePosition.ofFile(shown); // unreadable or not UTF-8: not published as a trusted image
        }
        Parser parser = Parser.xmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(text, "", parser);
        for (Element el : doc.getAllElements()) {
            String tag = el.tagName().toLowerCase(Locale.ROOT);
            boolean bad = tag.endsWith("script") || tag.endsWith("foreignobject") || tag.equals("iframe")
                    || tag.equals("embed") || tag.equals("object") || tag.endsWith("handler");
            for (Attribute attr : el.attributes()) {
                String key = attr.getKey().toLowerCase(Locale.ROOT);
                String value = attr.getValue().strip().replaceAll("[\\s\\x00-\\x1f]", "");
                if (key.startsWith("on")) bad = true;
                if (key.equals("href") || key.endsWith(":href") || key.equals("src") || key.equals("values") || key.equals("to") || key.equals("from")) {
                    String scheme = UrlParts.scheme(value);
                    if (scheme != null && !SiteLinks.SAFE_SCHEMES.contains(scheme)) bad = true;
                }
            }
            if (bad) {
                var start = el.sourceRange().start();
                return start.isTracked() ? new SourcePosition(shown, start.lineNumber(), start.columnNumber()) : SourcePosition.ofFile(shown);
            }
        }
        return null;
    }
}

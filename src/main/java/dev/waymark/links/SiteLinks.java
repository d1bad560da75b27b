package dev.waymark.links;

import dev.waymark.diag.Suggest;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.Page;
import dev.waymark.model.RelativePath;
import dev.waymark.model.UrlParts;
import dev.waymark.model.Site;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Resolves a link as written in a page's Markdown to the URL it has in the built site, and reports a link that
 * cannot work: a missing page, a missing heading, a missing file, a path out of the content folder, an unsafe scheme.
 * URLs are relative, so the site works under any sub-path and from the file system.
 */
public final class SiteLinks {
    /** The only URL schemes a link may use; the hostile-input tests scan built pages against this same list. */
    public static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private final Map<String, Page> bySource = new HashMap<>();
    private final Set<String> assets;
    private final Set<String> unreadable;
    private final Set<String> drafts;
    /** Told (from, target) of every link that resolves to a page: an incremental build records who depends on whom. */
    private final java.util.function.BiConsumer<Page, Page> onTarget;
    /** A translation's folder ({@code fr/}), or empty for the default language. */
    private final String prefix;
    /** Source paths the translation really translates; the rest of its pages are the default language's files. */
    private final Set<String> translated;

    public SiteLinks(Site site, Set<String> assets) {
        this(site, assets, (from, target) -> { });
    }

    public SiteLinks(Site site, Set<String> assets, java.util.function.BiConsumer<Page, Page> onTarget) {
        this(site, assets, Set.of(), Set.of(), onTarget);
    }

    /**
     * @param unreadable source paths of pages whose front matter could not be read: their error is the cause, so a
     *                   link to one of their headings is not reported again
     * @param drafts     source paths of the draft pages this build leaves out, so a link to one says so
     */
    public SiteLinks(Site site, Set<String> assets, Set<String> unreadable, Set<String> drafts,
                     java.util.function.BiConsumer<Page, Page> onTarget) {
        this(site, assets, unreadable, drafts, onTarget, "", Set.of());
    }

    /**
     * Links in a translation's edition: a message names a translated page by its own file ({@code fr/guide.md}), and
     * a page the translation lacks by the default language's.
     */
    public SiteLinks(Site site, Set<String> assets, Set<String> unreadable, Set<String> drafts,
                     java.util.function.BiConsumer<Page, Page> onTarget, String prefix, Set<String> translated) {
        this.prefix = prefix;
        this.translated = Set.copyOf(translated);
        this.unreadable = Set.copyOf(unreadable);
        this.drafts = Set.copyOf(drafts);
        this.onTarget = onTarget;
        site.pages().forEach(p -> {
            if (!p.generated()) bySource.put(p.sourcePath(), p);
        });
        // a folder without index.md still gets a generated page: a link to that index.md, or to the folder, reaches it
        site.pages().forEach(p -> {
            if (p.generated() && p.kind() == dev.waymark.model.PageKind.SECTION) bySource.putIfAbsent(p.path() + "index.md", p);
        });
        this.assets = Set.copyOf(assets);
    }

    /** The result of resolving one link: the URL to write, and whether it points inside the site. */
    public record Resolved(String url, boolean internal) {
    }

    /**
     * Resolves {@code url} written in {@code from}. Problems go to {@code report}; the returned URL is always safe to
     * write (an unusable link becomes {@code #}).
     */
    public Resolved resolve(Page from, String url, SourcePosition at, Consumer<Diagnostic> report) {
        String raw = url.strip();
        if (raw.isEmpty()) {
            return new Resolved("", false);
        }
        String s = UrlParts.scheme(raw);
        if (s != null) {
            if (SAFE_SCHEMES.contains(s)) {
                return new Resolved(raw, false);
            }
            report.accept(Diagnostic.error("unsafe-link", at, "unsafe link \"" + abbreviate(raw) + "\": the " + s + ": scheme is not allowed",
                    "link to an https:// address or to a page in content/"));
            return new Resolved("#", false);
        }
        if (raw.startsWith("//")) {
            return new Resolved("https:" + raw, false);
        }
        if (raw.startsWith("/")) {
            report.accept(Diagnostic.error("absolute-link", at, "absolute link \"" + abbreviate(raw) + "\" breaks when the site is published under a sub-path",
                    "link to the Markdown file with a path relative to this file, e.g. " + relativeSuggestion(from, raw)));
            return new Resolved("#", false);
        }
        UrlParts parts = UrlParts.of(raw);
        String fragment = parts.fragment();
        String query = parts.query();
        String path = parts.path();
        if (path.isEmpty()) {
            checkFragment(from, fragment, at, report);
            return new Resolved(fragment == null ? raw : "#" + fragment, true);
        }
        String decoded = UrlParts.decode(path);
        String target = RelativePath.normalize(RelativePath.dirOf(from.sourcePath()) + decoded);
        if (target == null) {
            report.accept(Diagnostic.error("link-outside-content", at, "link \"" + abbreviate(raw) + "\" leaves the content folder",
                    "link only to files inside the content folder"));
            return new Resolved("#", false);
        }
        if (target.endsWith("/") || target.isEmpty()) {
            target = target + "index.md";
        } else if (!target.endsWith(".md") && !assets.contains(target) && bySource.containsKey(target + "/index.md")) {
            target = target + "/index.md"; // a link to a section folder
        }
        if (target.endsWith(".md")) {
            Page page = bySource.get(target);
            if (page == null && !bySource.containsKey(target) && bySource.containsKey(target.replaceFirst("\\.md$", "/index.md"))) {
                page = bySource.get(target.replaceFirst("\\.md$", "/index.md"));
            }
            if (page == null && drafts.contains(target)) {
                report.accept(Diagnostic.error("draft-link", at, "link to a draft page \"" + abbreviate(raw) + "\", which this build leaves out",
                        "remove `draft: true` from that page, build with --drafts, or remove the link until the page is ready"));
                return new Resolved("#", false);
            }
            if (page == null) {
                String near = Suggest.closest(target, bySource.keySet(), from.sourcePath());
                report.accept(Diagnostic.error("broken-link", at, "link to a missing page \"" + abbreviate(raw) + "\"",
                        near == null ? "check the path; it is relative to this file" : "did you mean " + relativeSource(from.sourcePath(), near) + "?"));
                return new Resolved("#", false);
            }
            onTarget.accept(from, page);
            checkFragment(page, fragment, at, report);
            String href = relative(from.path(), page.path()) + "index.html" + (fragment == null ? "" : "#" + fragment);
            return new Resolved(href, true);
        }
        if (!assets.contains(target)) {
            report.accept(Diagnostic.error("broken-link", at, "link to a missing file \"" + abbreviate(raw) + "\"",
                    "add the file to the content folder or fix the path (it is relative to this Markdown file)"));
            return new Resolved("#", false);
        }
        String href = relative(from.path(), "") + encodePath(target) + query + (fragment == null ? "" : "#" + fragment);
        return new Resolved(href, true);
    }

    private void checkFragment(Page page, String fragment, SourcePosition at, Consumer<Diagnostic> report) {
        if (fragment == null || fragment.isEmpty() || unreadable.contains(page.sourcePath())) return;
        String id = UrlParts.decode(fragment);
        if (!page.ids().contains(id) && !Set.of("top", "wm-main").contains(id)) {
            String near = Suggest.closest(id, page.ids());
            report.accept(Diagnostic.error("broken-anchor", at, "link to a missing heading \"#" + abbreviate(fragment) + "\" in " +
                            (page.sourcePath().isEmpty() ? "/" + prefix + page.path() : sourceName(page)),
                    near == null ? "link to one of the page's heading ids, or add {#" + id + "} to a heading" : "did you mean #" + near + "?"));
        }
    }

    /** The content-relative file a page comes from, in this edition. */
    private String sourceName(Page page) {
        return translated.contains(page.sourcePath()) ? prefix + page.sourcePath() : page.sourcePath();
    }

    /** A relative URL prefix from the folder of page {@code fromPath} to site path {@code toPath}. */
    public static String relative(String fromPath, String toPath) {
        String[] from = fromPath.isEmpty() ? new String[0] : fromPath.split("/");
        String[] to = toPath.isEmpty() ? new String[0] : toPath.split("/");
        int common = 0;
        while (common < from.length && common < to.length && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("../".repeat(from.length - common));
        for (int i = common; i < to.length; i++) {
            sb.append(encodeSegment(to[i])).append('/');
        }
        return sb.toString();
    }


    /** {@code /guides/x.md} written in {@code a/b.md} becomes {@code ../guides/x.md}: the author's own path, relative. */
    private static String relativeSuggestion(Page from, String absolute) {
        String path = UrlParts.of(absolute).path().replaceFirst("^/+", "");
        if (path.isEmpty()) path = "index.md";
        if (path.endsWith("/")) path = path + "index.md";
        return relativeSource(from.sourcePath().isEmpty() ? "index.md" : from.sourcePath(), path);
    }

    private static String relativeSource(String from, String to) {
        String dir = RelativePath.dirOf(from);
        String[] f = dir.isEmpty() ? new String[0] : dir.split("/");
        String[] t = to.split("/");
        int c = 0;
        while (c < f.length && c < t.length - 1 && f[c].equals(t[c])) c++;
        return "../".repeat(f.length - c) + String.join("/", java.util.Arrays.copyOfRange(t, c, t.length));
    }


    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String seg : path.split("/", -1)) {
            if (sb.length() > 0) sb.append('/');
            sb.append(encodeSegment(seg));
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String encodeSegment(String seg) {
        boolean plain = true;
        for (int i = 0; i < seg.length() && plain; i++) {
            plain = unreserved(seg.charAt(i));
        }
        if (plain) {
            return seg; // the common case: slugs are already URL-safe
        }
        StringBuilder sb = new StringBuilder(seg.length() + 16);
        for (byte b : seg.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /**
     * Rebases a URL that is relative to the page at {@code fromPath} so it works from the page at {@code toPath}.
     * Fragments, absolute URLs and empty URLs are returned as they are.
     */
    public static String rebase(String href, String fromPath, String toPath) {
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("/") || UrlParts.scheme(href) != null) {
            return href;
        }
        int cut = indexOfAny(href, '?', '#');
        String path = cut < 0 ? href : href.substring(0, cut);
        String rest = cut < 0 ? "" : href.substring(cut);
        String target = RelativePath.normalize(fromPath + path);
        if (target == null) {
            return href;
        }
        int slash = target.lastIndexOf('/');
        String dir = slash < 0 ? "" : target.substring(0, slash + 1);
        String file = slash < 0 ? target : target.substring(slash + 1);
        return relativeRaw(toPath, dir) + file + rest;
    }

    private static String relativeRaw(String fromPath, String toDir) {
        String[] from = fromPath.isEmpty() ? new String[0] : fromPath.split("/");
        String[] to = toDir.isEmpty() ? new String[0] : toDir.split("/");
        int common = 0;
        while (common < from.length && common < to.length && from[common].equals(to[common])) common++;
        StringBuilder sb = new StringBuilder("../".repeat(from.length - common));
        for (int i = common; i < to.length; i++) sb.append(to[i]).append('/');
        return sb.toString();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    public Optional<Page> page(String sourcePath) {
        return Optional.ofNullable(bySource.get(sourcePath));
    }
}

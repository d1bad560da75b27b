package dev.waymark.render;

import dev.waymark.model.Heading;
import dev.waymark.model.NavNode;
import dev.waymark.model.Page;
import dev.waymark.model.PageKind;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.view.Crumb;
import dev.waymark.render.view.DecisionView;
import dev.waymark.render.view.NavItem;
import dev.waymark.render.view.PageView;
import dev.waymark.render.view.PagerLink;
import dev.waymark.render.card.Cards;
import dev.waymark.render.card.SocialCard;
import dev.waymark.render.share.AtomFeed;
import dev.waymark.render.share.MarkdownCopy;
import dev.waymark.render.share.StructuredData;
import dev.waymark.render.view.ProfileView;
import dev.waymark.render.view.Sharing;
import dev.waymark.render.view.TocEntry;
import dev.waymark.links.SiteLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the typed view model a page template receives. Computation lives here; templates only loop and print. */
final class PageViews {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private final Site site;
    private final Theme theme;
    private final Map<String, String> lastUpdated;
    private final String contentPrefix;
    private final Map<Page, Integer> order = new java.util.IdentityHashMap<>();
    private final Map<String, Page> byPath;
    /** Small sites show the whole navigation tree; big ones only the branches that lead to the current page. */
    private final boolean fullNav;
    static final int FULL_NAV_LIMIT = 150;
    private final Map<String, Map<String, String>> links = new ConcurrentHashMap<>();
    private final StructuredData structured;
    private final Localized localized;

    PageViews(Site site, Theme theme, Map<String, String> lastUpdated, String contentPrefix, Localized localized) {
        this.site = site;
        this.localized = localized;
        this.theme = theme;
        this.lastUpdated = lastUpdated;
        this.contentPrefix = contentPrefix;
        for (int i = 0; i < site.pages().size(); i++) order.put(site.pages().get(i), i);
        this.byPath = site.byPath();
        this.fullNav = site.pages().size() <= FULL_NAV_LIMIT;
        this.structured = new StructuredData(site);
    }

    /**
     * @param root prefix from the page to the site root: relative ({@code ../}) for pages, the base path for 404.html
     */
    PageView of(Page page, String root, String bodyHtml, Optional<DecisionView> decision) {
        SiteConfig config = site.config();
        int index = order.getOrDefault(page, -1);
        Optional<PagerLink> prev = index > 0 ? Optional.of(pager(site.pages().get(index - 1), root)) : Optional.empty();
        Optional<PagerLink> next = index >= 0 && index < site.pages().size() - 1
                ? Optional.of(pager(site.pages().get(index + 1), root)) : Optional.empty();
        String description = !page.description().isBlank() ? page.description()
                : !config.description().isBlank() ? config.description() : page.title();
        String docTitle = page.path().isEmpty() || page.title().equals(config.title())
                ? config.title() : page.title() + " \u2014 " + config.title();
        String source = page.generated() ? "" : contentPrefix + localized.source(page);
        String edit = config.repository().isEmpty() || page.generated() ? ""
                : config.repository() + "/edit/" + config.branch() + "/" + source;
        String reviewed = page.reviewed().or(config::reviewed).map(Object::toString).orElse("");
        return new PageView(config.language(), page.kind().templateName(), page.title(), docTitle, description,
                config.absolute(page.generated() && page.path().equals("404/") ? "404.html" : page.path()), config.title(), config.description(), root, root + "index.html",
                assets(root + localized.up(), root), nav(site.nav(), page, root, fullNav), crumbs(page, root), toc(page), prev, next, bodyHtml,
                profile(page), decision, children(page, root), edit, lastUpdated.getOrDefault(page.sourcePath(), ""),
                reviewed, config.footer(), source, root + "search/index.html", CSP, sharing(page, root, decision), localized.ui(),
                localized.view(page, root));
    }

    private Sharing sharing(Page page, String root, Optional<DecisionView> decision) {
        String canonical = site.config().absolute(page.generated() && page.path().equals("404/") ? "404.html" : page.path());
        List<StructuredData.Answer> outcomes = decision.map(d -> d.outcomes().stream()
                .map(o -> new StructuredData.Answer(o.title(), org.jsoup.Jsoup.parseBodyFragment(o.whyHtml()).text()))
                .toList()).orElse(List.of());
        return new Sharing(structured.of(page, canonical, outcomes), root + AtomFeed.FILE, localized.ui().get("feed"),
                order.containsKey(page) ? MarkdownCopy.FILE : "", card(page));
    }

    private Optional<Sharing.Card> card(Page page) {
        if (!site.config().cards() || !order.containsKey(page)) return Optional.empty();
        SocialCard.Text t = Cards.text(site, page);
        String alt = t.title() + (t.guide().isBlank() || t.guide().equals(t.title()) ? "" : " \u2014 " + t.guide())
                + (t.summary().isBlank() ? "" : ": " + t.summary());
        return Optional.of(new Sharing.Card(site.config().absolute(Cards.path(page)), alt, SocialCard.WIDTH, SocialCard.HEIGHT));
    }

    /** @param root the site's root, where the theme's assets are; {@code languageRoot} the edition's, with its search index */
    private PageView.Assets assets(String root, String languageRoot) {
        return new PageView.Assets(href(root, "style.css"), href(root, "theme.css"), href(root, "print.css"), href(root, "theme.js"),
                href(root, "decision.js"), href(root, "search.js"), theme.assetPath("search.js").isEmpty() ? "" : languageRoot + "search/index.json",
                href(root, "favicon.svg"), href(root, "code.js"));
    }

    private String href(String root, String asset) {
        String p = theme.assetPath(asset);
        return p.isEmpty() ? "" : root + p;
    }

    /**
     * A page's URL from a page {@code root} away from the site root. Every page at one depth shares the root, and the
     * navigation repeats the same links on every page, so each distinct link is built (and held) once.
     */
    private String link(String root, String path) {
        return links.computeIfAbsent(root, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(path, p -> root + SiteLinks.relative("", p) + "index.html");
    }

    private PagerLink pager(Page p, String root) {
        return new PagerLink(p.title(), link(root, p.path()));
    }

    /**
     * Beyond this many entries at one level of a big site, a page's nav lists only its nearest {@link #SIBLING_WINDOW}
     * neighbours on each side; the section's own page lists them all. Without it, a flat section of n pages made every
     * page carry n links, and the output grew with n² (4,000 pages: 1.1 GB).
     */
    static final int SIBLING_LIMIT = 50;
    static final int SIBLING_WINDOW = 10;

    private List<NavItem> nav(List<NavNode> nodes, Page current, String root, boolean full) {
        List<NavItem> out = new ArrayList<>();
        if (!full && nodes.size() > SIBLING_LIMIT) nodes = window(nodes, current);
        for (NavNode n : nodes) {
            boolean isCurrent = n.path().equals(current.path());
            boolean open = isCurrent || (!n.path().isEmpty() && current.path().startsWith(n.path()));
            List<NavItem> children = full || open ? nav(n.children(), current, root, full) : List.of();
            out.add(new NavItem(n.title(), link(root, n.path()), isCurrent, open, n.section(), children));
        }
        return out;
    }

    /** The entries around the one that is, or leads to, the current page; the first ones when none does. */
    private static List<NavNode> window(List<NavNode> nodes, Page current) {
        int at = 0;
        for (int i = 0; i < nodes.size(); i++) {
            String path = nodes.get(i).path();
            if (path.equals(current.path()) || (!path.isEmpty() && current.path().startsWith(path))) {
                at = i;
                break;
            }
        }
        int from = Math.max(0, at - SIBLING_WINDOW);
        return nodes.subList(from, Math.min(nodes.size(), from + 2 * SIBLING_WINDOW + 1));
    }

    private List<Crumb> crumbs(Page page, String root) {
        List<Crumb> out = new ArrayList<>();
        if (page.path().isEmpty()) return out;
        out.add(new Crumb(Optional.ofNullable(byPath.get("")).map(Page::title).orElse(localized.ui().get("nav.home")), root + "index.html"));
        String[] parts = page.path().split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            sb.append(parts[i]).append('/');
            Page p = byPath.get(sb.toString());
            if (p != null) out.add(new Crumb(p.title(), link(root, p.path())));
        }
        return out;
    }

    private static List<TocEntry> toc(Page page) {
        if (!page.toc() || page.kind() == PageKind.DECISION) return List.of();
        List<TocEntry> out = new ArrayList<>();
        for (Heading h : page.headings()) {
            if (h.level() <= 3) out.add(new TocEntry(h.level(), h.id(), h.text()));
        }
        return out.size() < 2 ? List.of() : out;
    }

    private Optional<ProfileView> profile(Page page) {
        return page.profile().map(p -> {
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (String key : site.config().capabilityOrder()) {
                (p.includes(key) ? in : out).add(site.config().capabilities().get(key));
            }
            return new ProfileView(p.name(), p.tagline(), p.philosophy(), in, out,
                    p.links().stream().map(l -> new ProfileView.Link(l.title(), l.url())).toList(), localized.ui());
        });
    }

    private List<PagerLink> children(Page page, String root) {
        if (!page.isSectionIndex()) return List.of();
        List<PagerLink> out = new ArrayList<>();
        findNode(site.nav(), page.path()).ifPresentOrElse(
                n -> n.children().forEach(c -> out.add(new PagerLink(c.title(), link(root, c.path())))),
                () -> {
                    if (page.path().isEmpty()) site.nav().forEach(c -> out.add(new PagerLink(c.title(), link(root, c.path()))));
                });
        return out;
    }

    private static Optional<NavNode> findNode(List<NavNode> nodes, String path) {
        for (NavNode n : nodes) {
            if (n.path().equals(path)) return Optional.of(n);
            Optional<NavNode> inner = findNode(n.children(), path);
            if (inner.isPresent()) return inner;
        }
        return Optional.empty();
    }
}

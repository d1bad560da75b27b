package dev.waymark.assemble;

import dev.waymark.model.*;
import dev.waymark.content.FrontMatter;
import dev.waymark.content.PageStructure;
import dev.waymark.content.ParsedPage;
import dev.waymark.content.Slug;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assembles parsed pages into the site model: URL paths, sections (a generated index for a folder without one),
 * the navigation tree and the reading order.
 */
public final class SiteAssembler {

    /** A parsed page together with its structure, the input of assembly. */
    public record Input(ParsedPage parsed, PageStructure structure) {
    }

    /**
     * The words of the pages assembly generates, in the edition's language: the title of a home page the content
     * lacks, and the description of a section page, with {@code {section}} for the section's name.
     */
    public record Words(String home, String sectionDescription) {
        public static final Words ENGLISH = new Words("Home", "Pages in {section}.");
    }

    private static final Comparator<Page> ORDER = Comparator.comparingInt(Page::weight)
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::path);

    public Site assemble(SiteConfig config, List<Input> inputs, boolean includeDrafts, Path contentDisplay, Words words,
                         Diagnostics diagnostics) {
        List<Page> pages = new ArrayList<>();
        for (Input in : inputs) {
            page(in, includeDrafts, diagnostics).ifPresent(pages::add);
        }
        return assemble(config, pages, contentDisplay, words, diagnostics);
    }

    /**
     * One source's page, or empty for a draft left out. It depends on that source alone, so an incremental build
     * keeps it until the file changes.
     */
    public Optional<Page> page(Input in, boolean includeDrafts, Diagnostics diagnostics) {
        if (in.parsed().frontMatter().draft() && !includeDrafts) {
            return Optional.empty();
        }
        return Optional.of(toPage(in, diagnostics));
    }

    /** Assembles pages (in source-path order: the first of two pages with one URL wins) into the site. */
    public Site assemble(SiteConfig config, List<Page> pages, Path contentDisplay, Diagnostics diagnostics) {
        return assemble(config, pages, contentDisplay, Words.ENGLISH, diagnostics);
    }

    /** The same, with generated pages titled and described in {@code words}. */
    public Site assemble(SiteConfig config, List<Page> pages, Path contentDisplay, Words words, Diagnostics diagnostics) {
        Map<String, Page> byPath = new TreeMap<>();
        for (Page page : pages) {
            Page clash = byPath.get(page.path());
            if (clash != null) {
                duplicate(page, clash, diagnostics);
                continue;
            }
            byPath.put(page.path(), page);
        }
        addGeneratedSections(byPath, contentDisplay, words);
        List<NavNode> nav = nav("", byPath);
        List<Page> order = new ArrayList<>();
        Optional.ofNullable(byPath.get("")).ifPresent(order::add);
        flatten(nav, byPath, order);
        return new Site(withTitle(config, byPath.get("")), order, nav);
    }

    /**
     * Two pages build one address. The error goes where the address comes from: the {@code slug:} that makes it
     * (this page's, else the other's), else the file, whose name does; and it names the other page as a path that
     * opens from where the command runs.
     */
    private static void duplicate(Page page, Page first, Diagnostics diagnostics) {
        boolean slugged = hasSlugPosition(page);
        Page at = slugged || !hasSlugPosition(first) ? page : first;
        Page other = at == page ? first : page;
        String otherName = other.at().displayPath();
        if (hasSlugPosition(at)) {
            diagnostics.error("duplicate-slug", at.at(), "this slug gives the page the address /" + page.path() + ", which "
                            + otherName + " builds too",
                    "give this page another `slug:`, or remove it to use the file name");
        } else {
            diagnostics.error("duplicate-slug", at.at(), "this file and " + otherName + " both build the address /" + page.path(),
                    "rename one of the files, or give one a `slug:` with another name");
        }
    }

    /** A page's position is its file's first line unless a {@code slug:} names its address (see {@link #toPage}). */
    private static boolean hasSlugPosition(Page p) {
        return !p.at().equals(SourcePosition.ofFile(p.at().file()));
    }

    /** Without a site title in site.yaml, the home page's title names the site. */
    private static SiteConfig withTitle(SiteConfig c, Page home) {
        if (!c.title().isBlank()) return c;
        String title = home == null || home.generated() ? "Guide" : home.title();
        return new SiteConfig(title, c.description(), c.baseUrl(), c.repository(), c.branch(), c.contentPath(), c.language(),
                c.theme(), c.reviewed(), c.capabilities(), c.capabilityOrder(), c.trustRawHtml(), c.footer(), c.cards(), c.reviewMaxAgeDays(), c.languages());
    }

    private static Page toPage(Input in, Diagnostics diagnostics) {
        ParsedPage parsed = in.parsed();
        FrontMatter fm = parsed.frontMatter();
        String rel = parsed.source().relPath();
        String path = pathOf(rel, fm.slug());
        Optional<String> title = fm.title().or(() -> in.structure().title());
        if (title.isEmpty() && !fm.titleReported()) {
            diagnostics.error("missing-title", fm.titleAt(), "page has no title",
                    "add `title: My page` between the `---` lines at the top of the file (start the file with them if it has none),"
                            + " or begin the page with a `# My page` heading");
        }
        String section = path.isEmpty() ? "" : parentPath(rel.endsWith("index.md") ? path.substring(0, path.length() - 1) : path);
        if (rel.endsWith("index.md") && !path.isEmpty()) {
            section = path;
        }
        Optional<DecisionTree> tree = fm.kind() == PageKind.DECISION
                ? Optional.of(new DecisionTree(path, in.structure().decisionNodes())) : Optional.empty();
        // a decision page without nodes is reported where its headings are read (StructureReader)
        // a page's position is where its address comes from: the slug: when there is one, else the file
        SourcePosition at = fm.slug().isPresent() ? fm.slugAt() : SourcePosition.ofFile(parsed.source().displayPath());
        return new Page(rel, at, path, section, fm.kind(),
                title.orElse(rel), fm.description().orElse(""), fm.weight(), fm.draft(), fm.reviewed(), fm.toc(),
                in.structure().headings(), in.structure().choiceList(), fm.profile(), tree, in.structure().ids());
    }

    /** {@code profiles/option-a.md} to {@code profiles/option-a/}; an index to its folder; the root index to "". */
    static String pathOf(String rel, Optional<String> slug) {
        String noExt = rel.substring(0, rel.length() - 3);
        List<String> parts = new ArrayList<>(List.of(noExt.split("/")));
        boolean index = parts.get(parts.size() - 1).equals("index");
        if (index) {
            parts.remove(parts.size() - 1);
        } else if (slug.isPresent() && !Slug.of(slug.get()).isEmpty()) {
            parts.set(parts.size() - 1, slug.get());
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String s = Slug.of(part);
            sb.append(s.isEmpty() ? "page" : s).append('/');
        }
        return sb.toString();
    }

    static String parentPath(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? "" : trimmed.substring(0, slash + 1);
    }

    private static void addGeneratedSections(Map<String, Page> byPath, Path contentDisplay, Words words) {
        Set<String> needed = new TreeSet<>();
        for (Page p : byPath.values()) {
            for (String s = p.section(); !s.isEmpty(); s = parentPath(s)) {
                needed.add(s);
            }
            needed.add("");
        }
        for (String s : needed) {
            if (byPath.containsKey(s)) continue;
            String name = s.isEmpty() ? words.home() : humanize(s);
            byPath.put(s, Page.generated(SourcePosition.ofFile(contentDisplay), s, s, PageKind.SECTION, name,
                    words.sectionDescription().replace("{section}", name)));
        }
    }

    private static String humanize(String sectionPath) {
        String last = sectionPath.substring(0, sectionPath.length() - 1);
        last = last.substring(last.lastIndexOf('/') + 1).replace('-', ' ');
        return last.isEmpty() ? "Section" : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    /** Children of a section: pages whose section is it (other than its own index), plus sub-sections. */
    private static List<NavNode> nav(String section, Map<String, Page> byPath) {
        // each page's parent section, found in one pass: a big site has as many sections as it has hundreds of pages
        Map<String, List<Page>> children = new java.util.HashMap<>();
        for (Page p : byPath.values()) {
            if (p.path().isEmpty()) continue;
            String parent = p.isSectionIndex() ? parentPath(p.path()) : p.section();
            if (parent.equals(p.path())) continue;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
        }
        return navOf(section, children);
    }

    private static List<NavNode> navOf(String section, Map<String, List<Page>> children) {
        List<Page> sorted = new ArrayList<>(children.getOrDefault(section, List.of()));
        sorted.sort(ORDER);
        List<NavNode> out = new ArrayList<>();
        for (Page p : sorted) {
            boolean isSection = p.isSectionIndex();
            out.add(new NavNode(p.title(), p.path(), isSection, isSection ? navOf(p.path(), children) : List.of()));
        }
        return out;
    }

    private static void flatten(List<NavNode> nodes, Map<String, Page> byPath, List<Page> out) {
        for (NavNode n : nodes) {
            out.add(byPath.get(n.path()));
            flatten(n.children(), byPath, out);
        }
    }
}

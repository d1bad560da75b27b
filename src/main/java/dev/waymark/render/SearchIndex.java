package dev.waymark.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;
import dev.waymark.content.AstText;
import dev.waymark.diag.Json;
import dev.waymark.model.ChoiceItem;
import dev.waymark.model.ChoiceList;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.Work;
import dev.waymark.links.SiteLinks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * The offline search index, built from the model before rendering: one entry per page section (title, heading and
 * body text), per choice-list item and per decision outcome. It is written as a small manifest plus shards, so a
 * 10,000-page site loads its index piece by piece and only when the reader starts searching.
 */
public final class SearchIndex {
    /** Entries per shard: large enough that the guide is one request, small enough that big sites load progressively. */
    static final int SHARD_SIZE = 1500;
    /** Body text kept per section; enough to match and to show a snippet. */
    static final int MAX_TEXT = 1200;
    private static final Pattern NODE_PREFIX = Pattern.compile("(?i)^(question|outcome)\\s*:\\s*");

    /** One searchable unit. {@code url} is relative to the site root; {@code kind} is page, section, choice or outcome. */
    public record Entry(String url, String page, String heading, String text, String kind) {
    }

    private SearchIndex() {
    }

    /** Every page's entries, in page order; pages are read in parallel on {@code pool}. */
    public static List<Entry> entries(Site site, Map<String, SiteRenderer.Source> sources, ExecutorService pool) {
        return entries(site, sources, pool, RECOMMENDATION);
    }

    private static final String RECOMMENDATION = "Recommendation: {title}";

    /** @param recommendation how an outcome's entry is titled, in the edition's language: {@code Recommendation: {title}} */
    public static List<Entry> entries(Site site, Map<String, SiteRenderer.Source> sources, ExecutorService pool,
                                      String recommendation) {
        return entries(site, sources, pool, recommendation, Map.of());
    }

    /**
     * As above, taking the entries of the pages in {@code known} (by source path) as they are: the build cache keeps
     * them for pages it does not parse again.
     */
    public static List<Entry> entries(Site site, Map<String, SiteRenderer.Source> sources, ExecutorService pool,
                                      String recommendation, Map<String, List<Entry>> known) {
        List<Entry> out = new ArrayList<>();
        for (List<Entry> page : byPage(site, sources, pool, recommendation, known)) out.addAll(page);
        return out;
    }

    /**
     * As above, one list per page of {@code site}, in page order: the lists taken from {@code known} are those lists
     * themselves (a list the build cache decodes only when it is read stays so).
     */
    public static List<List<Entry>> byPage(Site site, Map<String, SiteRenderer.Source> sources, ExecutorService pool,
                                           String recommendation, Map<String, List<Entry>> known) {
        List<Future<List<Entry>>> perPage = new ArrayList<>();
        for (Page page : site.pages()) {
            List<Entry> kept = page.sourcePath().isEmpty() ? null : known.get(page.sourcePath());
            if (kept != null) {
                perPage.add(java.util.concurrent.CompletableFuture.completedFuture(kept));
                continue;
            }
            SiteRenderer.Source src = page.sourcePath().isEmpty() ? null : sources.get(page.sourcePath());
            perPage.add(pool.submit(() -> entries(page, src, recommendation)));
        }
        List<List<Entry>> out = new ArrayList<>(perPage.size());
        for (Future<List<Entry>> f : perPage) out.add(Work.join(f));
        return out;
    }

    /** One page's entries: its sections up to h3, its choice items and its decision outcomes. */
    public static List<Entry> entries(Page page, SiteRenderer.Source src) {
        return entries(page, src, RECOMMENDATION);
    }

    static List<Entry> entries(Page page, SiteRenderer.Source src, String recommendation) {
        List<Entry> out = new ArrayList<>();
        String url = SiteLinks.relative("", page.path()) + "index.html";
        if (src == null) {
            out.add(new Entry(url, page.title(), "", page.description(), "page"));
            return out;
        }
        Map<Node, String> ids = src.structure().headingIds();
        String heading = "";
        String anchor = "";
        StringBuilder text = new StringBuilder(page.description());
        for (Node n = src.parsed().document().getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && ids.containsKey(h) && h.getLevel() <= 3) {
                add(out, url, anchor, page.title(), heading, text, anchor.isEmpty() ? "page" : "section");
                heading = NODE_PREFIX.matcher(AstText.of(h)).replaceFirst("");
                anchor = ids.get(h);
                text.setLength(0);
            } else if (text.length() < MAX_TEXT) {
                text.append(' ').append(AstText.of(n));
            }
        }
        add(out, url, anchor, page.title(), heading, text, anchor.isEmpty() ? "page" : "section");
        for (ChoiceList list : page.choiceLists()) {
            for (ChoiceItem item : list.items()) {
                out.add(new Entry(url + "#" + item.id(), page.title(), list.kind().label() + ": " + item.title(),
                        clip(item.text()), "choice"));
            }
        }
        page.decisionTree().ifPresent(tree -> {
            for (DecisionNode.Outcome o : tree.outcomes()) {
                out.add(new Entry(url + "#" + o.id(), page.title(), recommendation.replace("{title}", o.title()), "", "outcome"));
            }
        });
        return out;
    }

    private static void add(List<Entry> out, String url, String anchor, String page, String heading, StringBuilder text, String kind) {
        String t = clip(text.toString().strip());
        if (anchor.isEmpty() && heading.isEmpty()) {
            out.add(new Entry(url, page, "", t, kind));
        } else {
            out.add(new Entry(url + "#" + anchor, page, heading, t, kind));
        }
    }

    private static String clip(String s) {
        String one = AstText.collapseSpaces(s).strip();
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT);
    }

    /** The site paths of the manifest and shards for {@code entries} entries. */
    public static List<String> paths(int entries) {
        List<String> out = new ArrayList<>();
        for (int start = 0, n = 0; start < Math.max(1, entries); start += SHARD_SIZE, n++) out.add("search/shard-" + n + ".json");
        out.add("search/index.json");
        return out;
    }

    /** The manifest ({@code search/index.json}) and its shards, as files. */
    public static List<RenderedFile> files(List<Entry> entries) {
        return files(entries, List.of());
    }

    /**
     * The manifest and the shards whose entries differ from {@code previous}'s at the same place; the shards left out
     * are byte for byte what an earlier build of {@code previous} wrote. Every shard is listed in the manifest.
     */
    public static List<RenderedFile> files(List<Entry> entries, List<Entry> previous) {
        List<RenderedFile> files = new ArrayList<>();
        for (int start = 0, n = 0; start < Math.max(1, entries.size()); start += SHARD_SIZE, n++) {
            List<Entry> shard = entries.subList(start, Math.min(entries.size(), start + SHARD_SIZE));
            boolean same = !previous.isEmpty() && start < previous.size()
                    && previous.subList(start, Math.min(previous.size(), start + SHARD_SIZE)).equals(shard);
            if (same) continue;
            files.add(shard(n, shard));
        }
        files.add(manifest(entries.size()));
        return files;
    }

    /** Shard {@code n} ({@code search/shard-n.json}) holding {@code entries}. */
    public static RenderedFile shard(int n, List<Entry> entries) {
        List<Object> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(List.of(e.url(), e.page(), e.heading(), e.text(), e.kind()));
        }
        return new RenderedFile("search/shard-" + n + ".json", Json.write(rows).getBytes(StandardCharsets.UTF_8));
    }

    /** The manifest ({@code search/index.json}) of an index of {@code entries} entries. */
    public static RenderedFile manifest(int entries) {
        List<String> shards = new ArrayList<>();
        for (String path : paths(entries)) {
            if (path.startsWith("search/shard-")) shards.add(path.substring("search/".length()));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("fields", List.of("url", "page", "heading", "text", "kind"));
        manifest.put("entries", entries);
        manifest.put("shards", shards);
        return new RenderedFile("search/index.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** One page's entries {@code from} (inclusive) to {@code to} (exclusive), by the page's index in page order. */
    public record Slice(int page, int from, int to) {
    }

    /**
     * Which entries each shard holds, given each page's number of entries in page order: shard {@code n} holds the
     * entries {@code n * SHARD_SIZE} to {@code (n + 1) * SHARD_SIZE} of all pages' entries in a row, as {@link #files}
     * writes them. There is always one shard, empty when no page has an entry.
     */
    public static List<List<Slice>> layout(int[] counts) {
        List<List<Slice>> shards = new ArrayList<>();
        List<Slice> current = new ArrayList<>();
        int room = SHARD_SIZE;
        for (int page = 0; page < counts.length; page++) {
            int from = 0;
            while (from < counts[page]) {
                int take = Math.min(room, counts[page] - from);
                current.add(new Slice(page, from, from + take));
                from += take;
                room -= take;
                if (room == 0) {
                    shards.add(current);
                    current = new ArrayList<>();
                    room = SHARD_SIZE;
                }
            }
        }
        if (!current.isEmpty() || shards.isEmpty()) shards.add(current);
        return shards;
    }
}

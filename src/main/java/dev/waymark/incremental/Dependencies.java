package dev.waymark.incremental;

import dev.waymark.model.Page;
import dev.waymark.model.Site;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rules that say what a change touches. They are written from what each output reads:
 * <ul>
 *   <li>A page's <b>body</b> reads its own Markdown, the path and ids of every page its links resolve to, the set of
 *       sources and assets (a link to a missing file), the site configuration, the decision trees it embeds (and their
 *       prose), and, for a comparison table, every profile page in order.</li>
 *   <li>A page's <b>view</b> (everything around the body: nav, breadcrumbs, prev/next, children, table of contents,
 *       dates) reads its own page model, every other page's model (titles, paths, weights, order), the dates and the
 *       configuration.</li>
 *   <li>The theme and {@code site.yaml} are read by every page.</li>
 * </ul>
 * Hence: a body edit that leaves the page's model equal re-renders that body only; a change to the model (title,
 * weight, headings, description, kind, profile, tree...) also re-renders the bodies that link to it and compares
 * every page's view; a new, deleted or renamed page, a changed slug or draft flag, a changed asset set, the theme or
 * the configuration re-render everything. The search index, sitemap and robots.txt are rebuilt on every round and
 * only written when their bytes change.
 */
public final class Dependencies {
    private Dependencies() {
    }

    /**
     * @param everything every body and every view is rendered again
     * @param bodies     source paths whose bodies are rendered again
     * @param allViews   every page's view is computed and compared (else only those of the re-rendered bodies)
     */
    public record Plan(boolean everything, Set<String> bodies, boolean allViews) {
        public Plan {
            bodies = Set.copyOf(bodies);
        }
    }

    /** What changed since the output on disk was written. */
    public record Change(Set<String> sources, boolean themeOrConfig, boolean assets, boolean dates) {
        public Change {
            sources = Set.copyOf(sources);
        }
    }

    /** What the last render recorded about who reads whom. */
    public interface Graph {
        /** Sources whose links resolved to {@code target}. */
        Set<String> linkedFrom(String target);

        /** Sources that embed the decision tree of {@code target}. */
        Set<String> embedding(String target);

        /** Sources that hold a comparison table. */
        Set<String> comparisons();
    }

    /**
     * @param before the site the output on disk was rendered from; null when there is no output yet
     * @param after  the site as it is now
     */
    public static Plan plan(Site before, Site after, Change change, Graph graph) {
        if (before == after && !change.themeOrConfig() && !change.assets() && !change.dates()) {
            return sameModel(change, graph);
        }
        Map<String, Page> now = bySource(after);
        if (before == null || change.themeOrConfig() || change.assets() || !before.config().equals(after.config())
                || !structure(before).equals(structure(after))) {
            return new Plan(true, now.keySet(), true);
        }
        Map<String, Page> old = bySource(before);
        Set<String> bodies = new TreeSet<>();
        boolean allViews = change.dates();
        for (String s : change.sources()) {
            Page a = old.get(s);
            Page b = now.get(s);
            if (b == null) continue; // left out of the site (a draft, a duplicate): then the structure changed too
            bodies.add(s);
            if (!b.equals(a)) {
                allViews = true;
                bodies.addAll(graph.linkedFrom(s));
            }
            if ((a != null && a.decisionTree().isPresent()) || b.decisionTree().isPresent()) {
                bodies.addAll(graph.embedding(s));
            }
        }
        if (!before.profiles().equals(after.profiles())) {
            bodies.addAll(graph.comparisons());
        }
        // the navigation and reading order are made from the pages' models, so they only move with a model change
        if (!before.nav().equals(after.nav()) || !before.pages().equals(after.pages())) {
            allViews = true;
        }
        bodies.retainAll(now.keySet());
        return new Plan(false, bodies, allViews);
    }

    /**
     * The plan when the site model is the very one the output was rendered from (every changed source gave the model
     * it gave before, so titles, paths, order, headings and trees are as they were): the changed bodies, and the bodies
     * that embed a changed page's decision tree (they show its prose). No view other than theirs can differ.
     */
    private static Plan sameModel(Change change, Graph graph) {
        Set<String> bodies = new TreeSet<>();
        for (String s : change.sources()) {
            if (!s.endsWith(".md")) continue; // an asset's bytes are copied; no body reads them
            bodies.add(s);
            bodies.addAll(graph.embedding(s));
        }
        return new Plan(false, bodies, false);
    }

    /** Which source builds which URL, generated pages included: what links and folders resolve against. */
    static Map<String, String> structure(Site site) {
        Map<String, String> out = new TreeMap<>();
        for (Page p : site.pages()) out.put(p.path(), p.sourcePath());
        return out;
    }

    private static Map<String, Page> bySource(Site site) {
        Map<String, Page> out = new HashMap<>();
        for (Page p : site.pages()) {
            if (!p.generated()) out.put(p.sourcePath(), p);
        }
        return out;
    }

    /** Looks up a function as a graph; used by tests and by the build. */
    static Graph graph(Function<String, Set<String>> linkedFrom, Function<String, Set<String>> embedding, Set<String> comparisons) {
        return graph(linkedFrom, embedding, () -> comparisons);
    }

    /** The same, with the comparison pages worked out only when asked. */
    static Graph graph(Function<String, Set<String>> linkedFrom, Function<String, Set<String>> embedding,
                       java.util.function.Supplier<Set<String>> comparisons) {
        return new Graph() {
            @Override
            public Set<String> linkedFrom(String target) {
                return linkedFrom.apply(target);
            }

            @Override
            public Set<String> embedding(String target) {
                return embedding.apply(target);
            }

            @Override
            public Set<String> comparisons() {
                return comparisons.get();
            }
        };
    }
}

package dev.waymark.incremental;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.DecisionNode;
import dev.waymark.model.DecisionTree;
import dev.waymark.model.Heading;
import dev.waymark.model.Page;
import dev.waymark.model.PageKind;
import dev.waymark.model.ProfileData;
import dev.waymark.model.Site;
import dev.waymark.assemble.SiteAssembler;
import dev.waymark.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dependency rules, one per test: what each kind of change re-renders. */
class DependenciesTest {
    private static final SiteConfig CONFIG = new SiteConfig("Site", "", "https://example.org/", "", "main", "content", "en",
            Optional.empty(), Optional.empty(), Map.of(), List.of(), false, "");
    /** a.md is linked from b.md; d.md embeds the tree of tree.md; c.md holds a comparison. */
    private static final Dependencies.Graph GRAPH = Dependencies.graph(
            t -> t.equals("a.md") ? Set.of("b.md") : Set.of(),
            t -> t.equals("tree.md") ? Set.of("d.md") : Set.of(),
            Set.of("c.md"));

    private static Page page(String source, String title, int weight) {
        String path = source.replace(".md", "/");
        return new Page(source, SourcePosition.ofFile(Path.of(source)), path, "", PageKind.PAGE, title, "", weight, false,
                Optional.empty(), true, List.of(new Heading(2, "h", "H", SourcePosition.of(Path.of(source), 5))), List.of(),
                Optional.empty(), Optional.empty(), Set.of("h"));
    }

    private static Site site(Page... pages) {
        List<Page> all = new ArrayList<>(List.of(pages));
        all.sort(java.util.Comparator.comparing(Page::sourcePath));
        return new SiteAssembler().assemble(CONFIG, all, Path.of("content"), new Diagnostics());
    }

    private static final Page A = page("a.md", "A", 1);
    private static final Page B = page("b.md", "B", 2);
    private static final Page C = page("c.md", "C", 3);
    private static final Page D = page("d.md", "D", 4);
    private static final Site BEFORE = site(A, B, C, D);

    private static Dependencies.Change edited(String... sources) {
        return new Dependencies.Change(Set.of(sources), false, false, false);
    }

    @Test
    void aBodyEditThatLeavesThePageModelEqualReRendersThatBodyOnly() {
        Dependencies.Plan plan = Dependencies.plan(BEFORE, site(A, B, C, D), edited("a.md"), GRAPH);
        assertEquals(new Dependencies.Plan(false, Set.of("a.md"), false), plan);
    }

    @Test
    void theSameSiteModelReRendersTheChangedBodiesAndTheirEmbeddersOnly() {
        // the build passes the very model the output was rendered from when every re-read page kept its model
        Dependencies.Plan plan = Dependencies.plan(BEFORE, BEFORE, edited("a.md", "tree.md", "notes.txt"), GRAPH);
        assertEquals(new Dependencies.Plan(false, Set.of("a.md", "tree.md", "d.md"), false), plan);
        // b.md links to a.md, but a body edit of a.md changes nothing b.md shows
        assertFalse(plan.bodies().contains("b.md"));
    }

    @Test
    void theSameSiteModelWithNewDatesAThemeOrAnAssetSetIsNotABodyEdit() {
        assertEquals(new Dependencies.Plan(false, Set.of("a.md"), true),
                Dependencies.plan(BEFORE, BEFORE, new Dependencies.Change(Set.of("a.md"), false, false, true), GRAPH));
        assertTrue(Dependencies.plan(BEFORE, BEFORE, new Dependencies.Change(Set.of("a.md"), true, false, false), GRAPH).everything());
        assertTrue(Dependencies.plan(BEFORE, BEFORE, new Dependencies.Change(Set.of("a.md"), false, true, false), GRAPH).everything());
    }

    @Test
    void aTitleChangeComparesEveryViewAndReRendersTheBodiesThatLinkToThePage() {
        Dependencies.Plan plan = Dependencies.plan(BEFORE, site(page("a.md", "A2", 1), B, C, D), edited("a.md"), GRAPH);
        assertEquals(new Dependencies.Plan(false, Set.of("a.md", "b.md"), true), plan);
    }

    @Test
    void aWeightChangeMovesTheNavigationSoEveryViewIsCompared() {
        Dependencies.Plan plan = Dependencies.plan(BEFORE, site(page("a.md", "A", 9), B, C, D), edited("a.md"), GRAPH);
        assertTrue(plan.allViews());
        assertFalse(plan.everything());
    }

    @Test
    void aNewOrDeletedPageIsAStructureChange() {
        assertTrue(Dependencies.plan(BEFORE, site(A, B, C, D, page("e.md", "E", 5)), edited("e.md"), GRAPH).everything());
        assertTrue(Dependencies.plan(BEFORE, site(A, B, C), edited("d.md"), GRAPH).everything());
    }

    @Test
    void aSlugChangeIsAStructureChange() {
        Page moved = new Page("a.md", A.at(), "elsewhere/", "", PageKind.PAGE, "A", "", 1, false, Optional.empty(), true,
                A.headings(), List.of(), Optional.empty(), Optional.empty(), A.ids());
        assertTrue(Dependencies.plan(BEFORE, site(moved, B, C, D), edited("a.md"), GRAPH).everything());
    }

    @Test
    void theThemeTheConfigurationAndTheAssetSetTouchEverything() {
        Site same = site(A, B, C, D);
        assertTrue(Dependencies.plan(BEFORE, same, new Dependencies.Change(Set.of(), true, false, false), GRAPH).everything());
        assertTrue(Dependencies.plan(BEFORE, same, new Dependencies.Change(Set.of(), false, true, false), GRAPH).everything());
        assertTrue(Dependencies.plan(null, same, edited(), GRAPH).everything());
    }

    @Test
    void newDatesCompareEveryViewButRenderNoBody() {
        Dependencies.Plan plan = Dependencies.plan(BEFORE, site(A, B, C, D), new Dependencies.Change(Set.of(), false, false, true), GRAPH);
        assertEquals(new Dependencies.Plan(false, Set.of(), true), plan);
    }

    @Test
    void anEditToADecisionPageReRendersThePagesThatEmbedItsTree() {
        Page tree = new Page("tree.md", A.at(), "tree/", "", PageKind.DECISION, "Tree", "", 6, false, Optional.empty(), true,
                List.of(), List.of(), Optional.empty(),
                Optional.of(new DecisionTree("tree/", List.of(new DecisionNode.Outcome("x", "X", List.of(), A.at())))), Set.of("x"));
        Site before = site(A, B, C, D, tree);
        Dependencies.Plan plan = Dependencies.plan(before, site(A, B, C, D, tree), edited("tree.md"), GRAPH);
        assertEquals(new Dependencies.Plan(false, Set.of("tree.md", "d.md"), false), plan);
    }

    @Test
    void aProfileChangeReRendersTheComparisonTables() {
        Page profile = withProfile(page("p.md", "P", 7), "Alpha");
        Dependencies.Plan plan = Dependencies.plan(site(A, B, C, D, profile), site(A, B, C, D, withProfile(profile, "Beta")),
                edited("p.md"), GRAPH);
        assertTrue(plan.bodies().containsAll(Set.of("p.md", "c.md")), plan.toString());
        assertTrue(plan.allViews());
    }

    private static Page withProfile(Page p, String name) {
        return new Page(p.sourcePath(), p.at(), p.path(), p.section(), PageKind.PROFILE, p.title(), p.description(), p.weight(),
                false, Optional.empty(), true, p.headings(), List.of(),
                Optional.of(new ProfileData(name, "", "", List.of(), Map.of(), List.of())), Optional.empty(), p.ids());
    }
}

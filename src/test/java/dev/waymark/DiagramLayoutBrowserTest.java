package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build-time diagrams as Chromium draws them: every line of a node's text stays inside its box, and no edge label
 * lies on another label or on a node. Measured with the browser's own text boxes (getBBox), on a fixture with long,
 * accented and unbroken words, and on the bundled guide.
 */
class DiagramLayoutBrowserTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Path guide;
    static StaticServer fixture;
    static StaticServer bundled;
    static StaticServer editorial;
    static ChromeDriver js;

    /** What the page's diagrams break, one line per problem; empty when every text sits where it should. */
    static final String PROBLEMS = """
            const problems = [];
            const box = e => { const b = e.getBBox(); return {x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height}; };
            const meets = (a, b) => a.x < b.r - 0.5 && b.x < a.r - 0.5 && a.y < b.b - 0.5 && b.y < a.b - 0.5;
            for (const svg of document.querySelectorAll('svg.diagram__svg')) {
              const rects = [...svg.querySelectorAll('.diagram__node')].map(n => ({n, r: box(n.querySelector('rect'))}));
              for (const {n, r} of rects) {
                for (const t of n.querySelectorAll('text')) {
                  const b = box(t);
                  if (b.x < r.x + 2 || b.r > r.r - 2 || b.y < r.y || b.b > r.b) problems.push('text outside its box: ' + t.textContent);
                }
              }
              const labels = [...svg.querySelectorAll('.diagram__label')].map(l => ({l, b: box(l)}));
              const vb = svg.viewBox.baseVal;
              labels.forEach((a, i) => {
                if (a.b.x < vb.x || a.b.r > vb.x + vb.width || a.b.y < vb.y || a.b.b > vb.y + vb.height) problems.push('label outside the picture: ' + a.l.textContent);
                labels.slice(i + 1).forEach(b => { if (meets(a.b, b.b)) problems.push('labels overlap: ' + a.l.textContent + ' / ' + b.l.textContent); });
                rects.forEach(({n, r}) => { if (meets(a.b, r)) problems.push('label on a node: ' + a.l.textContent + ' / ' + n.textContent.trim()); });
              });
            }
            return problems;
            """;

    @BeforeAll
    static void setUp() throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), "title: Layout\n");
        StringBuilder md = new StringBuilder("---\ntitle: Choose a queue\ntype: decision\n---\n\n");
        String[] words = {"Does the workload need strict ordering of messages within one partition key",
                "Is a replayable log of every event kept for weeks a requirement",
                "Können die Betreiber einen zusätzlichen Cluster mit ZooKeeper überwachen",
                "Supercalifragilisticexpialidociouslyextraordinarymessagebroker?",
                "Short?", "Will consumers be written in many languages by several teams", "Exactly-once?"};
        for (int q = 1; q <= 7; q++) {
            md.append("## Question: ").append(words[q - 1]).append(" {#q").append(q).append("}\n\n");
            for (int c : new int[]{2 * q, 2 * q + 1}) {
                String label = c % 2 == 0 ? "Yes, and the operators already run one in production" : "No, not at the moment";
                md.append("- [").append(label).append("](#").append(c < 8 ? "q" : "o").append(c).append(")\n");
            }
            md.append('\n');
        }
        for (int o = 8; o <= 15; o++) {
            md.append("## Outcome: Take the managed streaming service with tiered storage, option ").append(o)
                    .append(" {#o").append(o).append("}\n\n- [Why](#q1)\n\n");
        }
        Files.writeString(content.resolve("index.md"), md);
        Files.writeString(content.resolve("shape.md"), """
                ---
                title: Shape
                ---

                ```diagram
                node producers: Producers in every service of the company | web, mobile, batch jobs and partner feeds
                node broker: Message broker cluster with three nodes | durable queues
                node store: Object storage for archived event streams
                node workers: Worker pool
                node audit: Auditing
                producers -> broker: publish events over the network
                producers -> store: archive raw payloads nightly
                broker -> workers: deliver jobs to subscribed consumers
                broker -> audit: copy every message for the auditors
                store -> workers: replays after an incident
                workers -> store: write results back
                ```
                """);
        site = tmp.resolve("site");
        Run.Outcome built = Run.build(content, site, "--quiet");
        assertEquals(0, built.exitCode(), built.err());
        guide = tmp.resolve("guide");
        Run.Outcome bundledBuild = Run.build(Run.GUIDE, guide, "--quiet");
        assertEquals(0, bundledBuild.exitCode(), bundledBuild.err());
        Path serif = tmp.resolve("editorial");
        Run.Outcome editorialBuild = Run.build(content, serif, "--quiet", "--theme", "editorial");
        assertEquals(0, editorialBuild.exitCode(), editorialBuild.err());
        fixture = new StaticServer(site);
        editorial = new StaticServer(serif);
        bundled = new StaticServer(guide);
        js = Browser.start(true);
        js.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void tearDown() {
        if (js != null) js.quit();
        if (fixture != null) fixture.close();
        if (bundled != null) bundled.close();
        if (editorial != null) editorial.close();
    }

    static List<?> problems(StaticServer server, String path) {
        js.get(server.url(path));
        assertTrue(!js.findElements(org.openqa.selenium.By.cssSelector("svg.diagram__svg")).isEmpty(), "a diagram on " + path);
        return (List<?>) ((JavascriptExecutor) js).executeScript(PROBLEMS);
    }

    @Test
    void aDecisionMapKeepsItsTextInsideItsBoxesAndItsLabelsApart() {
        assertEquals(List.of(), problems(fixture, "index.html"));
    }

    @Test
    void aDiagramBlockKeepsItsTextInsideItsBoxesAndItsLabelsApart() {
        assertEquals(List.of(), problems(fixture, "shape/index.html"));
    }

    @Test
    void aThemeWithASerifBodyDrawsThemTheSameWay() {
        assertEquals(List.of(), problems(editorial, "index.html"));
        assertEquals(List.of(), problems(editorial, "shape/index.html"));
    }

    @Test
    void theBundledGuidesDiagramsToo() {
        assertEquals(List.of(), problems(bundled, "decide/index.html"));
        assertEquals(List.of(), problems(bundled, "architecture/index.html"));
    }
}

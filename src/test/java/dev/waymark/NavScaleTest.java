package dev.waymark;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flat section must not make every page carry every other page: output grows linearly with the page count. */
class NavScaleTest {

    private static Path site(Path tmp, int pages) throws IOException {
        Path content = tmp.resolve("content-" + pages);
        Files.createDirectories(content.resolve("notes"));
        Files.writeString(content.resolve("site.yaml"), "title: Flat\nbase_url: https://example.org/\n");
        Files.writeString(content.resolve("index.md"), "---\ntitle: Flat\n---\n\nHome.\n");
        for (int i = 0; i < pages; i++) {
            Files.writeString(content.resolve("notes/n" + String.format("%04d", i) + ".md"),
                    "---\ntitle: Note " + String.format("%04d", i) + "\n---\n\nText " + i + ".\n");
        }
        Path out = tmp.resolve("site-" + pages);
        Run.Outcome r = Run.build(content, out);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static List<String> navTitles(Path out, String page) {
        Document doc = Run.html(out.resolve("notes/" + page + "/index.html"));
        return doc.select("#wm-site-nav a").eachText();
    }

    @Test
    void aPageInABigFlatSectionListsItsNeighboursNotTheWholeSection(@TempDir Path tmp) throws IOException {
        Path small = site(tmp, 200);
        Path big = site(tmp, 400);
        List<String> inSmall = navTitles(small, "n0100");
        List<String> inBig = navTitles(big, "n0100");
        assertEquals(inSmall, inBig, "the nav of a page does not depend on how many pages its section has");
        assertTrue(inBig.contains("Note 0100"), inBig.toString());
        assertTrue(inBig.contains("Note 0090") && inBig.contains("Note 0110"), inBig.toString());
        assertTrue(!inBig.contains("Note 0089") && !inBig.contains("Note 0111"), inBig.toString());
        assertTrue(inBig.stream().anyMatch(t -> t.equalsIgnoreCase("notes")), "the section's own page stays reachable: " + inBig);
        // the section's page still lists every note
        Document index = Run.html(big.resolve("notes/index.html"));
        assertEquals(400, index.select(".section-list a").size());
    }
}

package dev.waymark;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scaffolded files build with no errors and show up where they belong. */
class NewCommandTest {
    @Test
    void scaffoldedProfileAndPageBuildCleanly(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        assertEquals(0, Run.waymark("new", "profile", "Litestar", "--content", content.toString(), "--section", "tools").exitCode());
        assertEquals(0, Run.waymark("new", "page", "notes/extra", "--content", content.toString()).exitCode());
        assertTrue(Files.readString(content.resolve("tools/litestar.md")).contains("includes: [orm, admin]"), "capabilities come from site.yaml");
        Run.Outcome build = Run.build(content, tmp.resolve("site"), "--strict");
        assertEquals(0, build.exitCode(), build.out() + build.err());
        assertTrue(build.err().isBlank(), "no warnings either: " + build.err());
        Document compare = Run.html(tmp.resolve("site/compare/index.html"));
        assertEquals(List.of("Capability", "Alpha", "Beta", "Litestar"), compare.select("table.comparison thead th").eachText());
        assertTrue(compare.select("nav.sidebar a").eachText().contains("Extra"));
        assertEquals(2, Run.waymark("new", "profile", "Litestar", "--content", content.toString(), "--section", "tools").exitCode(), "never overwrites");
        assertEquals(2, Run.waymark("new", "page", "../escape", "--content", content.toString()).exitCode());
        assertEquals(2, Run.waymark("new", "recipe", "x", "--content", content.toString()).exitCode());
    }
}

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

    /** A page name with another extension is refused (it used to become faq.txt.md); a dot in a name is fine. */
    @Test
    void aPageNameWithAnotherExtensionIsRefused(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        Run.Outcome txt = Run.waymark("new", "page", "notes/faq.txt", "--content", content.toString());
        assertEquals(2, txt.exitCode());
        assertEquals("a page is a Markdown file ending in .md, not \"faq.txt\"; give notes/faq for notes/faq.md, or the whole name"
                + " (notes/faq.txt.md) if the dot is meant", txt.err().lines().findFirst().orElseThrow());
        assertTrue(Files.notExists(content.resolve("notes")), "nothing written");
        assertEquals(0, Run.waymark("new", "page", "notes/faq.txt.md", "--content", content.toString()).exitCode());
        assertEquals(0, Run.waymark("new", "page", "release-1.2", "--content", content.toString()).exitCode());
        assertTrue(Files.exists(content.resolve("notes/faq.txt.md")) && Files.exists(content.resolve("release-1.2.md")));
    }
}

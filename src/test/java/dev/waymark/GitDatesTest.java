package dev.waymark;

import dev.waymark.content.GitDates;
import dev.waymark.support.Git;
import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Last updated" comes from one git call over a real repository made here; no git or no commit means no date. */
class GitDatesTest {


    @Test
    void datesComeFromTheLastCommitTouchingEachFile(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path content = repo.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        Git.run(repo, "2026-01-15T10:00:00Z", "init", "-q");
        Git.run(repo, "2026-01-15T10:00:00Z", "add", ".");
        Git.run(repo, "2026-01-15T10:00:00Z", "commit", "-q", "-m", "first");
        Files.writeString(content.resolve("compare.md"), Files.readString(content.resolve("compare.md")) + "\nMore.\n");
        Git.run(repo, "2026-03-02T10:00:00Z", "commit", "-q", "-am", "second");
        Files.writeString(content.resolve("fresh.md"), "---\ntitle: Fresh\ndescription: Not committed yet.\n---\n\nNew.\n");

        Map<String, String> dates = GitDates.read(content);
        assertEquals("2026-03-02", dates.get("compare.md"));
        assertEquals("2026-01-15", dates.get("tools/alpha.md"));
        assertEquals(null, dates.get("fresh.md"), "an uncommitted file has no date");

        Path site = tmp.resolve("site");
        assertEquals(0, Run.build(content, site, "--quiet").exitCode());
        Document compare = Run.html(site.resolve("compare/index.html"));
        assertEquals("2026-03-02", compare.select(".page__meta time").last().attr("datetime"));
        assertTrue(compare.select(".page__meta").text().contains("Last updated 2026-03-02"));
        Document fresh = Run.html(site.resolve("fresh/index.html"));
        assertTrue(!fresh.select(".page__meta").text().contains("Last updated"), "no date, no label");
        assertTrue(compare.select("a:contains(Edit this page)").attr("href").startsWith("https://github.com/example/mini/edit/main/"));
    }

    @Test
    void withoutARepositoryThereAreNoDates(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        assertEquals(Map.of(), GitDates.read(content));
        assertEquals(0, Run.build(content, tmp.resolve("site"), "--quiet").exitCode());
    }
}

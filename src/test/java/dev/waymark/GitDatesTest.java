package dev.waymark;

import dev.waymark.content.GitDates;
import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Last updated" comes from one git call over a real repository made here; no git or no commit means no date. */
class GitDatesTest {

    private static void git(Path dir, String date, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_DATE", date);
        pb.environment().put("GIT_COMMITTER_DATE", date);
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args));
    }

    @Test
    void datesComeFromTheLastCommitTouchingEachFile(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path content = repo.resolve("content");
        Run.copyTree(SiteStructureTest.MINI, content);
        git(repo, "2026-01-15T10:00:00Z", "init", "-q");
        git(repo, "2026-01-15T10:00:00Z", "add", ".");
        git(repo, "2026-01-15T10:00:00Z", "commit", "-q", "-m", "first");
        Files.writeString(content.resolve("compare.md"), Files.readString(content.resolve("compare.md")) + "\nMore.\n");
        git(repo, "2026-03-02T10:00:00Z", "commit", "-q", "-am", "second");
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

package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Determinism, atomicity, stale-file removal and drafts. */
class BuildGuaranteesTest {
    static final Path MINI = Run.ROOT.resolve("src/test/resources/sites/mini/content");

    static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void twoBuildsAreByteIdentical(@TempDir Path tmp) throws IOException {
        for (Path content : new Path[]{MINI, Run.GUIDE}) {
            if (!Files.isDirectory(content)) continue;
            Path a = tmp.resolve(content.getFileName() + "-a");
            Path b = tmp.resolve(content.getFileName() + "-b");
            assertEquals(0, Run.build(content, a, "--quiet").exitCode());
            assertEquals(0, Run.build(content, b, "--quiet").exitCode());
            Map<String, byte[]> ta = tree(a);
            Map<String, byte[]> tb = tree(b);
            assertEquals(ta.keySet(), tb.keySet());
            for (String k : ta.keySet()) {
                assertArrayEquals(ta.get(k), tb.get(k), k + " differs between builds");
            }
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouched(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(MINI, content);
        Path site = tmp.resolve("site");
        assertEquals(0, Run.build(content, site, "--quiet").exitCode());
        Map<String, byte[]> before = tree(site);
        Files.writeString(content.resolve("compare.md"), "---\ntitle: [broken\n---\n");
        Run.Outcome r = Run.build(content, site, "--quiet");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("compare.md:2:"), r.err());
        Map<String, byte[]> after = tree(site);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed after a failed build"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary folders are left behind");
        }
    }

    @Test
    void staleFilesFromEarlierBuildsAreRemoved(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(MINI, content);
        Path site = tmp.resolve("site");
        Files.writeString(content.resolve("stale.md"), "---\ntitle: Stale\n---\n\nSoon gone.\n");
        assertEquals(0, Run.build(content, site, "--quiet").exitCode());
        assertTrue(Files.exists(site.resolve("stale/index.html")));
        Files.delete(content.resolve("stale.md"));
        assertEquals(0, Run.build(content, site, "--quiet").exitCode());
        assertFalse(Files.exists(site.resolve("stale/index.html")), "a page the content no longer has is gone");
    }

    @Test
    void draftsAreLeftOutUnlessAsked(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(MINI, content);
        Files.writeString(content.resolve("wip.md"), "---\ntitle: Work in progress\ndescription: Not yet.\ndraft: true\n---\n\nSoon.\n");
        assertEquals(0, Run.build(content, tmp.resolve("a"), "--quiet").exitCode());
        assertFalse(Files.exists(tmp.resolve("a/wip/index.html")));
        assertEquals(0, Run.build(content, tmp.resolve("b"), "--quiet", "--drafts").exitCode());
        assertTrue(Files.exists(tmp.resolve("b/wip/index.html")));
    }

    @Test
    void everyErrorOfABuildIsReported(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(MINI, content);
        Files.writeString(content.resolve("one.md"), "---\ntitel: x\n---\n");
        Files.writeString(content.resolve("two.md"), "---\ntitle: Two\n---\n\n[gone](nowhere.md)\n");
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("content/one.md:2:1: error: unknown key \"titel\""), r.err());
        assertTrue(r.err().contains("content/two.md:5:1: error: link to a missing page"), r.err());
    }

    @Test
    void aGuideWithoutSiteConfigBuildsAndChecksClean(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Files.createDirectories(content.resolve("sec"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: 1984\ndescription: yes\n---\n\nSee [the section](sec) and [again](sec/).\n");
        Files.writeString(content.resolve("sec/index.md"), "---\ntitle: Sec\n---\n\nHi.\n");
        Run.Outcome r = Run.build(content, tmp.resolve("site"), "--strict");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("Sec \u2014 1984", Run.html(tmp.resolve("site/sec/index.html")).title(), "the home page names the site");
        assertEquals("sec/index.html", Run.html(tmp.resolve("site/index.html")).select(".prose a").first().attr("href"));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, Run.waymark("build", "--no-such-option").exitCode());
        Run.Outcome help = Run.waymark("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("build"), help.out());
        assertEquals(0, Run.waymark("--version").exitCode());
    }
}

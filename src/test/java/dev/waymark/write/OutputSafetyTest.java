package dev.waymark.write;

import dev.waymark.support.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build never replaces a folder that holds what it reads or what it did not write. Each refusal exits 2, names the
 * folder, says what to do, and leaves every file where it was: the whole temporary project is compared before and after.
 */
class OutputSafetyTest {
    static final Path MINI = Run.ROOT.resolve("src/test/resources/sites/mini/content");
    @TempDir
    Path tmp;
    Path project;
    Path content;

    @BeforeEach
    void project() throws IOException {
        project = tmp.resolve("project");
        content = project.resolve("content");
        Run.copyTree(MINI, content);
        Files.writeString(project.resolve("notes.txt"), "mine");
    }

    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                all.put(rel, Files.isRegularFile(p) ? Files.readAllBytes(p) : Files.isSymbolicLink(p) ? new byte[]{1} : new byte[0]);
            }
        }
        return all;
    }

    static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet(), "no file was added or removed");
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed"));
    }

    /** Builds {@code out} (as typed on the command line) and asserts the exact refusal and that nothing changed. */
    void assertRefused(String out, String reason) throws IOException {
        Map<String, byte[]> before = snapshot(tmp);
        Run.Outcome r = Run.build(content, Path.of(out));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("waymark: refusing to write the site into " + Path.of(out) + ": " + reason + "\n    hint: "), r.err());
        assertEquals("", r.out());
        assertSame(before, snapshot(tmp));
    }

    @Test
    void theContentFolderItself() throws IOException {
        assertRefused(content.toString(), "it is the content folder");
    }

    @Test
    void theProjectFolderThatHoldsTheContent() throws IOException {
        assertRefused(project.toString(), "it contains the content folder " + content);
    }

    @Test
    void aFolderFarAboveTheContent() throws IOException {
        assertRefused(tmp.toString(), "it contains the content folder " + content);
    }

    @Test
    void aFolderInsideTheContent() throws IOException {
        assertRefused(content.resolve("tools/site").toString(), "it is inside the content folder " + content);
    }

    @Test
    void aFolderInsideTheThemes() throws IOException {
        Path themes = tmp.resolve("themes");
        Run.copyTree(Run.THEMES, themes);
        Map<String, byte[]> before = snapshot(tmp);
        Run.Outcome r = Run.waymark("build", "--content", content.toString(), "--themes", themes.toString(), "--out", themes.resolve("default/out").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(": it is inside the themes folder " + themes + "\n"), r.err());
        assertSame(before, snapshot(tmp));
    }

    @Test
    void dotDotThatLeadsBackToTheContent() throws IOException {
        assertRefused(content + "/tools/../../content", "it is the content folder");
        assertRefused(content + "/tools/..", "it is the content folder");
    }

    @Test
    void aTrailingSlash() throws IOException {
        assertRefused(content + "/", "it is the content folder");
        assertRefused(project + "//", "it contains the content folder " + content);
    }

    @Test
    void aSymlinkThatLeadsIntoTheContent() throws IOException {
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), content);
        assertRefused(alias + "/site", "it is inside the content folder " + content);
        assertRefused(alias + "/tools/../site", "it is inside the content folder " + content);
        // `..` is taken as written, as the build writes it: alias/tools/.. names the link itself, which is refused
        assertRefused(alias + "/tools/..", "it is a symbolic link, and a build replaces the folder it names");
    }

    @Test
    void aSymlinkToTheProjectIsNotReplaced() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), project);
        assertRefused(link.toString(), "it is a symbolic link, and a build replaces the folder it names");
        // the content reached through a link is still the content
        Path linkedContent = Files.createSymbolicLink(tmp.resolve("c"), content);
        Map<String, byte[]> before = snapshot(tmp);
        Run.Outcome r = Run.build(linkedContent, project);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("it contains the content folder"), r.err());
        assertSame(before, snapshot(tmp));
    }

    /**
     * A name that differs only in case. On a case-insensitive disk (macOS, Windows) {@code CONTENT} is the content
     * folder itself; on a case-sensitive one it is a different name, so a link spelled in capitals stands in for it.
     * Either way it is the same folder, and only its identity, not its spelling, can tell.
     */
    @Test
    void aDifferenceInCase() throws IOException {
        Path upper = project.resolve("CONTENT");
        if (!Files.exists(upper)) Files.createSymbolicLink(upper, content);
        assertTrue(Files.isSameFile(upper, content));
        assertRefused(upper + "/site", "it is inside the content folder " + content);
        assertTrue(OutputFolder.contains(content, upper.resolve("x")), "found by identity");
    }

    @Test
    void theHomeFolder() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("Documents"));
        Files.writeString(home.resolve(".bashrc"), "mine");
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertRefused(home.toString(), "it is your home folder");
            assertRefused(home + "/Documents/..", "it is your home folder");
            assertRefused(tmp.toString(), "it contains your home folder");
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void theRootOfAFileSystemAndTheWorkingFolder() {
        Path cwd = project;
        var around = new OutputFolder.Surroundings(cwd, tmp.getRoot().resolve("no-such-home-" + System.nanoTime()), List.of());
        Path root = tmp.getRoot();
        assertEquals("it is the root of a file system",
                assertThrows(OutputRefusedException.class, () -> OutputFolder.checkPlacement(root, around)).reason());
        assertEquals("it is the current folder, which holds your project",
                assertThrows(OutputRefusedException.class, () -> OutputFolder.checkPlacement(cwd.resolve("."), around)).reason());
        assertEquals("it contains the current folder",
                assertThrows(OutputRefusedException.class, () -> OutputFolder.checkPlacement(cwd.resolve(".."), around)).reason());
        OutputFolder.checkPlacement(cwd.resolve("site"), around); // a folder of its own is fine
    }

    /** The report's reproduction, run as the launcher runs it: {@code waymark build --out .} in the project folder. */
    @Test
    void buildOutDotInTheProjectFolder() throws Exception {
        Map<String, byte[]> before = snapshot(tmp);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.waymark.cli.Waymark",
                "build", "--out", ".", "--themes", Run.THEMES.toString())
                .directory(project.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.startsWith("waymark: refusing to write the site into .: it is the current folder, which holds your project\n"), output);
        assertSame(before, snapshot(tmp));
    }

    @Test
    void aFolderWithFilesButNoManifestIsRefused() throws IOException {
        Path docs = project.resolve("docs");
        Files.createDirectories(docs.resolve("img"));
        Files.writeString(docs.resolve("CNAME"), "guide.example.org\n");
        Files.writeString(docs.resolve("index.html"), "hand-made");
        assertRefused(docs.toString(), "it already holds files (CNAME, img, index.html) and no .waymark-manifest, so Waymark did not build it");
    }

    @Test
    void filesAddedToABuiltSiteAreTheUsersAndStopTheNextBuild() throws IOException {
        Path site = project.resolve("site");
        assertEquals(0, Run.build(content, site, "--quiet").exitCode());
        assertTrue(Files.readString(site.resolve(Manifest.FILE_NAME)).startsWith(Manifest.HEADER + "\n"));
        Files.writeString(site.resolve("notes.txt"), "mine");
        Files.createDirectories(site.resolve("tools/drafts"));
        Files.writeString(site.resolve("tools/drafts/a.md"), "mine");
        Files.writeString(site.resolve("tools/zz.txt"), "mine");
        Files.writeString(site.resolve("zz.txt"), "mine");
        assertRefused(site.toString(), "it holds files that Waymark did not write: notes.txt, tools/drafts/, tools/zz.txt and 1 more");
        for (String mine : List.of("notes.txt", "tools/drafts/", "tools/zz.txt", "zz.txt")) {
            SiteWriter.deleteTree(site.resolve(mine));
        }
        assertEquals(0, Run.build(content, site, "--quiet").exitCode(), "once they are gone, the site is Waymark's again");
    }

    /** The report's third case: an existing docs/CNAME must survive, and the way to keep it published is static/. */
    @Test
    void anExistingCnameIsNotDeletedAndStaticPublishesIt() throws IOException {
        Path docs = project.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("CNAME"), "guide.example.org\n");
        assertRefused(docs.toString(), "it already holds files (CNAME) and no .waymark-manifest, so Waymark did not build it");
        assertEquals("guide.example.org\n", Files.readString(docs.resolve("CNAME")));

        Path passthrough = project.resolve("static");
        Files.createDirectories(passthrough.resolve(".well-known"));
        Files.move(docs.resolve("CNAME"), passthrough.resolve("CNAME"));
        Files.write(passthrough.resolve(".nojekyll"), new byte[0]);
        byte[] odd = {0, (byte) 0xff, '\r', '\n', 'x'};
        Files.write(passthrough.resolve("google1234.html"), odd);
        Files.writeString(passthrough.resolve(".well-known/security.txt"), "Contact: mailto:a@example.org\n");
        Run.Outcome r = Run.build(content, docs, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("guide.example.org\n", Files.readString(docs.resolve("CNAME")));
        assertTrue(Files.exists(docs.resolve(".nojekyll")));
        assertArrayEquals(odd, Files.readAllBytes(docs.resolve("google1234.html")), "copied byte for byte");
        assertTrue(Files.exists(docs.resolve(".well-known/security.txt")));
        List<String> listed = Files.readAllLines(docs.resolve(Manifest.FILE_NAME));
        assertTrue(listed.containsAll(List.of("CNAME", ".nojekyll", ".well-known/security.txt", "index.html")), listed.toString());
        assertEquals(0, Run.build(content, docs, "--quiet").exitCode(), "a rebuild replaces its own passthrough copies");
    }

    @Test
    void aPassthroughFileThatWouldReplaceAGeneratedOneIsAnError() throws IOException {
        Path passthrough = project.resolve("static");
        Files.createDirectories(passthrough.resolve("tools"));
        Files.writeString(passthrough.resolve("tools/index.html"), "shadow");
        Files.writeString(passthrough.resolve("sitemap.xml"), "shadow");
        Path site = project.resolve("site");
        Run.Outcome r = Run.build(content, site);
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(List.of(
                passthrough + "/sitemap.xml:1:1: error: \"sitemap.xml\" would replace a file the build generates [passthrough-collision]",
                "    hint: rename or remove it; the static/ folder is for files that the build does not make, such as CNAME",
                passthrough + "/tools/index.html:1:1: error: \"tools/index.html\" would replace a file the build generates [passthrough-collision]",
                "    hint: rename or remove it; the static/ folder is for files that the build does not make, such as CNAME"),
                r.err().lines().limit(4).toList(), r.err());
        assertFalse(Files.exists(site), "nothing was written");
    }
}

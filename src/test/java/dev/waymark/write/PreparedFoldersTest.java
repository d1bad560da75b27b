package dev.waymark.write;

import dev.waymark.render.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Folders made ahead of a build ({@link SiteWriter#prepare}): the output holds exactly the folders its files went
 * into, whatever the list said; a refused output gets nothing; a prepared folder not taken over leaves no trace.
 */
class PreparedFoldersTest {
    @TempDir
    Path tmp;

    private static RenderedFile file(String path) {
        return new RenderedFile(path, path.getBytes(StandardCharsets.UTF_8));
    }

    /** Every entry under {@code root} (folders with a trailing slash), sorted; the manifest left out. */
    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root) && !p.getFileName().toString().equals(Manifest.FILE_NAME))
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
        }
    }

    /** The files and folders beside the output (staging folders, backups), by name. */
    private List<String> besideOutput() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("site")).sorted().toList();
        }
    }

    @Test
    void theOutputHoldsTheFoldersItsFilesWentIntoWhateverTheListSaid() throws IOException {
        Path out = tmp.resolve("site");
        // the last build had a page "old" (deleted since), a section "a" with two pages, and names no list should hold
        List<String> last = List.of("a", "a/one", "a/two", "old", "old/deep", "../escape", "/abs", "b/no-parent-listed");
        try (SiteWriter.Prepared prepared = SiteWriter.prepare(out, last);
             SiteWriter.Staging staging = SiteWriter.stage(out, SiteWriter.Faults.NONE, prepared)) {
            staging.put(file("a/one/index.html"));
            staging.link("a/two/index.html", Files.writeString(tmp.resolve("blob"), "cached"));
            staging.put(file("c/three/index.html")); // new since the last build
            staging.put(file("index.html"));
            staging.commit();
            assertEquals(List.of("a", "a/one", "a/two", "c", "c/three"), staging.folderList());
        }
        Files.delete(tmp.resolve("blob"));
        assertEquals(List.of("a/", "a/one/", "a/one/index.html", "a/two/", "a/two/index.html", "c/", "c/three/",
                "c/three/index.html", "index.html"), tree(out));
        assertEquals(List.of(), besideOutput(), "nothing made outside the output");
    }

    @Test
    void aPreparedFolderNotTakenOverIsDeletedAndTheOutputStaysAsItWas() throws IOException {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging staging = SiteWriter.stage(out)) {
            staging.put(file("page/index.html"));
            staging.commit();
        }
        List<String> before = tree(out);
        try (SiteWriter.Prepared prepared = SiteWriter.prepare(out, List.of("page", "x", "x/y"))) {
            // the build fails before it stages anything (a content error): the prepared folder is closed unused
            assertEquals(1, besideOutput().size(), "a staging folder is prepared beside the output");
        }
        assertEquals(before, tree(out));
        assertEquals(List.of(), besideOutput(), "the prepared staging folder is gone");
    }

    @Test
    void anOutputThatWouldBeRefusedGetsNothingPrepared() throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertSame(SiteWriter.Prepared.NONE, SiteWriter.prepare(out, List.of("a", "a/b")));
        assertEquals(List.of(), besideOutput(), "no staging folder beside a folder that is not Waymark's");
        assertEquals(List.of("notes.txt"), tree(out));
    }
}

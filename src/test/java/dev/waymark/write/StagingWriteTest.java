package dev.waymark.write;

import dev.waymark.render.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the staging folder does to files that are not its own: a cached file linked in is never written through. */
class StagingWriteTest {
    @TempDir
    Path tmp;

    @Test
    void aFileRenderedOverALinkedCacheFileLeavesTheCacheFileAsItWas() throws IOException {
        Path blob = tmp.resolve("cache/files/blob");
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, "cached bytes");
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging staging = SiteWriter.stage(out)) {
            staging.link("page/index.html", blob);
            staging.put(new RenderedFile("page/index.html", "fresh bytes".getBytes(StandardCharsets.UTF_8)));
            staging.commit();
        }
        assertEquals("fresh bytes", Files.readString(out.resolve("page/index.html")));
        assertEquals("cached bytes", Files.readString(blob), "the cache's copy was written through a hard link");
    }

    @Test
    void aFileRenderedTwiceKeepsTheLastBytes() throws IOException {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging staging = SiteWriter.stage(out)) {
            staging.put(new RenderedFile("search/index.html", "first, longer".getBytes(StandardCharsets.UTF_8)));
            staging.put(new RenderedFile("search/index.html", "second".getBytes(StandardCharsets.UTF_8)));
            staging.commit();
        }
        assertEquals("second", Files.readString(out.resolve("search/index.html")));
    }
}

package dev.waymark.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The list of the output's folders the cache keeps for the next build: read back as written, or not at all. */
class BuildCacheFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void theFoldersComeBackAsStoredAndTheFileIsRewrittenOnlyWhenTheyChange() throws IOException {
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        assertEquals(List.of(), cache.folders(), "no list before the first build");
        cache.storeFolders(List.of("a", "a/b", "ç/ü"));
        assertEquals(List.of("a", "a/b", "ç/ü"), cache.folders());
        Path file = tmp.resolve("cache/" + BuildCache.FOLDERS_FILE);
        assertEquals("waymark-folders 1\na\na/b\nç/ü\n", Files.readString(file));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        cache.storeFolders(List.of("a", "a/b", "ç/ü"));
        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "the same list is not written again");
        cache.storeFolders(List.of("a"));
        assertEquals(List.of("a"), cache.folders());
    }

    @Test
    void aListThatIsNotOursIsNotUsed() throws IOException {
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        Files.createDirectories(tmp.resolve("cache"));
        Files.writeString(tmp.resolve("cache/" + BuildCache.FOLDERS_FILE), "some other file\na\n");
        assertEquals(List.of(), cache.folders());
        Files.write(tmp.resolve("cache/" + BuildCache.FOLDERS_FILE), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        assertEquals(List.of(), cache.folders(), "not UTF-8");
        assertEquals(List.of(), BuildCache.OFF.folders(), "no cache, no list");
        cache.storeFolders(List.of("a"));
        cache.storeFolders(List.of("a\nb", "c"));
        assertEquals(List.of("a"), cache.folders(), "a list with a name it cannot hold is not written");
    }
}

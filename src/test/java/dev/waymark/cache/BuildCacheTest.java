package dev.waymark.cache;

import dev.waymark.Pipeline;
import dev.waymark.diag.Diagnostic;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The persistent build cache: a cached build is byte for byte a clean build, it reuses the pages a change leaves
 * alone, and a damaged cache costs one warning, never a wrong page.
 */
class BuildCacheTest {
    @TempDir
    Path tmp;

    private Path content() {
        Path content = tmp.resolve("content");
        Run.copyTree(Run.ROOT.resolve("src/test/resources/sites/mini/content"), content);
        return content;
    }

    private Pipeline.Result build(Path content, String out, BuildCache cache) {
        return new Pipeline(cache).build(new Pipeline.Options(content, tmp.resolve(out), Run.THEMES, "", false));
    }

    private Object inode(String out, String file) throws IOException {
        return Files.getAttribute(tmp.resolve(out).resolve(file), "unix:ino");
    }

    @Test
    void aBodyEditRendersThatPageAndReusesTheRest() throws IOException {
        Path content = content();
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        assertTrue(build(content, "site", cache).written());
        assertTrue(Files.isRegularFile(tmp.resolve("cache/index")), "the first build fills the cache");
        Object home = inode("site", "index.html");
        Object alpha = inode("site", "tools/alpha/index.html");
        Files.writeString(content.resolve("index.md"), "\nOne more paragraph.\n", java.nio.file.StandardOpenOption.APPEND);
        Pipeline.Result cached = build(content, "site", cache);
        assertEquals(List.of(), cached.diagnostics());
        assertEquals(alpha, inode("site", "tools/alpha/index.html"), "an unchanged page is linked from the cache, not written");
        assertNotEquals(home, inode("site", "index.html"), "the edited page is rendered again");
        Pipeline.Result clean = build(content, "clean", BuildCache.OFF);
        assertEquals(clean.pages(), cached.pages());
        assertEquals(clean.files(), cached.files());
        assertSameTree("clean", "site");
    }

    /**
     * A page's social card is one of its files in the cache: a page taken from the cache brings its card along as a
     * link (not read from the card cache and written again), an edited page's card is drawn (or taken from the card
     * cache) and stored with it, and the site is a clean build's.
     */
    @Test
    void aPagesCardComesFromTheCacheWithThePage() throws IOException {
        Path content = content();
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        assertTrue(build(content, "site", cache).written());
        assertTrue(Files.isRegularFile(tmp.resolve("site/tools/alpha/card.png")), "the mini guide has cards");
        Object alpha = inode("site", "tools/alpha/card.png");
        Object home = inode("site", "card.png");
        Files.writeString(content.resolve("index.md"), "\nOne more paragraph.\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertEquals(alpha, inode("site", "tools/alpha/card.png"), "an unchanged page's card is linked from the cache");
        assertNotEquals(home, inode("site", "card.png"), "the edited page's card is made again");
        assertTrue(Files.readString(tmp.resolve("cache/index")).contains("\tcard.png\n"), "the new card is stored with its page");
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertEquals(2, Files.getAttribute(tmp.resolve("site/card.png"), "unix:nlink"), "and linked from the cache next time");
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    /** A folder of {@code pages} pages of {@code sections} sections each (one search entry per section). */
    private static void manyEntries(Path content, int pages, int sections) throws IOException {
        Path folder = Files.createDirectories(content.resolve("notes"));
        Files.writeString(folder.resolve("index.md"), "---\ntitle: Notes\ndescription: Many sections.\n---\n\nNotes.\n");
        for (int p = 0; p < pages; p++) {
            StringBuilder md = new StringBuilder("---\ntitle: Note " + p + "\ndescription: Note " + p + ".\nweight: " + p + "\n---\n\n");
            for (int s = 0; s < sections; s++) md.append("## Part ").append(s).append("\n\nText ").append(s).append(" of note ").append(p).append(".\n\n");
            Files.writeString(folder.resolve("note-" + p + ".md"), md);
        }
    }

    /**
     * The search index's shards come from the cache as pages do: a body edit that keeps the page's number of entries
     * makes the one shard that holds the edited section again and links the others from the cache; the index is a
     * clean build's. (Before, every build wrote every shard from every page's decoded entries.)
     */
    @Test
    void aBodyEditMakesOnlyTheSearchShardThatHoldsIt() throws IOException {
        Path content = content();
        manyEntries(content, 4, 500); // 2,000 sections and the mini guide's: two shards of 1,500 entries
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertTrue(Files.isRegularFile(tmp.resolve("site/search/shard-1.json")), "two shards");
        assertFalse(Files.exists(tmp.resolve("site/search/shard-2.json")), "two shards");
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        Object first = inode("site", "search/shard-0.json");
        Object second = inode("site", "search/shard-1.json");
        assertEquals(2, Files.getAttribute(tmp.resolve("site/search/shard-0.json"), "unix:nlink"), "a shard is kept in the cache");
        // the last note's sections are at the end of the index: in the second shard
        Path last = content.resolve("notes/note-3.md");
        Files.writeString(last, Files.readString(last).replace("Text 499 of note 3.", "Text 499 of note 3, edited."));
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertEquals(first, inode("site", "search/shard-0.json"), "the shard without the edited page is linked from the cache");
        assertNotEquals(second, inode("site", "search/shard-1.json"), "the shard with the edited section is made again");
        assertTrue(Files.readString(tmp.resolve("site/search/shard-1.json")).contains("Text 499 of note 3, edited."));
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
        // an edit that adds a section moves every later entry: the shards after it are made again, and still right
        Path first0 = content.resolve("notes/note-0.md");
        Files.writeString(first0, "\n## One more part\n\nMore.\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    /**
     * A kept page's search entries are decoded only when something reads them (a shard made again), yet their bytes
     * are checked when the facts are read, and they read back equal to what was kept.
     */
    @Test
    void keptSearchEntriesAreDecodedOnlyWhenRead() throws IOException {
        Path content = content();
        build(content, "site", BuildCache.at(tmp.resolve("cache")));
        Path shard = shards(tmp.resolve("cache")).get(0);
        byte[] all = Files.readAllBytes(shard);
        int eol = 0;
        while (all[eol] != '\n') eol++;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all, eol + 1 + 4 + 64 + 64, 4);
        int length = b.getInt();
        byte[] entry = Arrays.copyOfRange(all, eol + 1 + 4 + 64 + 64 + 4, eol + 1 + 4 + 64 + 64 + 4 + length);
        CachedFacts.Facts eager = (CachedFacts.Facts) RecordCodec.decode(entry, CachedFacts.Facts.class);
        CachedFacts.Facts lazy = CachedFacts.decode(entry);
        assertEquals(eager.page(), lazy.page());
        CachedFacts.KeptEntries entries = (CachedFacts.KeptEntries) lazy.entries();
        assertFalse(entries.isDecoded(), "not decoded when the facts are read");
        assertEquals(eager.entries().size(), entries.size(), "the number of entries is known without decoding them");
        assertFalse(entries.isDecoded(), "nor when their number is asked for");
        assertEquals(eager.entries(), List.copyOf(entries));
        assertTrue(entries.isDecoded());
        // a damaged length in the entries' bytes is found when the facts are read, not when a shard is made
        byte[] damaged = entry.clone();
        int kind = damaged.length;
        while (damaged[kind - 1] >= 'a' && damaged[kind - 1] <= 'z') kind--; // the last entry's kind, a lowercase word
        damaged[kind - 4] = 0x7f;
        try {
            CachedFacts.decode(damaged);
            fail("a damaged entry length is not read");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().startsWith("bad length"), expected.getMessage());
        }
    }

    /** The shards made from slices of each page's entries are byte for byte those of all entries in a row. */
    @Test
    void searchShardsFromSlicesAreTheFlatIndexsShards() {
        for (int[] counts : new int[][] {{}, {0, 0}, {3}, {1500}, {1499, 1, 0, 1500}, {700, 0, 900, 2000, 3}, {4000}}) {
            List<List<dev.waymark.render.SearchIndex.Entry>> pages = new ArrayList<>();
            List<dev.waymark.render.SearchIndex.Entry> flat = new ArrayList<>();
            for (int p = 0; p < counts.length; p++) {
                List<dev.waymark.render.SearchIndex.Entry> page = new ArrayList<>();
                for (int i = 0; i < counts[p]; i++) page.add(new dev.waymark.render.SearchIndex.Entry("p" + p + "/#" + i, "P" + p, "H" + i, "t \"" + i + "\" <b>", "section"));
                pages.add(page);
                flat.addAll(page);
            }
            List<dev.waymark.render.RenderedFile> want = dev.waymark.render.SearchIndex.files(flat);
            List<List<dev.waymark.render.SearchIndex.Slice>> layout = dev.waymark.render.SearchIndex.layout(Arrays.stream(counts).toArray());
            assertEquals(want.size() - 1, layout.size(), Arrays.toString(counts));
            for (int n = 0; n < layout.size(); n++) {
                List<dev.waymark.render.SearchIndex.Entry> entries = new ArrayList<>();
                for (var s : layout.get(n)) entries.addAll(pages.get(s.page()).subList(s.from(), s.to()));
                dev.waymark.render.RenderedFile got = dev.waymark.render.SearchIndex.shard(n, entries);
                assertEquals(want.get(n).path(), got.path());
                assertTrue(Arrays.equals(want.get(n).bytes(), got.bytes()), got.path() + " of " + Arrays.toString(counts));
            }
            assertTrue(Arrays.equals(want.get(want.size() - 1).bytes(), dev.waymark.render.SearchIndex.manifest(flat.size()).bytes()));
        }
    }

    /**
     * A page key is the SHA-256 of the site key, the page's paths and its text's hash, in that order: each continues
     * from one copy of the site key's digest (made once per build), and no page's parts leak into the next one's key.
     */
    @Test
    void aPageKeyContinuesFromACopyOfTheSiteKey() {
        BuildCache.Session session = BuildCache.at(tmp.resolve("cache")).open("stamp", "the site key");
        String alpha = new Fingerprint().add("the site key").add("tools/alpha/").add("tools/alpha.md").add("hash-a").hex();
        String beta = new Fingerprint().add("the site key").add("tools/beta/").add("tools/beta.md").add("hash-b").hex();
        assertEquals(alpha, session.pageKey("tools/alpha/", "tools/alpha.md", "hash-a"));
        assertEquals(beta, session.pageKey("tools/beta/", "tools/beta.md", "hash-b"));
        assertEquals(alpha, session.pageKey("tools/alpha/", "tools/alpha.md", "hash-a"), "the same key the second time");
    }

    @Test
    void aTitleEditRendersEveryPage() throws IOException {
        Path content = content();
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        build(content, "site", cache);
        Object alpha = inode("site", "tools/alpha/index.html");
        Path beta = content.resolve("tools/beta.md");
        Files.writeString(beta, Files.readString(beta).replaceFirst("title: Beta", "title: Beta Two"));
        build(content, "site", cache);
        assertNotEquals(alpha, inode("site", "tools/alpha/index.html"), "every navigation shows the new title");
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    /**
     * The site key names each page whose facts were kept by the fingerprint of its model, stored with its facts, instead
     * of walking its headings and ids again: the name read back from the cache is the one a fresh parse gives (a body
     * edit elsewhere keeps every other page), and a heading edit still changes it; the result is a clean build.
     */
    @Test
    void aKeptPageIsNamedInTheSiteKeyByTheFingerprintItWasParsedWith() throws IOException {
        Path content = content();
        Path notes = content.resolve("tools/notes.md"); // a plain page: profile and decision pages are always parsed
        Files.writeString(notes, "---\ntitle: Notes\n---\n\nSome notes.\n\n## First\n\nText.\n");
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        build(content, "site", cache);
        Files.writeString(notes, Files.readString(notes).replace("title: Notes", "title: Field notes"));
        build(content, "site", cache); // parsed afresh: its fingerprint made now and kept with its facts
        Object alpha = inode("site", "tools/alpha/index.html");
        Object home = inode("site", "index.html");
        Files.writeString(content.resolve("index.md"), "\nOne more paragraph.\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), build(content, "site", cache).diagnostics()); // the notes from their facts, named as kept
        assertEquals(alpha, inode("site", "tools/alpha/index.html"), "the site key is the one the previous build had");
        assertNotEquals(home, inode("site", "index.html"), "the edited page is rendered again");
        Files.writeString(notes, Files.readString(notes).replace("## First", "## Renamed"));
        build(content, "site", cache); // a kept fingerprint must not stand for the new model
        assertNotEquals(alpha, inode("site", "tools/alpha/index.html"), "a heading edit renders every page");
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    enum Damage {
        TRUNCATED_FILE, SWAPPED_FILE, OUTPUT_EDITED_IN_PLACE, GARBAGE_INDEX, TRUNCATED_INDEX, EDITED_INDEX_LINE,
        // the page facts (an unchanged page is not parsed)
        GARBAGE_FACTS, TRUNCATED_FACTS, ONE_FACTS_BYTE_FLIPPED, FACTS_ENTRY_DAMAGED,
        // the sources' stamps (an unchanged source is not hashed)
        GARBAGE_STAMPS, TRUNCATED_STAMPS,
        // the pages' source-map records, one file for all (a page taken from the cache needs its record for check)
        GARBAGE_SOURCES, TRUNCATED_SOURCES, ONE_SOURCES_BYTE_FLIPPED,
        // files whose recorded size and time vouch for them (not hashed again)
        STAMPED_OUTPUT_EDITED_IN_PLACE, STAMPED_FILE_TRUNCATED, STAMPED_FILE_REPLACED_LATER,
        // a page's card, a link to the cache's copy like its page (an image optimiser run over the output in place)
        CARD_EDITED_IN_PLACE,
        // an index rewritten with its checksum made right, one field of one line wrong: each field is checked by byte
        INDEX_LINE_BAD_STAMP, INDEX_LINE_BAD_UTF8, INDEX_LINE_SHORT_HASH, INDEX_LINE_SIX_FIELDS
    }

    /** The index with line {@code n} changed by {@code edit} and its checksum made right again. */
    private static byte[] rewritten(String text, int n, java.util.function.UnaryOperator<byte[]> edit) {
        int end = text.lastIndexOf("end\t");
        String[] lines = text.substring(0, end).split("\n");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lines.length; i++) {
            byte[] line = lines[i].getBytes(StandardCharsets.UTF_8);
            body.writeBytes(i == n ? edit.apply(line) : line);
            body.write('\n');
        }
        byte[] b = body.toByteArray();
        body.writeBytes(("end\t" + BuildCache.checksum(b) + "\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Sets every cached file's time far back, as if the build that wrote it were long ago. */
    static void age(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder.resolve("files"))) {
            for (Path f : list.toList()) Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        }
    }

    @Test
    void aFileHashedInAnEarlierBuildIsTrustedByItsSizeAndTime() throws IOException {
        Path content = content();
        Path folder = tmp.resolve("cache");
        BuildCache cache = BuildCache.at(folder);
        build(content, "site", cache);
        assertFalse(Files.readString(folder.resolve("index")).lines().skip(1).anyMatch(l -> l.matches("[^\t]+\t[fs]\t[^\t]+\t[0-9].*")),
                "a file written by this build gets no stamp: its time is not older than the build");
        age(folder);
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        List<String> lines = Files.readString(folder.resolve("index")).lines().toList();
        assertTrue(lines.stream().filter(l -> l.contains("\tf\t")).allMatch(l -> l.split("\t")[3].matches("[0-9]+:1000000000")),
                "hashed and found right, an old file is stamped with its size and time: " + lines.subList(0, 3));
        Object alpha = inode("site", "tools/alpha/index.html");
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertEquals(alpha, inode("site", "tools/alpha/index.html"), "a stamped file is reused");
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }


    /** Each file's inode by name: a file replaced (written to a temporary file, then moved) has a new one. */
    private static Map<String, Object> inodes(List<Path> files) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        for (Path f : files) out.put(f.getFileName().toString(), Files.getAttribute(f, "unix:ino"));
        return out;
    }

    @Test
    void aBuildRewritesOnlyTheFactsShardsWhoseEntriesChanged() throws IOException {
        Path content = content();
        for (int i = 0; i < 12; i++) {
            Files.writeString(content.resolve("tools/extra-" + i + ".md"), "---\ntitle: Extra " + i + "\n---\n\nBody " + i + ".\n");
        }
        Path folder = tmp.resolve("cache");
        BuildCache cache = BuildCache.at(folder);
        build(content, "site", cache);
        age(folder);
        assertEquals(List.of(), build(content, "site", cache).diagnostics()); // hashes and stamps every file
        Map<String, Object> before = inodes(shards(folder));
        Object index = Files.getAttribute(folder.resolve("index"), "unix:ino");
        assertTrue(before.size() >= 6, "the facts are spread over shards: " + before.keySet());
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertEquals(before, inodes(shards(folder)), "a build that changes nothing rewrites no shard");
        assertEquals(index, Files.getAttribute(folder.resolve("index"), "unix:ino"), "nor the index");
        Files.writeString(content.resolve("tools/extra-3.md"), "\nOne more paragraph.\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        Map<String, Object> after = inodes(shards(folder));
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        long changed = names.stream().filter(n -> !java.util.Objects.equals(before.get(n), after.get(n))).count();
        assertTrue(changed >= 1 && changed <= 2, "a one-page edit rewrites the shard of its old key and of its new one: " + before + " -> " + after);
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    /**
     * Waits until every file under {@code folder} last changed (its ctime, which cannot be set back) more than
     * {@link BuildCache#RACY_SECONDS} ago: a build then stamps them.
     */
    static void settle(Path folder) throws IOException {
        long newest = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                newest = Math.max(newest, ((java.nio.file.attribute.FileTime) Files.getAttribute(p, "unix:ctime")).toMillis());
            }
        }
        long until = newest + (BuildCache.RACY_SECONDS + 1) * 1000;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    enum SourceChange {
        /** Edited in place, its size kept and its old modification time set back: only the ctime tells. */
        SAME_SIZE_AND_TIME,
        /** The content folder checked out again (new inodes and ctimes), one file edited, every old time set back. */
        FRESH_CHECKOUT
    }

    @ParameterizedTest
    @EnumSource(SourceChange.class)
    void aSourceStampVouchesForItsTextUntilTheFileChanges(SourceChange change) throws IOException {
        Path content = content();
        Path folder = tmp.resolve("cache");
        BuildCache cache = BuildCache.at(folder);
        build(content, "site", cache);
        Path stamps = folder.resolve(SourceStamps.FILE);
        assertFalse(Files.readString(stamps).contains("tools/alpha.md\t"), "a source written just before the build gets no stamp");
        settle(content);
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertTrue(Files.readString(stamps).contains("\nindex.md\t"), "an old source is stamped");
        // a body edit of a page whose facts the cache keeps: nothing but its text hash tells it changed
        Path home = content.resolve("index.md");
        String text = Files.readString(home);
        String edited = text.replace("Welcome.", "Goodbye.");
        assertNotEquals(text, edited);
        assertEquals(text.length(), edited.length());
        switch (change) {
            case SAME_SIZE_AND_TIME -> {
                java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(home);
                Files.writeString(home, edited);
                Files.setLastModifiedTime(home, time);
            }
            case FRESH_CHECKOUT -> {
                Map<Path, java.nio.file.attribute.FileTime> times = new TreeMap<>();
                try (Stream<Path> walk = Files.walk(content)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) times.put(p, Files.getLastModifiedTime(p));
                }
                Files.move(content, tmp.resolve("old-checkout"));
                content();
                Files.writeString(home, edited);
                for (Map.Entry<Path, java.nio.file.attribute.FileTime> t : times.entrySet()) Files.setLastModifiedTime(t.getKey(), t.getValue());
            }
        }
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertTrue(Files.readString(tmp.resolve("site/index.html")).contains("Goodbye."), "the new text is built");
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    private static dev.waymark.content.SourceFile page(dev.waymark.content.ContentLoader.Loaded loaded, String rel) {
        return loaded.pages().stream().filter(p -> p.relPath().equals(rel)).findFirst().orElseThrow();
    }

    private static dev.waymark.content.ContentLoader.Loaded load(Path content, BuildCache cache) {
        Path display = Pipeline.display(content);
        CachedFacts facts = CachedFacts.open(cache, content, display, false, java.time.Instant.now());
        return new dev.waymark.content.ContentLoader().load(content, display, new dev.waymark.diag.Diagnostics(), facts.vouch());
    }

    @Test
    void aStampedSourceIsNotReadUntilItsTextIsAskedFor() throws IOException {
        Path content = content();
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        build(content, "site", cache);
        settle(content);
        build(content, "site", cache); // stamps every source
        var loaded = load(content, cache);
        assertEquals(6, loaded.pages().size());
        assertEquals(List.of(), loaded.pages().stream().filter(dev.waymark.content.SourceFile::isRead).map(dev.waymark.content.SourceFile::relPath).toList(),
                "a source its stamp vouches for is not read while loading");
        assertEquals(Files.readString(content.resolve("index.md")), page(loaded, "index.md").text(), "its text is read when asked for");
        // edited after loading and before its page asks for its text: the build stops rather than render a text its keys do not name
        Files.writeString(content.resolve("tools/alpha.md"), "\nOne more paragraph.\n", java.nio.file.StandardOpenOption.APPEND);
        var changed = org.junit.jupiter.api.Assertions.assertThrows(dev.waymark.diag.ContentException.class, () -> page(loaded, "tools/alpha.md").text());
        assertTrue(changed.diagnostic().format().contains("alpha.md:1:1: error: the file changed while the site was being built [file-changed]"), changed.diagnostic().format());
        // loaded again, the edited source is read at once (its stamp no longer vouches); the others still are not
        var again = load(content, cache);
        assertTrue(page(again, "tools/alpha.md").isRead());
        assertTrue(page(again, "tools/alpha.md").text().endsWith("One more paragraph.\n"));
        assertFalse(page(again, "tools/beta.md").isRead());
        // and a cached build of it is a clean build
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    @Test
    void aSourceThatWarnedWhenReadIsReadAgainAndWarnsAgain() throws IOException {
        Path content = content();
        Files.writeString(content.resolve("tools/beta.md"), "\nA line with an invisible \u202E control.\n", java.nio.file.StandardOpenOption.APPEND);
        List<Diagnostic> clean = build(content, "clean", BuildCache.OFF).diagnostics();
        assertEquals(1, clean.size(), clean.toString());
        assertTrue(clean.get(0).message().contains("U+202E"), clean.toString());
        BuildCache cache = BuildCache.at(tmp.resolve("cache"));
        assertEquals(clean, build(content, "site", cache).diagnostics());
        settle(content);
        assertEquals(clean, build(content, "site", cache).diagnostics()); // stamps the other sources
        assertFalse(Files.readString(tmp.resolve("cache").resolve(SourceStamps.FILE)).contains("tools/beta.md\t"),
                "a source that reported something when read gets no stamp");
        assertTrue(page(load(content, cache), "tools/beta.md").isRead(), "so it is read every build");
        assertEquals(clean, build(content, "site", cache).diagnostics(), "and its warning is not lost");
        assertSameTree("clean", "site");
    }

    @Test
    void thePagesSourceMapRecordsAreOneFileNotOneFilePerPage() throws IOException {
        Path content = content();
        Path folder = tmp.resolve("cache");
        BuildCache cache = BuildCache.at(folder);
        build(content, "site", cache);
        List<String> records = Files.readString(folder.resolve("index")).lines().filter(l -> l.contains("\ts\t")).toList();
        assertEquals(6, records.size(), "one source-map record per page");
        for (String r : records) {
            String sha = r.split("\t")[2];
            assertFalse(Files.exists(folder.resolve("files").resolve(sha)), "no file of its own: " + r);
            assertTrue(Files.readString(folder.resolve(BuildCache.SOURCES_FILE)).contains(sha + "\t"), "in the sources file: " + r);
        }
        Files.writeString(content.resolve("tools/alpha.md"), "\nOne more [link](beta.md).\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site"); // the output's source map too: the kept pages' records and the edited page's new one
    }

    @Test
    void aStampedSourceIsNotHashedAgain() throws IOException {
        Path content = content();
        Path folder = tmp.resolve("cache");
        BuildCache cache = BuildCache.at(folder);
        build(content, "site", cache);
        settle(content);
        build(content, "site", cache);
        // the recorded hash of index.md made wrong: a build that trusts it takes nothing of that page's from the cache
        Path stamps = folder.resolve(SourceStamps.FILE);
        String body = Files.readString(stamps);
        body = body.substring(0, body.lastIndexOf("end\t")).replaceFirst("(?m)^(index\\.md\t[^\t]+\t)[0-9a-f]{64}", "$1" + "0".repeat(64));
        Files.writeString(stamps, body + "end\t" + BuildCache.checksum(body) + "\n");
        assertTrue(body.contains("index.md\t") && body.contains("0".repeat(64)), body);
        Object home = inode("site", "index.html");
        Object beta = inode("site", "tools/beta/index.html");
        assertEquals(List.of(), build(content, "site", cache).diagnostics());
        assertNotEquals(home, inode("site", "index.html"), "index.md's text was not hashed: its recorded hash was used");
        assertEquals(beta, inode("site", "tools/beta/index.html"), "the other pages are taken from the cache");
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedCacheIsIgnoredWithOneWarningAndTheSiteIsRight(Damage damage) throws IOException {
        Path content = content();
        Path folder = tmp.resolve("cache");
        BuildCache cache = BuildCache.at(folder);
        build(content, "site", cache);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder.resolve("files"))) {
            files = list.sorted().toList();
        }
        Path index = folder.resolve("index");
        if (damage.name().startsWith("STAMPED")) {
            age(folder);
            build(content, "site", cache); // hashes every file and stamps it
            assertTrue(Files.readString(index).contains(":1000000000\t"), "the files are stamped");
        }
        List<Path> shards = shards(folder);
        assertFalse(shards.isEmpty(), "the build keeps the pages' facts");
        Path factsFile = shards.get(0);
        byte[] facts = Files.readAllBytes(factsFile);
        String text = Files.readString(index);
        switch (damage) {
            case TRUNCATED_FILE -> {
                for (Path f : files) Files.write(f, Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) / 2));
            }
            case SWAPPED_FILE -> {
                byte[] first = Files.readAllBytes(files.get(0));
                for (int i = 0; i < files.size() - 1; i++) Files.write(files.get(i), Files.readAllBytes(files.get(i + 1)));
                Files.write(files.get(files.size() - 1), first);
            }
            case OUTPUT_EDITED_IN_PLACE -> {
                // the output's files are hard links to the cache's: an edit of site/ in place reaches the cache too
                Path page = tmp.resolve("site/tools/alpha/index.html");
                Files.writeString(page, Files.readString(page).replace("Alpha", "Omega"));
            }
            case STAMPED_OUTPUT_EDITED_IN_PLACE -> {
                // same size ("Alpha" and "Omega"), a newer time: hashed again, and found wrong
                Path page = tmp.resolve("site/tools/alpha/index.html");
                Files.writeString(page, Files.readString(page).replace("Alpha", "Omega"));
            }
            case CARD_EDITED_IN_PLACE -> {
                Path card = tmp.resolve("site/tools/alpha/card.png");
                byte[] png = Files.readAllBytes(card);
                png[png.length / 2] ^= 0x01;
                Files.write(card, png); // in place: the cache's copy is the same file
            }
            case STAMPED_FILE_TRUNCATED -> {
                for (Path f : files) {
                    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(f);
                    Files.write(f, Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) / 2));
                    Files.setLastModifiedTime(f, time); // the old time, but not the old size
                }
            }
            case STAMPED_FILE_REPLACED_LATER -> {
                // another file put in the cache's place (a restore of an older archive, a copy) has another time
                Path page = tmp.resolve("site/tools/alpha/index.html");
                Path blob = files.stream().filter(f -> {
                    try {
                        return Files.isSameFile(f, page);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow();
                byte[] other = Files.readString(page).replace("Alpha", "Omega").getBytes(StandardCharsets.UTF_8);
                Files.delete(blob);
                Files.write(blob, other);
            }
            case GARBAGE_FACTS -> {
                for (Path shard : shards) Files.write(shard, new byte[] {'w', 'a', 'y', 0, 1, 2, (byte) 0xff, '\n'});
            }
            case TRUNCATED_FACTS -> Files.write(factsFile, Arrays.copyOf(facts, facts.length / 2));
            case ONE_FACTS_BYTE_FLIPPED -> {
                // same length, one byte of an entry changed: only the checksum can tell
                facts[facts.length / 2] ^= 0x20;
                Files.write(factsFile, facts);
            }
            case FACTS_ENTRY_DAMAGED -> {
                // a well-formed shard whose checksum is right but whose first entry cannot be read back
                byte[] body = Arrays.copyOf(facts, facts.length - 4);
                int eol = 0;
                while (body[eol] != '\n') eol++;
                body[eol + 1 + 4 + 64 + 64 + 4] = 7; // the first entry's first byte: not a value's tag
                byte[] all = Arrays.copyOf(body, body.length + 4);
                java.nio.ByteBuffer.wrap(all, body.length, 4).putInt(CachedFacts.crc(body, body.length));
                Files.write(factsFile, all);
            }
            case GARBAGE_STAMPS -> Files.write(folder.resolve(SourceStamps.FILE), new byte[] {0, 1, 2, (byte) 0xff, '\n'});
            case TRUNCATED_STAMPS -> {
                Path stamps = folder.resolve(SourceStamps.FILE);
                String all = Files.readString(stamps);
                Files.writeString(stamps, all.substring(0, all.length() - 5));
            }
            case GARBAGE_SOURCES -> Files.write(folder.resolve(BuildCache.SOURCES_FILE), new byte[] {0, 1, 2, (byte) 0xff, '\n'});
            case TRUNCATED_SOURCES -> {
                byte[] all = Files.readAllBytes(folder.resolve(BuildCache.SOURCES_FILE));
                Files.write(folder.resolve(BuildCache.SOURCES_FILE), Arrays.copyOf(all, all.length / 2));
            }
            case ONE_SOURCES_BYTE_FLIPPED -> {
                // same length, one byte of a record changed (a line number, a target): only the checksum can tell
                byte[] all = Files.readAllBytes(folder.resolve(BuildCache.SOURCES_FILE));
                all[all.length / 2] ^= 0x01;
                Files.write(folder.resolve(BuildCache.SOURCES_FILE), all);
            }
            case INDEX_LINE_BAD_STAMP -> Files.write(index, rewritten(text, 2, line -> {
                String[] f = new String(line, StandardCharsets.UTF_8).split("\t");
                f[3] = "12:3x";
                return String.join("\t", f).getBytes(StandardCharsets.UTF_8);
            }));
            case INDEX_LINE_BAD_UTF8 -> Files.write(index, rewritten(text, 2, line -> {
                byte[] b = Arrays.copyOf(line, line.length + 1);
                b[line.length] = (byte) 0xc3; // a lead byte with nothing after it, at the end of the path
                return b;
            }));
            case INDEX_LINE_SHORT_HASH -> Files.write(index, rewritten(text, 2, line -> {
                String[] f = new String(line, StandardCharsets.UTF_8).split("\t");
                f[2] = f[2].substring(1);
                return String.join("\t", f).getBytes(StandardCharsets.UTF_8);
            }));
            case INDEX_LINE_SIX_FIELDS -> Files.write(index, rewritten(text, 2, line -> (new String(line, StandardCharsets.UTF_8) + "\tmore").getBytes(StandardCharsets.UTF_8)));
            case GARBAGE_INDEX -> Files.write(index, new byte[] {0, 1, 2, (byte) 0xff, '\n'});
            case TRUNCATED_INDEX -> Files.writeString(index, text.substring(0, text.length() / 2));
            case EDITED_INDEX_LINE -> {
                String[] lines = text.split("\n");
                lines[1] = lines[1].substring(0, 10) + "x" + lines[1].substring(11);
                Files.writeString(index, String.join("\n", lines) + "\n");
            }
        }
        Pipeline.Result cached = build(content, "site", cache);
        List<Diagnostic> warnings = cached.diagnostics();
        assertEquals(1, warnings.size(), "one warning: " + warnings);
        assertEquals("build-cache", warnings.get(0).code());
        assertTrue(warnings.get(0).message().startsWith("ignoring the build cache: "), warnings.get(0).message());
        assertTrue(cached.written());
        build(content, "clean", BuildCache.OFF);
        assertSameTree("clean", "site");
        assertEquals(List.of(), build(content, "site", cache).diagnostics(), "the build rewrote the cache");
        assertSameTree("clean", "site");
    }

    @Test
    void anotherVersionsCacheIsReplacedSilently() throws IOException {
        Path content = content();
        Path folder = tmp.resolve("cache");
        build(content, "site", BuildCache.at(folder));
        Path index = folder.resolve("index");
        String body = Files.readString(index);
        body = BuildCache.MAGIC + " waymark 0.0.1 elsewhere" + body.substring(body.indexOf('\n'), body.lastIndexOf("end\t"));
        Files.writeString(index, body + "end\t" + BuildCache.checksum(body) + "\n");
        Object alpha = inode("site", "tools/alpha/index.html");
        assertEquals(List.of(), build(content, "site", BuildCache.at(folder)).diagnostics());
        assertNotEquals(alpha, inode("site", "tools/alpha/index.html"), "nothing is taken from another version's cache");
        assertTrue(Files.readString(index).startsWith(BuildCache.MAGIC + " waymark "), "rewritten for this version");
    }

    @Test
    void noCacheAndCacheDirOnTheCommandLine() throws IOException {
        Path content = content();
        Path dir = tmp.resolve("my-cache");
        Run.Outcome off = Run.build(content, tmp.resolve("a"), "--no-cache", "--cache-dir", dir.toString(), "--quiet");
        assertEquals(0, off.exitCode(), off.err());
        assertFalse(Files.exists(dir), "--no-cache writes no cache");
        Run.Outcome on = Run.build(content, tmp.resolve("b"), "--cache-dir", dir.toString(), "--quiet");
        assertEquals(0, on.exitCode(), on.err());
        assertTrue(Files.isRegularFile(dir.resolve("index")), "--cache-dir moves the cache");
        Run.Outcome again = Run.build(content, tmp.resolve("b"), "--cache-dir", dir.toString(), "--quiet");
        assertEquals(new Run.Outcome(0, "", ""), again);
    }

    @Test
    void aCacheDirInsideTheOutputIsRefused() {
        Path content = content();
        Path out = tmp.resolve("out");
        Run.Outcome refused = Run.build(content, out, "--cache-dir", out.resolve("cache").toString(), "--quiet");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("inside the output folder"), refused.err());
        assertTrue(refused.err().contains("hint: give --cache-dir a folder outside"), refused.err());
        assertFalse(Files.exists(out), "nothing is built");
        Run.Outcome same = Run.build(content, out, "--cache-dir", out.toString(), "--quiet");
        assertEquals(2, same.exitCode(), "the output folder itself is refused too: " + same.err());
    }

    @Test
    void theDefaultFolderKeepsTheMostRecentlyBuiltProjects() throws IOException {
        Path builds = tmp.resolve("builds");
        int n = BuildCache.KEEP_PROJECTS + 5;
        for (int i = 0; i < n; i++) {
            Path project = builds.resolve(String.format("p%02d-%016x", i, i));
            Files.createDirectories(project.resolve("files"));
            Files.writeString(project.resolve("index"), "x");
            Files.writeString(project.resolve("files").resolve("a".repeat(64)), "blob");
            Files.setLastModifiedTime(project.resolve("index"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L + i * 1000L));
        }
        Path foreign = builds.resolve(String.format("p%02d-%016x", 0, 0)).resolve("notes.txt");
        Files.writeString(foreign, "not the cache's"); // the oldest project's folder holds a file Waymark did not write
        Path me = builds.resolve("me-00000000000000ff");
        assertEquals(me, BuildCache.pruned(me));
        List<String> left;
        try (Stream<Path> list = Files.list(builds)) {
            left = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> want = new ArrayList<>();
        want.add(String.format("p%02d-%016x", 0, 0));
        for (int i = n - (BuildCache.KEEP_PROJECTS - 1); i < n; i++) want.add(String.format("p%02d-%016x", i, i));
        assertEquals(want, left, "the newest projects stay (with this one, " + BuildCache.KEEP_PROJECTS + "), and a folder with a foreign file");
        assertTrue(Files.isRegularFile(foreign));
    }

    /** The facts' shard files in a cache folder, by name. */
    static List<Path> shards(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().startsWith(CachedFacts.SHARD)).sorted().toList();
        }
    }

    private void assertSameTree(String want, String got) {
        Map<String, byte[]> a = tree(tmp.resolve(want));
        Map<String, byte[]> b = tree(tmp.resolve(got));
        assertEquals(a.keySet(), b.keySet());
        List<String> differ = new ArrayList<>();
        a.forEach((k, v) -> {
            if (!Arrays.equals(v, b.get(k))) differ.add(k);
        });
        if (!differ.isEmpty()) fail("files differ from a clean build: " + differ);
    }

    static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.put(rel, Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}

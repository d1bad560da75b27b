package dev.waymark.cache;

import dev.waymark.content.SourceFile;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.Page;
import dev.waymark.render.SearchIndex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * What parsing one page gives the later stages, kept between builds so an unchanged page is not parsed again: its
 * {@link Page} (title, headings and ids, choice lists, …) and its search entries. Each is stored under a key of the
 * page's source path, display path and text, Waymark's version and code, the content folder and whether drafts are
 * built: nothing else goes into them. Only a page that parsed without any diagnostic, and that is neither a decision
 * nor a profile page (others embed and compare those, from their Markdown), is kept; the page's HTML still comes from
 * the {@link BuildCache} index or a fresh parse and render.
 *
 * <p>On disk: 256 shards in the cache folder, {@code facts-00} … {@code facts-ff}, each holding the entries whose keys
 * start with its two hex digits: a header (format, stamp), the entries (key, the fingerprint of the page's model, bytes),
 * and the CRC32C of everything before it (it guards against damage; whoever can rewrite the cache can as well rewrite
 * the index). A build rewrites, whole and atomically, only the shards whose set of keys changed: a one-page edit
 * writes one or two small files, not the whole store. Keys name contents, so shards written by two builds at once
 * still each hold right entries. A shard whose checksum does not match, or whose entry cannot be read back, is ignored
 * with one warning (its pages are parsed); another version's shard is replaced silently.
 */
public final class CachedFacts {
    /** One page's facts: its model and its search entries. */
    public record Facts(Page page, List<SearchIndex.Entry> entries) {
        public Facts {
            entries = entries instanceof KeptEntries ? entries : List.copyOf(entries);
        }
    }

    /** The type of {@link Facts#entries()}, as the codec reads it. */
    private static final java.lang.reflect.Type ENTRIES = Facts.class.getRecordComponents()[1].getGenericType();

    /**
     * A kept page's search entries, decoded from its facts' bytes only when asked for: most builds take most search
     * shards from the build cache (see {@link CachedPages#searchFiles}) and need the entries of a few pages only. Their
     * number is known without decoding; the bytes were checked, without building the entries, when the facts were read
     * (see {@link RecordCodec#skip}), so decoding them cannot fail.
     */
    static final class KeptEntries extends java.util.AbstractList<SearchIndex.Entry> implements java.util.RandomAccess {
        private final byte[] bytes;
        private final int offset;
        private final int size;
        private List<SearchIndex.Entry> decoded;

        KeptEntries(byte[] bytes, int offset, int size) {
            this.bytes = bytes;
            this.offset = offset;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public SearchIndex.Entry get(int index) {
            return decoded().get(index);
        }

        /** Whether the entries were decoded (for tests). */
        synchronized boolean isDecoded() {
            return decoded != null;
        }

        @SuppressWarnings("unchecked")
        private synchronized List<SearchIndex.Entry> decoded() {
            if (decoded == null) {
                try {
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
                    decoded = (List<SearchIndex.Entry>) RecordCodec.read(in, ENTRIES);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e); // checked when read: cannot happen
                }
            }
            return decoded;
        }
    }

    /**
     * Decodes a kept page's facts: its page now, its search entries when they are first asked for (their bytes are
     * checked now). A damaged entry throws {@link IOException}.
     */
    static Facts decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readByte() != 1) throw new IOException("an empty entry");
        Page page = (Page) RecordCodec.read(in, Page.class);
        if (page == null) throw new IOException("an empty entry");
        int offset = bytes.length - in.available();
        int size = RecordCodec.skip(in, ENTRIES);
        if (in.available() != 0) throw new IOException("trailing bytes");
        if (bytes[offset] != 1) throw new IOException("no search entries");
        return new Facts(page, new KeptEntries(bytes, offset, size));
    }

    /** Any version's header starts so; one with another version or stamp is replaced silently. */
    static final String FAMILY = "waymark-facts ";
    static final String MAGIC = FAMILY + "3";
    /** A shard's file name: this, then the first two hex digits of its keys ({@code facts-00} … {@code facts-ff}). */
    static final String SHARD = "facts-";
    private static final java.util.regex.Pattern SHARD_NAME = java.util.regex.Pattern.compile("facts-[0-9a-f]{2}");
    /** The single facts file of earlier versions, removed when the shards are written. */
    static final String OLD_FILE = "facts";

    private final Path folder;
    /** The keys of each shard read whole and right: a shard whose keys this build keeps as they are is not rewritten. */
    private final Map<String, Set<String>> read = new java.util.HashMap<>();
    private final String stamp;
    private final Map<String, byte[]> known;
    private final Map<String, byte[]> next = new ConcurrentHashMap<>();
    /** Each entry's page fingerprint (the walk of its page), by key: read with the entry, or made when it is put. */
    private final Map<String, String> prints = new ConcurrentHashMap<>();
    private final Map<String, String> textHashes = new ConcurrentHashMap<>();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicBoolean undecodable = new AtomicBoolean();
    private final List<Diagnostic> warnings = new ArrayList<>();

    private final SourceStamps stamps;
    /** The pages decoded from kept facts, by identity: each named by its key (see {@link #names()}). */
    private final Map<Object, String> names = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final String stampHash;
    /** The names of the search entries taken from or put into the facts, by identity (see {@link #entriesName}). */
    private final Map<Object, String> entryNames = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private CachedFacts(Path folder, String stamp, Path content, java.time.Instant started) {
        this.folder = folder;
        this.stamp = stamp;
        this.stampHash = Fingerprint.sha256(stamp.getBytes(StandardCharsets.UTF_8));
        this.known = folder == null ? Map.of() : read();
        this.stamps = new SourceStamps(folder, content, stamp, started, this::warn);
    }

    /**
     * The facts kept in {@code cache} for builds of {@code content} (shown in messages as {@code contentDisplay}),
     * with drafts or without. An {@link BuildCache#OFF} cache keeps none.
     *
     * @param started when the build began, before it read any source (see {@link SourceStamps})
     */
    public static CachedFacts open(BuildCache cache, Path content, Path contentDisplay, boolean drafts, java.time.Instant started) {
        String stamp = CachedPages.stamp() + " " + Fingerprint.sha256((contentDisplay + "\n" + drafts).getBytes(StandardCharsets.UTF_8));
        return new CachedFacts(cache.folder().orElse(null), stamp, content, started);
    }

    public boolean on() {
        return folder != null;
    }

    /** The key of a source file's facts. */
    public String key(SourceFile source) {
        return new Fingerprint().add(source.relPath()).add(source.displayPath().toString()).add(textHash(source)).hex();
    }

    /**
     * The SHA-256 of a source's text, once per build: recorded by an earlier build if the file's stamp vouches for it
     * (see {@link SourceStamps}), else computed.
     */
    public String textHash(SourceFile source) {
        return textHashes.computeIfAbsent(source.relPath(), k -> stamps.hash(source));
    }

    /**
     * What lets the loader skip reading a source: its stamp vouches for its text (see {@link SourceStamps#vouches}).
     * Open the facts before loading the content, so the sources' stamps are read first.
     */
    public dev.waymark.content.ContentLoader.Vouch vouch() {
        return new dev.waymark.content.ContentLoader.Vouch() {
            @Override
            public boolean vouches(String relPath) {
                return stamps.vouches(relPath);
            }

            @Override
            public boolean matches(String relPath, String text) {
                return stamps.matches(relPath, text);
            }
        };
    }

    /** The facts kept under {@code key}, kept again by this build; empty when none (or they cannot be read). */
    public Optional<Facts> get(String key) {
        byte[] bytes = known.get(key);
        if (bytes == null || undecodable.get()) return Optional.empty();
        try {
            Facts facts = decode(bytes);
            next.put(key, bytes);
            entryNames.put(facts.entries(), key + ":" + stampHash);
            names.put(facts.page(), prints.get(key));
            return Optional.of(facts);
        } catch (IOException | RuntimeException e) {
            undecodable.set(true); // the codec and the file disagree: no entry is trusted any more
            warn("the facts of a page cannot be read back (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * A name for each page this build took from the facts or put into them, by identity: the fingerprint of the page
     * itself, made when it was parsed and kept with its facts. So fingerprinting the site model need not walk 10,000
     * pages' headings and ids again, and a body edit that leaves a page's model as it was leaves its name too.
     */
    public Map<Object, String> names() {
        return names;
    }

    /**
     * A name for a page's search entries as they are kept under its facts key, or null when these entries are not the
     * ones {@link #get} returned or {@link #put} was given. The entries kept under a key never change (the key names
     * the source, Waymark's code, the content folder and whether drafts are built), so the name stands for them
     * without decoding them.
     */
    public String entriesName(List<SearchIndex.Entry> entries) {
        return entryNames.get(entries);
    }

    /** Whether a freshly parsed page may be kept: it parsed without diagnostics and no other page embeds its source. */
    public static boolean keepable(Page page, boolean clean) {
        return clean && page.decisionTree().isEmpty() && page.profile().isEmpty();
    }

    /** Keeps a freshly parsed page's facts for the next build. */
    public void put(String key, Facts facts) {
        if (folder == null) return;
        try {
            byte[] bytes = RecordCodec.encode(facts, Facts.class);
            String print = new Fingerprint().add(facts.page()).hex();
            prints.put(key, print);
            names.put(facts.page(), print); // named alike when kept, or a page kept next build would change every key
            next.put(key, bytes);
            entryNames.put(facts.entries(), key + ":" + stampHash);
        } catch (IllegalArgumentException e) {
            // a value the codec does not know: the page is parsed next time
        }
    }

    /** The one warning about damaged facts, if any. */
    public List<Diagnostic> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /**
     * Writes the facts this build used and made (after the output is committed): only the shards whose keys changed,
     * each whole and atomically; removes the shards no entry needs any more. A failure only costs time.
     */
    public void store() {
        if (folder == null) return;
        stamps.store();
        try {
            Files.createDirectories(folder);
            Map<String, Map<String, byte[]>> shards = new TreeMap<>();
            next.forEach((key, bytes) -> shards.computeIfAbsent(shardOf(key), s -> new TreeMap<>()).put(key, bytes));
            for (Map.Entry<String, Map<String, byte[]>> shard : shards.entrySet()) {
                // unchanged (same keys, every entry read back): not rewritten
                if (!undecodable.get() && shard.getValue().keySet().equals(read.get(shard.getKey()))) continue;
                write(shard.getKey(), shard.getValue());
            }
            for (String name : onDisk()) {
                if (!shards.containsKey(name.substring(SHARD.length()))) Files.deleteIfExists(folder.resolve(name));
            }
            Files.deleteIfExists(folder.resolve(OLD_FILE)); // the single file of earlier versions
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache folder: the next build parses more
        }
    }

    private void write(String shard, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write((MAGIC + " " + stamp + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeInt(entries.size());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            out.write(e.getKey().getBytes(StandardCharsets.US_ASCII)); // 64 hex digits
            out.write(prints.get(e.getKey()).getBytes(StandardCharsets.US_ASCII)); // 64 hex digits
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.writeInt(crc(bytes.toByteArray(), bytes.size()));
        out.flush();
        Path tmp = Files.createTempFile(folder, "facts", ".tmp"); // a name of its own: builds may run at once
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, folder.resolve(SHARD + shard), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The names of the shard files in the cache folder. */
    private List<String> onDisk() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (var list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> SHARD_NAME.matcher(n).matches()).sorted().toList();
        }
    }

    /** Which shard holds a key: its first two hex digits. */
    static String shardOf(String key) {
        return key.substring(0, 2);
    }

    /** CRC32C of the first {@code length} bytes: intrinsic even with C1 only, where SHA-256 runs as plain Java. */
    static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static final Object OTHER_VERSION = new Object();

    private Map<String, byte[]> read() {
        Map<String, byte[]> out = new java.util.HashMap<>();
        List<String> names;
        try {
            names = onDisk();
        } catch (IOException e) {
            warn("cannot read its page facts: " + e.getMessage());
            return out;
        }
        // the shards are read and checked on all cores (each is independent), then taken in name order, as before
        Object[] shards = new Object[names.size()];
        java.util.stream.IntStream.range(0, shards.length).parallel().forEach(i -> {
            String name = names.get(i);
            try {
                Map<String, byte[]> entries = readShard(Files.readAllBytes(folder.resolve(name)), name.substring(SHARD.length()));
                shards[i] = entries == null ? OTHER_VERSION : entries;
            } catch (NoSuchFileException gone) {
                shards[i] = OTHER_VERSION; // removed by a build of the same project running at the same time: not damaged
            } catch (IOException e) {
                shards[i] = e;
            }
        });
        for (int i = 0; i < shards.length; i++) {
            if (shards[i] == OTHER_VERSION) continue; // another version's: replaced silently
            if (shards[i] instanceof IOException e) {
                warn("its page facts (" + names.get(i) + ") cannot be read (" + e.getMessage() + ")");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, byte[]> entries = (Map<String, byte[]>) shards[i];
            out.putAll(entries);
            read.put(names.get(i).substring(SHARD.length()), entries.keySet());
        }
        return out;
    }

    /** One shard's entries; null when another version (or another content folder) wrote it. */
    private Map<String, byte[]> readShard(byte[] all, String shard) throws IOException {
        if (all.length < 4) throw new IOException("too short");
        int sum = ByteBuffer.wrap(all, all.length - 4, 4).getInt();
        int eol = indexOf(all, (byte) '\n');
        if (eol < 0 || !new String(all, 0, eol, StandardCharsets.UTF_8).startsWith(FAMILY)) throw new IOException("not a facts file");
        if (crc(all, all.length - 4) != sum) throw new IOException("truncated or damaged");
        if (!new String(all, 0, eol, StandardCharsets.UTF_8).equals(MAGIC + " " + stamp)) return null;
        // read in place: no stream, one copy per entry
        ByteBuffer in = ByteBuffer.wrap(all, eol + 1, all.length - 4 - eol - 1);
        if (in.remaining() < 4) throw new IOException("bad count");
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IOException("bad count");
        Map<String, byte[]> out = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            if (in.remaining() < 64 + 64 + 4) throw new IOException("bad length");
            int at = in.position();
            String key = new String(all, at, 64, StandardCharsets.US_ASCII);
            if (!shardOf(key).equals(shard)) throw new IOException("a key in the wrong shard");
            if (!BuildCache.hex(all, at + 64, at + 128)) throw new IOException("a bad page fingerprint");
            prints.put(key, new String(all, at + 64, 64, StandardCharsets.ISO_8859_1));
            in.position(at + 128);
            int len = in.getInt();
            if (len < 0 || len > in.remaining()) throw new IOException("bad length");
            int from = in.position();
            out.put(key, Arrays.copyOfRange(all, from, from + len));
            in.position(from + len);
        }
        if (in.hasRemaining()) throw new IOException("trailing bytes");
        return out;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private void warn(String why) {
        if (!warned.compareAndSet(false, true)) return;
        synchronized (warnings) {
            warnings.add(Diagnostic.warning("build-cache", SourcePosition.ofFile(folder.resolve(SHARD + "*")),
                    "ignoring the build cache: " + why,
                    "the pages it concerns are parsed again and the cache is rewritten; pass --no-cache to build without it"));
        }
    }
}

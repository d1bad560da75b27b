package dev.waymark.cache;

import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.links.SourceMap;
import dev.waymark.render.RenderedFile;
import dev.waymark.write.SiteWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A project's build cache: the files of each page of earlier builds, under a key of everything the page was rendered
 * from (see {@link Session#pageKey}). A build links a page's cached files into its staging folder instead of rendering
 * the page again.
 *
 * <p>On disk, in one folder per project: {@code index} (one line per cached file: page key, kind, SHA-256 of the bytes,
 * stamp, site path; a header with the format and Waymark's version; a last line with the CRC32C of everything before
 * it), {@code files/<sha256>}, hard links to (or copies of) the output files, and the {@code facts-*} shards (see
 * {@link CachedFacts}). A cached file is hashed before it is used unless its stamp vouches for it: the size and
 * modification time (whole seconds) it had when a build hashed it and found it right, recorded only when that time was
 * at least {@link #RACY_SECONDS} older than that build (as git treats "racily clean" files). The output's files are
 * hard links to the cache's, so an edit of the output in place edits the cache too; it sets a newer time, so the file
 * is hashed again. A file rewritten with its old size and an old time set on purpose is not detected; whoever can do
 * that can as well rewrite the index. So a cache that was truncated, edited or swapped never yields a wrong site: a
 * corrupt or foreign index, or a file whose bytes do not match, is ignored with one warning, and the page is rendered
 * again. A cache written by another version of Waymark is replaced silently.
 */
public final class BuildCache {
    /** No cache: every page is rendered. */
    public static final BuildCache OFF = new BuildCache(null);

    /** Any version's index starts so; one of another version is replaced silently. */
    static final String FAMILY = "waymark-build-cache ";
    static final String MAGIC = FAMILY + "5";
    /** How much older than the build that checked it a file must be for its size and time to vouch for its bytes. */
    static final long RACY_SECONDS = 2;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** The file of the pages' source-map records (see {@link Session#writeSources}). */
    static final String SOURCES_FILE = "sources";
    static final String SOURCES_FAMILY = "waymark-sources ";
    static final String SOURCES_MAGIC = SOURCES_FAMILY + "1";

    private final Path folder;

    private BuildCache(Path folder) {
        this.folder = folder;
    }

    /** The cache kept in {@code folder} (created when first written). */
    public static BuildCache at(Path folder) {
        return new BuildCache(folder.toAbsolutePath().normalize());
    }

    /**
     * Where a project's cache lives by default: a folder named after the content folder's path under
     * {@code $WAYMARK_CACHE/builds}, else {@code ~/.cache/waymark/builds}.
     */
    public static Path defaultFolder(Path content) {
        String override = System.getenv("WAYMARK_CACHE");
        Path root = override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "waymark");
        Path abs = content.toAbsolutePath().normalize();
        String name = abs.getParent() != null && abs.getParent().getFileName() != null
                ? abs.getParent().getFileName().toString() : "site";
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return root.resolve("builds").resolve(safe + "-" + Fingerprint.sha256(abs.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    /** Whether {@code folder} is {@code out} or inside it (after making both absolute). */
    public static boolean inside(Path folder, Path out) {
        return folder.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize());
    }

    /** How many projects' caches the default folder keeps: the most recently built. */
    static final int KEEP_PROJECTS = 20;
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9._-]*-[0-9a-f]{16}");
    private static final Pattern OURS = Pattern.compile("index|facts|facts-[0-9a-f]{2}|stamps|sources|folders|files|(index|facts|copy|sources|stamps|folders).*\\.tmp");

    /**
     * Returns {@code folder} (a project's default cache folder) after removing, beside it, the caches of all but the
     * {@value #KEEP_PROJECTS} most recently built projects: each build of a project in a new folder (a temporary
     * checkout, a test) leaves a cache behind. Only folders that hold nothing but a cache's files are removed; a
     * failure to remove one is ignored.
     */
    public static Path pruned(Path folder) {
        Path builds = folder.getParent();
        if (builds == null || !Files.isDirectory(builds)) return folder;
        try (var list = Files.list(builds)) {
            List<Path> projects = list.filter(p -> !p.equals(folder) && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && PROJECT.matcher(p.getFileName().toString()).matches()).toList();
            if (projects.size() < KEEP_PROJECTS) return folder;
            Map<Path, Long> used = new java.util.HashMap<>();
            for (Path p : projects) used.put(p, lastUsed(p));
            List<Path> oldest = new ArrayList<>(projects);
            oldest.sort(java.util.Comparator.comparing((Path p) -> used.get(p)).reversed().thenComparing(Path::toString));
            for (Path p : oldest.subList(KEEP_PROJECTS - 1, oldest.size())) removeCache(p);
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping: the build goes on
        }
        return folder;
    }

    private static long lastUsed(Path project) {
        try {
            Path index = project.resolve("index");
            return Files.getLastModifiedTime(Files.exists(index) ? index : project).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes a project's cache folder if everything in it is a cache's file; else leaves it all. */
    private static void removeCache(Path project) throws IOException {
        List<Path> top;
        try (var list = Files.list(project)) {
            top = list.toList();
        }
        for (Path p : top) {
            if (!OURS.matcher(p.getFileName().toString()).matches() || Files.isSymbolicLink(p)) return;
        }
        Path files = project.resolve("files");
        if (Files.isDirectory(files, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            List<Path> blobs;
            try (var list = Files.list(files)) {
                blobs = list.toList();
            }
            for (Path b : blobs) {
                String name = b.getFileName().toString();
                if (!(HEX.matcher(name).matches() || name.endsWith(".tmp")) || !Files.isRegularFile(b, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
            }
            for (Path b : blobs) Files.deleteIfExists(b);
        }
        for (Path p : top) Files.deleteIfExists(p);
        Files.deleteIfExists(project);
    }

    /**
     * The index's checksum: CRC32C of its text, as 8 hex digits. It guards against damage, not against someone who can
     * rewrite the cache (who could as well rewrite the checksum); CRC32C is an intrinsic even with C1 only, where
     * SHA-256 runs as plain Java.
     */
    static String checksum(String body) {
        return checksum(body.getBytes(StandardCharsets.UTF_8));
    }

    static String checksum(byte[] body) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body);
        return String.format("%08x", crc.getValue());
    }

    /** Whether {@code all} starts with {@code prefix}'s UTF-8 bytes. */
    private static boolean startsWith(byte[] all, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        return all.length >= p.length && Arrays.equals(all, 0, p.length, p, 0, p.length);
    }

    /** Where the index's last line ({@code end<TAB>checksum}) starts: after a line end; -1 when there is none. */
    private static int lastEnd(byte[] all) {
        for (int i = all.length - 4; i > 0; i--) {
            if (all[i] == 'e' && all[i + 1] == 'n' && all[i + 2] == 'd' && all[i + 3] == '\t') return i;
        }
        return -1;
    }

    /** The index of the first {@code b} in {@code all[from, to)}, else {@code to}. */
    private static int next(byte[] all, int from, int to, byte b) {
        for (int i = from; i < to; i++) if (all[i] == b) return i;
        return to;
    }

    /** Whether {@code all[from, to)} is 64 lowercase hex digits (a SHA-256). */
    static boolean hex(byte[] all, int from, int to) {
        if (to - from != 64) return false;
        for (int i = from; i < to; i++) {
            byte c = all[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /** Whether {@code all[from, to)} is a stamp: {@code -}, or 1-18 digits, a colon, an optional minus and 1-18 digits. */
    private static boolean isStamp(byte[] all, int from, int to) {
        if (to - from == 1 && all[from] == '-') return true;
        int colon = next(all, from, to, (byte) ':');
        int second = colon + 1 < to && all[colon + 1] == '-' ? colon + 2 : colon + 1;
        return colon < to && digits(all, from, colon) && digits(all, second, to);
    }

    private static boolean digits(byte[] all, int from, int to) {
        if (to - from < 1 || to - from > 18) return false;
        for (int i = from; i < to; i++) if (all[i] < '0' || all[i] > '9') return false;
        return true;
    }

    /** {@code all[from, to)} as UTF-8; null when it is not well-formed UTF-8. */
    private static String utf8(byte[] all, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) ascii = all[i] >= 0;
        if (ascii) return new String(all, from, to - from, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(all, from, to - from)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    static String checksum(byte[] body, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body, 0, length);
        return String.format("%08x", crc.getValue());
    }

    static final String FOLDERS_FILE = "folders";
    static final String FOLDERS_MAGIC = "waymark-folders 1";
    private static final int MAX_FOLDERS = 1_000_000;

    /**
     * The folders the last build with this cache wrote files into (relative to the site's root, parents first), for
     * {@link dev.waymark.write.SiteWriter#prepare}: empty when there is no such list or it cannot be read. A wrong list
     * costs time, never output: folders the build does not use are removed before the swap.
     */
    public List<String> folders() {
        if (folder == null) return List.of();
        Path file = folder.resolve(FOLDERS_FILE);
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 64L << 20) return List.of();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(FOLDERS_MAGIC) || lines.size() > MAX_FOLDERS) return List.of();
            return List.copyOf(lines.subList(1, lines.size()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Keeps the folders this build wrote files into (see {@link #folders()}); rewritten only when they changed. */
    public void storeFolders(List<String> folders) {
        if (folder == null) return;
        StringBuilder text = new StringBuilder(FOLDERS_MAGIC).append('\n');
        for (String f : folders) {
            if (f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) return; // a name the list cannot hold: keep none
            text.append(f).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Path file = folder.resolve(FOLDERS_FILE);
        try {
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Files.createDirectories(folder);
            Path tmp = folder.resolve(FOLDERS_FILE + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // only a hint for the next build's speed
        }
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * Opens the cache for one build.
     *
     * @param stamp   Waymark's version and code: an index written by another is not used
     * @param siteKey everything every page's files depend on besides the page's own source (see the caller)
     */
    public Session open(String stamp, String siteKey) {
        return new Session(stamp, siteKey);
    }

    /** What one build took from the cache and will put into it. */
    public final class Session {
        private final String stamp;
        private final String siteKey;
        private final Map<String, List<Entry>> cached;
        private final Map<String, List<Entry>> next = new ConcurrentHashMap<>();
        private final Set<String> spoiled = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean warned = new AtomicBoolean();
        private final AtomicInteger reused = new AtomicInteger();
        private final List<Diagnostic> warnings = new ArrayList<>();
        private final Map<String, SourceMap.Page> sources = new ConcurrentHashMap<>();
        private final Map<String, byte[]> sourceBlobs = new ConcurrentHashMap<>();
        /** The source-map records in the {@code sources} file as read (by SHA-256), when it was read whole and right. */
        private Map<String, byte[]> sourcePack = Map.of();
        /** The pages whose entries this build took from the cache as they were: store need not place their files. */
        private final Set<String> taken = ConcurrentHashMap.newKeySet();
        /** The site paths of the files {@link #reuse} put into the staging folder. */
        private final Set<String> linked = ConcurrentHashMap.newKeySet();
        private final long start = java.time.Instant.now().getEpochSecond();
        /** The index as read, when it was read whole and right: an unchanged index is not rewritten. */
        private byte[] readBytes;

        private Session(String stamp, String siteKey) {
            this.stamp = stamp;
            this.siteKey = siteKey;
            this.siteKeyPrint = new Fingerprint().add(siteKey);
            this.cached = folder == null ? Map.of() : read();
            if (!cached.isEmpty()) sourcePack = readSources();
        }

        /** The site key, hashed once: each page key continues from a copy of it. */
        private final Fingerprint siteKeyPrint;

        /** The key of one page: the site's key, its path and the hash of its source's text ("" for a generated page). */
        public String pageKey(String sitePath, String sourcePath, String sourceTextHash) {
            return siteKeyPrint.copy().add(sitePath).add(sourcePath).add(sourceTextHash).hex();
        }

        /**
         * Links the cached files of a page into the staging folder when every one of them still has the bytes it was
         * stored with; otherwise links nothing.
         *
         * @return whether the page's files are in the staging folder
         */
        public boolean reuse(String pageKey, SiteWriter.Staging staging) {
            List<Entry> entries = cached.get(pageKey);
            if (entries == null) return false;
            boolean whole = true;
            Map<String, SourceMap.Page> pageSources = new java.util.HashMap<>();
            List<Entry> checked = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                try {
                    if (e.kind() == Entry.SOURCES) {
                        // the page's source-map record, from the sources file (its checksum was checked when it was read)
                        byte[] bytes = sourcePack.get(e.sha());
                        Optional<SourceMap.Page> record = bytes == null ? Optional.empty()
                                : SourceMap.parse(new String(bytes, StandardCharsets.UTF_8).lines().toList()).flatMap(m -> m.page(e.path()));
                        if (record.isEmpty()) {
                            whole = false; // not kept (another build of this project wrote the file meanwhile): rendered
                        } else {
                            pageSources.put(e.path(), record.get());
                            checked.add(e);
                        }
                        continue;
                    }
                    Path blob = blob(e.sha());
                    // a file whose size and time are those recorded when its bytes were last hashed is trusted as it is
                    boolean trusted = e.stamp() != null && e.stamp().equals(stamp(blob));
                    byte[] bytes = !trusted ? Files.readAllBytes(blob) : null;
                    if (!trusted && !Fingerprint.sha256(bytes).equals(e.sha())) {
                        warn("the cached copy of " + e.path() + " does not match its hash");
                        Files.deleteIfExists(blob); // so this build can store the right bytes under that name
                        whole = false;
                        continue;
                    }
                    checked.add(trusted ? e : e.stamped(settled(blob)));
                } catch (NoSuchFileException gone) {
                    whole = false; // removed by a build of the same project running at the same time: not corrupt
                } catch (IOException ex) {
                    warn("cannot read the cached copy of " + e.path() + ": " + ex.getMessage());
                    whole = false;
                }
            }
            if (!whole) return false;
            for (Entry e : entries) {
                if (e.kind() == Entry.FILE) {
                    staging.link(e.path(), blob(e.sha()));
                    linked.add(e.path());
                }
            }
            sources.putAll(pageSources);
            next.put(pageKey, java.util.Collections.synchronizedList(checked));
            if (checked.equals(entries)) taken.add(pageKey);
            reused.incrementAndGet();
            return true;
        }

        /**
         * The stamp to record for a file whose bytes were just hashed and found right: its size and modification time,
         * read after hashing, when that time is at least {@link #RACY_SECONDS} before this build began. A later write
         * in place (the output's files are hard links to the cache's) sets a time at or after this build's start, so it
         * can never match the stamp; a write between the hash and this read does too, and gets no stamp. Null: the
         * next build hashes the file again.
         */
        private String settled(Path blob) throws IOException {
            var attrs = Files.readAttributes(blob, java.nio.file.attribute.BasicFileAttributes.class);
            long mtime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.SECONDS);
            return mtime <= start - RACY_SECONDS ? attrs.size() + ":" + mtime : null;
        }

        /** A file's size and modification time (whole seconds: an archive restored by CI keeps at least those). */
        private static String stamp(Path blob) throws IOException {
            var attrs = Files.readAttributes(blob, java.nio.file.attribute.BasicFileAttributes.class);
            return attrs.size() + ":" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.SECONDS);
        }

        /** Whether {@link #reuse} put a file at this site path into the staging folder. */
        public boolean linked(String sitePath) {
            return linked.contains(sitePath);
        }

        /** Remembers a freshly rendered file of a page, to store once the build is committed. */
        public void record(String pageKey, RenderedFile file) {
            if (folder == null || file.path().contains("\n") || file.path().contains("\t")) {
                spoiled.add(pageKey);
                return;
            }
            taken.remove(pageKey); // a page taken from the cache that gets a new file (its card) is placed again
            next.computeIfAbsent(pageKey, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Entry(Entry.FILE, file.path(), Fingerprint.sha256(file.bytes()), null));
        }

        /** Remembers a freshly rendered page's source-map record (by its output file), to store with its files. */
        public void recordSources(String pageKey, String outputFile, SourceMap.Page record) {
            if (folder == null) return;
            byte[] bytes = new SourceMap(Path.of("."), Map.of(outputFile, record)).bytes();
            String sha = Fingerprint.sha256(bytes);
            sourceBlobs.put(sha, bytes);
            next.computeIfAbsent(pageKey, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Entry(Entry.SOURCES, outputFile, sha, null));
        }

        /** The source-map records of the pages taken from the cache, by output file. */
        public Map<String, SourceMap.Page> sources() {
            return Map.copyOf(sources);
        }

        /** A page whose rendering reported something is never stored: taking it from the cache would lose that report. */
        public void spoil(String pageKey) {
            spoiled.add(pageKey);
        }

        /** Nothing of this build is stored (its render reported something no page can be blamed for). */
        public void spoilAll() {
            spoiled.addAll(next.keySet());
            spoiled.add("*");
        }

        /** How many pages came from the cache. */
        public int reused() {
            return reused.get();
        }

        /** The warning about a corrupt or foreign cache, at most one. */
        public List<Diagnostic> warnings() {
            synchronized (warnings) {
                return List.copyOf(warnings);
            }
        }

        /**
         * Stores this build's pages, taking their files from the committed output folder (hard links where the file
         * system allows), and forgets every other entry. A cache that cannot be written only costs time next build.
         */
        public void store(Path out) {
            if (folder == null) return;
            try {
                Path files = Files.createDirectories(folder.resolve("files"));
                Map<String, List<Entry>> keep = new TreeMap<>();
                boolean all = !spoiled.contains("*");
                next.forEach((key, entries) -> {
                    if (all && !spoiled.contains(key)) keep.put(key, List.copyOf(entries));
                });
                Set<String> shas = new java.util.HashSet<>();
                Map<String, byte[]> pack = new TreeMap<>();
                keep.values().forEach(list -> list.forEach(e -> {
                    if (e.kind() == Entry.FILE) {
                        shas.add(e.sha());
                    } else {
                        byte[] bytes = sourceBlobs.getOrDefault(e.sha(), sourcePack.get(e.sha()));
                        if (bytes != null) pack.put(e.sha(), bytes);
                    }
                }));
                // a page taken from the cache as it was has its files there already: its output files are links to them
                keep.entrySet().parallelStream().filter(k -> !taken.contains(k.getKey())).flatMap(k -> k.getValue().stream()).forEach(e -> {
                    if (e.kind() == Entry.FILE) place(out.resolve(e.path()), blob(e.sha()));
                });
                if (!pack.keySet().equals(sourcePack.keySet())) writeSources(pack);
                StringBuilder index = new StringBuilder(MAGIC).append(' ').append(stamp).append('\n');
                keep.forEach((key, entries) -> entries.stream().sorted(java.util.Comparator.comparing(Entry::path))
                        .forEach(e -> index.append(key).append('\t').append(e.kind()).append('\t').append(e.sha()).append('\t')
                                .append(e.stamp() == null ? "-" : e.stamp()).append('\t').append(e.path()).append('\n')));
                String body = index.toString();
                String text = body + "end\t" + checksum(body) + "\n";
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (Arrays.equals(bytes, readBytes)) return; // nothing changed: the index and the files are as this build found them
                Path tmp = Files.createTempFile(folder, "index", ".tmp"); // a name of its own: builds may run at once
                Files.write(tmp, bytes);
                Files.move(tmp, folder.resolve("index"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (var list = Files.list(files)) {
                    for (Path p : list.toList()) {
                        String name = p.getFileName().toString();
                        if (HEX.matcher(name).matches() && !shas.contains(name)) Files.deleteIfExists(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a read-only or full cache folder: the site is built; the next build renders more
            }
        }

        /**
         * Writes the {@code sources} file: every kept page's source-map record, by the SHA-256 of its bytes. One file
         * instead of one per page, so a cached build reads one file, not 10,000. Format: a header line (format, stamp),
         * then per record a line {@code sha<TAB>length} and that many bytes, then {@code end<TAB>} and the CRC32C of
         * everything before it.
         */
        private void writeSources(Map<String, byte[]> pack) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes((SOURCES_MAGIC + " " + stamp + "\n").getBytes(StandardCharsets.UTF_8));
            pack.forEach((sha, bytes) -> {
                out.writeBytes((sha + "\t" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(bytes);
            });
            byte[] body = out.toByteArray();
            out.writeBytes(("end\t" + checksum(body) + "\n").getBytes(StandardCharsets.UTF_8));
            Path tmp = Files.createTempFile(folder, "sources", ".tmp"); // a name of its own: builds may run at once
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, folder.resolve(SOURCES_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /** The {@code sources} file's records; none (with one warning) when it is damaged, none when it is missing. */
        private Map<String, byte[]> readSources() {
            byte[] all;
            try {
                all = Files.readAllBytes(folder.resolve(SOURCES_FILE));
            } catch (NoSuchFileException e) {
                return Map.of();
            } catch (IOException e) {
                warn("cannot read its source maps: " + e.getMessage());
                return Map.of();
            }
            String header = SOURCES_MAGIC + " " + stamp + "\n";
            byte[] head = header.getBytes(StandardCharsets.UTF_8);
            if (all.length < head.length || !Arrays.equals(all, 0, head.length, head, 0, head.length)) {
                if (!new String(all, 0, Math.min(all.length, SOURCES_FAMILY.length()), StandardCharsets.ISO_8859_1).equals(SOURCES_FAMILY)) {
                    warn("its source maps are not a Waymark build cache's");
                }
                return Map.of(); // another version's: replaced silently
            }
            Map<String, byte[]> out = new java.util.HashMap<>();
            int at = head.length;
            try {
                while (true) {
                    int eol = eol(all, at);
                    String line = new String(all, at, eol - at, StandardCharsets.UTF_8);
                    if (line.startsWith("end\t")) {
                        if (eol != all.length - 1 || !line.substring(4).equals(checksum(Arrays.copyOf(all, at)))) throw new IOException("checksum");
                        return out;
                    }
                    int tab = line.indexOf('\t');
                    String sha = tab < 0 ? "" : line.substring(0, tab);
                    int length = tab < 0 ? -1 : Integer.parseInt(line.substring(tab + 1));
                    if (!HEX.matcher(sha).matches() || length < 0 || eol + 1 + length > all.length) throw new IOException("record");
                    out.put(sha, Arrays.copyOfRange(all, eol + 1, eol + 1 + length));
                    at = eol + 1 + length;
                }
            } catch (IOException | RuntimeException e) {
                warn("its source maps are truncated or damaged");
                return Map.of();
            }
        }

        private static int eol(byte[] all, int from) throws IOException {
            for (int i = from; i < all.length; i++) if (all[i] == '\n') return i;
            throw new IOException("no line end");
        }

        private void place(Path from, Path blob) {
            try {
                if (Files.exists(blob)) {
                    if (Files.size(blob) == Files.size(from)) return; // its bytes are checked when it is used
                    Files.delete(blob); // damaged: a build of this project will not trust it anyway
                }
                Files.createLink(blob, from);
            } catch (FileAlreadyExistsException e) {
                // stored by another page with the same bytes
            } catch (IOException | UnsupportedOperationException e) {
                try {
                    Path tmp = Files.createTempFile(blob.getParent(), "copy", ".tmp");
                    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, blob, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
        }

        /**
         * The index's entries by page key; none (with one warning) when it is damaged. Read as bytes: one CRC32C over
         * them, and each line's fields checked by byte, not decoded into one string, split and matched line by line.
         */
        private Map<String, List<Entry>> read() {
            Path index = folder.resolve("index");
            byte[] all;
            try {
                all = Files.readAllBytes(index);
            } catch (NoSuchFileException e) {
                return Map.of();
            } catch (IOException e) {
                warn("cannot read it: " + e.getMessage());
                return Map.of();
            }
            if (!startsWith(all, FAMILY)) {
                warn("its index is not a Waymark build cache");
                return Map.of();
            }
            if (!startsWith(all, MAGIC + " ")) return Map.of(); // another version's format: replaced silently
            int end = lastEnd(all);
            if (end < 0 || all[all.length - 1] != '\n' || all.length - 1 - (end + 4) != 8
                    || !new String(all, end + 4, 8, StandardCharsets.ISO_8859_1).equals(checksum(all, end))) {
                warn("its index is truncated or damaged");
                return Map.of();
            }
            int eol = next(all, 0, end, (byte) '\n');
            if (!new String(all, 0, eol, StandardCharsets.UTF_8).equals(MAGIC + " " + stamp)) return Map.of(); // another version's cache
            Map<String, List<Entry>> entries = new java.util.HashMap<>();
            String key = null;
            int keyAt = -1;
            List<Entry> list = null;
            int line = 1;
            for (int at = eol + 1; at < end; at = eol + 1) {
                line++;
                eol = next(all, at, end, (byte) '\n');
                int t1 = next(all, at, eol, (byte) '\t');
                int t2 = next(all, t1 + 1, eol, (byte) '\t');
                int t3 = next(all, t2 + 1, eol, (byte) '\t');
                int t4 = next(all, t3 + 1, eol, (byte) '\t');
                String path = t4 < eol && next(all, t4 + 1, eol, (byte) '\t') == eol && eol > t4 + 1 ? utf8(all, t4 + 1, eol) : null;
                if (path == null || !hex(all, at, t1) || t2 != t1 + 2 || (all[t1 + 1] != 'f' && all[t1 + 1] != 's')
                        || !hex(all, t2 + 1, t3) || !isStamp(all, t3 + 1, t4)) {
                    warn("its index is damaged at line " + line);
                    return Map.of();
                }
                // lines are sorted by page key: a page's lines share one key string
                if (key == null || !Arrays.equals(all, at, t1, all, keyAt, keyAt + 64)) {
                    key = new String(all, at, 64, StandardCharsets.ISO_8859_1);
                    keyAt = at;
                    list = entries.computeIfAbsent(key, k -> new ArrayList<>());
                }
                String stampText = t4 == t3 + 2 && all[t3 + 1] == '-' ? null : new String(all, t3 + 1, t4 - t3 - 1, StandardCharsets.ISO_8859_1);
                list.add(new Entry((char) all[t1 + 1], path, new String(all, t2 + 1, 64, StandardCharsets.ISO_8859_1), stampText));
            }
            readBytes = all;
            return entries;
        }

        private void warn(String why) {
            if (!warned.compareAndSet(false, true)) return;
            synchronized (warnings) {
                warnings.add(Diagnostic.warning("build-cache", SourcePosition.ofFile(folder.resolve("index")),
                        "ignoring the build cache: " + why,
                        "the pages it concerns are rendered again and the cache is rewritten; pass --no-cache to build without it"));
            }
        }

        private Path blob(String sha) {
            return folder.resolve("files").resolve(sha);
        }
    }

    /**
     * One cached file of a page: its site path and the SHA-256 of its bytes. A {@link #SOURCES} entry is the page's
     * record in the source map (see {@link SourceMap}), kept in the cache only.
     */
    record Entry(char kind, String path, String sha, String stamp) {
        static final char FILE = 'f';
        static final char SOURCES = 's';

        Entry stamped(String newStamp) {
            return new Entry(kind, path, sha, newStamp);
        }
    }
}

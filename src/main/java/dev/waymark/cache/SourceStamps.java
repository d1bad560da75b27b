package dev.waymark.cache;

import dev.waymark.content.SourceFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The SHA-256 of each source's text, kept between builds with the source file's stamp, so that a build need not hash
 * the text of a source that did not change: its size, modification time, status-change time (ctime) and inode, read
 * after the build read the file. The rule is git's for "racily clean" files: a stamp is recorded only when both times
 * are at least {@link BuildCache#RACY_SECONDS} older than the start of the build that read the file. Any write after
 * that start (an edit, an edit that keeps the size, even one that sets the old modification time back) changes the
 * ctime, which nobody can set, to a time at or after that start, so it can never match the recorded stamp. A fresh
 * checkout (CI restoring the cache) gives every file a new inode and ctime: every source is hashed, as without stamps.
 * A file system without inodes or ctimes (the {@code unix} attribute view) keeps no stamps.
 *
 * <p>On disk: the file {@code stamps} in the cache folder: a header (format, stamp), one line per source (path, stamp,
 * SHA-256), and a last line with the CRC32C of everything before it. It is rewritten only when a line changed. A
 * damaged file is ignored with a warning (every source is hashed); another version's is replaced silently.
 */
final class SourceStamps {
    static final String FAMILY = "waymark-stamps ";
    /** 2: a stamp is recorded only for a source read without any diagnostic, so it may spare reading it at all. */
    static final String MAGIC = FAMILY + "2";
    static final String FILE = "stamps";

    /** A stamp and the hash of the text it vouches for. */
    private record Known(String stamp, String sha) {
    }

    private static final java.util.regex.Pattern STAMP = java.util.regex.Pattern.compile("[0-9]+:-?[0-9]+:-?[0-9]+:[0-9]+");
    private static final java.util.regex.Pattern SHA = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final Path content;
    private final String header;
    private final long startSecond;
    private final Consumer<String> warn;
    private final Map<String, Known> known;
    private final Map<String, Known> next = new ConcurrentHashMap<>();
    /** The sources whose stamps vouched for them while loading (see {@link #vouches}). */
    private final Map<String, Known> vouched = new ConcurrentHashMap<>();
    private String readText;

    /**
     * @param folder  the cache folder; null keeps nothing (every text is hashed)
     * @param content the content folder the sources' paths are relative to
     * @param started when the build began, before it read any source
     */
    SourceStamps(Path folder, Path content, String stamp, java.time.Instant started, Consumer<String> warn) {
        this.file = folder == null ? null : folder.resolve(FILE);
        this.content = content;
        this.header = MAGIC + " " + stamp;
        this.startSecond = started.getEpochSecond();
        this.warn = warn;
        this.known = file == null ? Map.of() : read();
    }

    /**
     * Whether the source's stamp vouches for its text, so the loader need not read it: the file is as it was when a
     * build read it without any diagnostic and recorded its hash. The hash is this build's for it from then on.
     */
    boolean vouches(String relPath) {
        String[] now = file == null || relPath.contains("\t") || relPath.contains("\n") ? null : stat(relPath);
        Known k = now == null ? null : known.get(relPath);
        if (k == null || !k.stamp().equals(now[0])) return false;
        next.put(relPath, k);
        vouched.put(relPath, k);
        return true;
    }

    /**
     * Whether a text read after {@link #vouches} vouched for its source is the one it vouched for: the file's stamp,
     * read after its text, is still the one that vouched (any write since changes the ctime; see above). No hash: a
     * title edit renders every page, and reading 10,000 sources must not cost 10,000 hashes.
     */
    boolean matches(String relPath, String text) {
        Known k = vouched.get(relPath);
        String[] now = k == null ? null : stat(relPath);
        return now != null && k.stamp().equals(now[0]);
    }

    /**
     * The SHA-256 of a source's text as the build read it: recorded, if the file's stamp vouches for it; else computed
     * (and recorded with the stamp, if the file read without any diagnostic).
     */
    String hash(SourceFile source) {
        String relPath = source.relPath();
        Known v = vouched.get(relPath);
        if (v != null) return v.sha();
        String text = source.text();
        String[] now = file == null || relPath.contains("\t") || relPath.contains("\n") ? null : stat(relPath);
        Known k = now == null ? null : known.get(relPath);
        if (k != null && k.stamp().equals(now[0]) && source.readClean()) {
            next.put(relPath, k);
            return k.sha();
        }
        String sha = Fingerprint.sha256(text.getBytes(StandardCharsets.UTF_8));
        if (now != null && source.readClean() && Long.parseLong(now[1]) <= startSecond - BuildCache.RACY_SECONDS) {
            next.put(relPath, new Known(now[0], sha));
        }
        return sha;
    }

    /** A source's stamp and the later of its two times in whole seconds; null when it cannot be read. */
    private String[] stat(String relPath) {
        try {
            Map<String, Object> a = Files.readAttributes(content.resolve(relPath), "unix:size,lastModifiedTime,ctime,ino");
            FileTime mtime = (FileTime) a.get("lastModifiedTime");
            FileTime ctime = (FileTime) a.get("ctime");
            String stamp = a.get("size") + ":" + mtime.to(TimeUnit.NANOSECONDS) + ":" + ctime.to(TimeUnit.NANOSECONDS) + ":" + a.get("ino");
            long latest = Math.max(mtime.to(TimeUnit.SECONDS), ctime.to(TimeUnit.SECONDS));
            return new String[] {stamp, Long.toString(latest)};
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null; // no stamp: the text is hashed
        }
    }

    /** Writes the stamps this build used and recorded, unless they are those it read. A failure only costs time. */
    void store() {
        if (file == null) return;
        try {
            StringBuilder out = new StringBuilder(header).append('\n');
            new TreeMap<>(next).forEach((path, k) -> out.append(path).append('\t').append(k.stamp()).append('\t').append(k.sha()).append('\n'));
            String body = out.toString();
            String text = body + "end\t" + BuildCache.checksum(body) + "\n";
            if (text.equals(readText)) return;
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "stamps", ".tmp"); // a name of its own: builds may run at once
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache folder: the next build hashes more
        }
    }

    private Map<String, Known> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            warn.accept("cannot read its sources' stamps: " + e.getMessage());
            return Map.of();
        }
        if (!text.startsWith(FAMILY)) {
            warn.accept("its sources' stamps are not a Waymark build cache's");
            return Map.of();
        }
        int end = text.lastIndexOf("end\t");
        if (end < 0 || !text.endsWith("\n") || !text.substring(end + 4, text.length() - 1).equals(BuildCache.checksum(text.substring(0, end)))) {
            warn.accept("its sources' stamps are truncated or damaged");
            return Map.of();
        }
        int first = text.indexOf('\n');
        if (first < 0 || first > end || !text.substring(0, first).equals(header)) return Map.of(); // another version's, or another folder's: replaced silently
        Map<String, Known> out = new java.util.HashMap<>();
        // line by line, fields found by tab and checked by character (what STAMP and SHA match), no regex per line
        int line = 2;
        for (int at = first + 1; at < end; line++) {
            int eol = text.indexOf('\n', at);
            int tab1 = text.indexOf('\t', at);
            int tab2 = tab1 < 0 ? -1 : text.indexOf('\t', tab1 + 1);
            if (eol < 0 || eol > end || tab1 <= at || tab2 < 0 || tab2 > eol || text.indexOf('\t', tab2 + 1) >= 0 && text.indexOf('\t', tab2 + 1) < eol
                    || !isStamp(text, tab1 + 1, tab2) || !isSha(text, tab2 + 1, eol)) {
                warn.accept("its sources' stamps are damaged at line " + line);
                return Map.of();
            }
            out.put(text.substring(at, tab1), new Known(text.substring(tab1 + 1, tab2), text.substring(tab2 + 1, eol)));
            at = eol + 1;
        }
        readText = text;
        return out;
    }

    /** Whether {@code s[from, to)} is what {@link #STAMP} matches: four runs of digits joined by colons, the middle two may start with a minus. */
    static boolean isStamp(String s, int from, int to) {
        int at = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (at >= to || s.charAt(at) != ':') return false;
                at++;
                if ((part == 1 || part == 2) && at < to && s.charAt(at) == '-') at++;
            }
            int digits = at;
            while (at < to && s.charAt(at) >= '0' && s.charAt(at) <= '9') at++;
            if (at == digits) return false;
        }
        return at == to;
    }

    /** Whether {@code s[from, to)} is what {@link #SHA} matches: 64 lowercase hex digits. */
    static boolean isSha(String s, int from, int to) {
        if (to - from != 64) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }
}

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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What parsing one page gives the later stages, kept between builds so an unchanged page is not parsed again: its
 * {@link Page} (title, headings and ids, choice lists, …) and its search entries. Each is stored under a key of the
 * page's source path, display path and text, Waymark's version and code, the content folder and whether drafts are
 * built: nothing else goes into them. Only a page that parsed without any diagnostic, and that is neither a decision
 * nor a profile page (others embed and compare those, from their Markdown), is kept; the page's HTML still comes from
 * the {@link BuildCache} index or a fresh parse and render.
 *
 * <p>On disk: the file {@code facts} in the cache folder, written whole and atomically by each build with the entries
 * that build used: a header (format, stamp), the entries (key, bytes), and the SHA-256 of everything before it. A file
 * whose checksum does not match, or whose entry cannot be read back, is ignored with one warning (every page is
 * parsed); another version's file is replaced silently.
 */
public final class CachedFacts {
    /** One page's facts: its model and its search entries. */
    public record Facts(Page page, List<SearchIndex.Entry> entries) {
        public Facts {
            entries = List.copyOf(entries);
        }
    }

    static final String MAGIC = "waymark-facts 1";
    static final String FILE = "facts";

    private final Path file;
    private final String stamp;
    private final Map<String, byte[]> known;
    private final Map<String, byte[]> next = new ConcurrentHashMap<>();
    private final Map<String, String> textHashes = new ConcurrentHashMap<>();
    private final AtomicBoolean damaged = new AtomicBoolean();
    private final List<Diagnostic> warnings = new ArrayList<>();

    private CachedFacts(Path file, String stamp) {
        this.file = file;
        this.stamp = stamp;
        this.known = file == null ? Map.of() : read();
    }

    /**
     * The facts kept in {@code cache} for builds of {@code content} (as messages show it), with drafts or without.
     * An {@link BuildCache#OFF} cache keeps none.
     */
    public static CachedFacts open(BuildCache cache, Path contentDisplay, boolean drafts) {
        String stamp = CachedPages.stamp() + " " + Fingerprint.sha256((contentDisplay + "\n" + drafts).getBytes(StandardCharsets.UTF_8));
        return new CachedFacts(cache.folder().map(f -> f.resolve(FILE)).orElse(null), stamp);
    }

    public boolean on() {
        return file != null;
    }

    /** The key of a source file's facts. */
    public String key(SourceFile source) {
        return new Fingerprint().add(source.relPath()).add(source.displayPath().toString()).add(textHash(source)).hex();
    }

    /** The SHA-256 of a source's text, computed once per build. */
    public String textHash(SourceFile source) {
        return textHashes.computeIfAbsent(source.relPath(), k -> Fingerprint.sha256(source.text().getBytes(StandardCharsets.UTF_8)));
    }

    /** The facts kept under {@code key}, kept again by this build; empty when none (or they cannot be read). */
    public Optional<Facts> get(String key) {
        byte[] bytes = known.get(key);
        if (bytes == null || damaged.get()) return Optional.empty();
        try {
            Facts facts = (Facts) RecordCodec.decode(bytes, Facts.class);
            if (facts == null || facts.page() == null) throw new IOException("an empty entry");
            next.put(key, bytes);
            return Optional.of(facts);
        } catch (IOException | RuntimeException e) {
            warn("the facts of a page cannot be read back (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Whether a freshly parsed page may be kept: it parsed without diagnostics and no other page embeds its source. */
    public static boolean keepable(Page page, boolean clean) {
        return clean && page.decisionTree().isEmpty() && page.profile().isEmpty();
    }

    /** Keeps a freshly parsed page's facts for the next build. */
    public void put(String key, Facts facts) {
        if (file == null) return;
        try {
            next.put(key, RecordCodec.encode(facts, Facts.class));
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

    /** Writes the facts this build used and made (after the output is committed); a failure only costs time. */
    public void store() {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write((MAGIC + " " + stamp + "\n").getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> sorted = new TreeMap<>(next);
            out.writeInt(sorted.size());
            for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
                out.write(e.getKey().getBytes(StandardCharsets.US_ASCII)); // 64 hex digits
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(body);
            Path tmp = Files.createTempFile(file.getParent(), "facts", ".tmp");
            try (var stream = Files.newOutputStream(tmp)) {
                stream.write(body);
                stream.write(sum);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            // a read-only or full cache folder: the next build parses more
        }
    }

    private Map<String, byte[]> read() {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            warn("cannot read its page facts: " + e.getMessage());
            return Map.of();
        }
        try {
            if (all.length < 32) throw new IOException("too short");
            byte[] body = Arrays.copyOf(all, all.length - 32);
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(body);
            if (!Arrays.equals(sum, Arrays.copyOfRange(all, all.length - 32, all.length))) {
                warn("its page facts are truncated or damaged");
                return Map.of();
            }
            int eol = indexOf(body, (byte) '\n');
            if (eol < 0) throw new IOException("no header");
            String header = new String(body, 0, eol, StandardCharsets.UTF_8);
            if (!header.startsWith(MAGIC + " ")) throw new IOException("not a facts file");
            if (!header.equals(MAGIC + " " + stamp)) return Map.of(); // another version's, or another folder's: replaced
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, eol + 1, body.length - eol - 1));
            int n = in.readInt();
            if (n < 0 || n > in.available()) throw new IOException("bad count");
            Map<String, byte[]> out = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
                int len = in.readInt();
                if (len < 0 || len > in.available()) throw new IOException("bad length");
                out.put(key, in.readNBytes(len));
            }
            if (in.available() != 0) throw new IOException("trailing bytes");
            return out;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            warn("its page facts cannot be read (" + e.getMessage() + ")");
            return Map.of();
        }
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private void warn(String why) {
        if (!damaged.compareAndSet(false, true)) return;
        synchronized (warnings) {
            warnings.add(Diagnostic.warning("build-cache", SourcePosition.ofFile(file),
                    "ignoring the build cache: " + why,
                    "the pages it concerns are parsed again and the cache is rewritten; pass --no-cache to build without it"));
        }
    }
}

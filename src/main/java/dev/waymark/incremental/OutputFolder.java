package dev.waymark.incremental;

import dev.waymark.render.RenderedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A folder kept up to date in place: a file is written only when its bytes differ from what is there, each write
 * lands with an atomic rename (a reader sees the old file or the new one, never half of one), and a file this folder
 * wrote before and no longer produces is deleted. Files it did not write are never touched.
 */
final class OutputFolder {
    private final Path root;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final AtomicInteger changes = new AtomicInteger();

    OutputFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes one file unless it already holds these bytes. */
    void put(RenderedFile file) {
        Path p = inside(file.path());
        try {
            if (Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), file.bytes())) {
                written.add(file.path());
                return;
            }
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling("." + p.getFileName() + ".tmp-" + Thread.currentThread().getId());
            Files.write(tmp, file.bytes());
            move(tmp, p);
            written.add(file.path());
            changes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file as it is unless the same bytes are already there. */
    void copy(String rel, Path from) {
        try {
            put(new RenderedFile(rel, Files.readAllBytes(from)));
        } catch (NoSuchFileException e) {
            // deleted since the walk; the watcher reports it and the next round drops it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file this folder wrote that is not in {@code keep}, and the folders that leaves empty. */
    void retain(Set<String> keep) {
        for (String rel : new HashSet<>(written)) {
            if (keep.contains(rel)) continue;
            written.remove(rel);
            Path p = inside(rel);
            try {
                if (Files.deleteIfExists(p)) changes.incrementAndGet();
                for (Path dir = p.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
                    try (var list = Files.list(dir)) {
                        if (list.findAny().isPresent()) break;
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Files written or deleted since the last call. */
    int takeChanges() {
        return changes.getAndSet(0);
    }

    private Path inside(String rel) {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + rel);
        }
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

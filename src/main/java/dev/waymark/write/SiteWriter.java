package dev.waymark.write;

import dev.waymark.render.RenderedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the site into a fresh staging folder next to the output folder, then swaps it in. A build that fails
 * before the swap leaves the previous output exactly as it was, and stale files from earlier builds never survive.
 */
public final class SiteWriter {

    /** Writes {@code files} and copies {@code copies} (site path to source file), then replaces {@code out}. */
    public void write(Path out, List<RenderedFile> files, Map<String, Path> copies) {
        try (Staging staging = stage(out)) {
            files.parallelStream().forEach(staging::put);
            staging.copy(copies);
            staging.commit();
        }
    }

    /**
     * Opens a fresh staging folder next to {@code out}. Files go into it as soon as they are rendered, so the build
     * never holds the whole site in memory; {@link Staging#commit()} swaps it in, and closing an uncommitted staging
     * folder deletes it, leaving {@code out} exactly as it was.
     */
    public static Staging stage(Path out) {
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            return new Staging(target, Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staging folder being filled; safe to {@link #put} from many threads at once. */
    public static final class Staging implements AutoCloseable {
        private final Path target;
        private final Path root;
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger pages = new AtomicInteger();
        private boolean committed;

        private Staging(Path target, Path root) {
            this.target = target;
            this.root = root;
            folders.add(root);
        }

        /** Writes one rendered file into the staging folder. */
        public void put(RenderedFile file) {
            try {
                Path p = inside(root, file.path());
                folder(p.getParent());
                Files.write(p, file.bytes());
                count.incrementAndGet();
                if (file.path().endsWith(".html")) pages.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Copies files as they are (site path to source file), in parallel. */
        public void copy(Map<String, Path> copies) {
            copies.entrySet().parallelStream().forEach(e -> {
                try {
                    Path p = inside(root, e.getKey());
                    folder(p.getParent());
                    Files.copy(e.getValue(), p, StandardCopyOption.REPLACE_EXISTING);
                    count.incrementAndGet();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }

        /** How many HTML pages were rendered into the staging folder: the number {@code check} counts too. */
        public int pages() {
            return pages.get();
        }

        /** How many files are in the staging folder. */
        public int files() {
            return count.get();
        }

        /** Replaces the output folder with the staging folder. */
        public void commit() {
            try {
                swap(root, target);
                committed = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (!committed) deleteTree(root);
        }

        /** One mkdir per new folder; most pages live in a folder of their own, so checks would cost as much. */
        private void folder(Path dir) throws IOException {
            if (folders.contains(dir)) return;
            Files.createDirectories(dir);
            folders.add(dir);
        }
    }

    private static Path inside(Path root, String rel) {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + rel);
        }
        return p;
    }

    private static void swap(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            move(target, old);
        }
        move(tmp, target);
        if (old != null) {
            deleteTreeInParallel(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a big tree (the previous site) with one task per top-level entry. */
    private static void deleteTreeInParallel(Path root) throws IOException {
        List<Path> children;
        try (var list = Files.list(root)) {
            children = list.toList();
        }
        children.parallelStream().forEach(SiteWriter::deleteTree);
        Files.delete(root);
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

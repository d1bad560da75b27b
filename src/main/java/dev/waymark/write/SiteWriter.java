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

/**
 * Writes the site into a fresh temporary folder next to the output folder, then swaps it in. A build that fails
 * before the swap leaves the previous output exactly as it was, and stale files from earlier builds never survive.
 */
public final class SiteWriter {

    /** Writes {@code files} and copies {@code copies} (site path to source file), then replaces {@code out}. */
    public void write(Path out, List<RenderedFile> files, Map<String, Path> copies) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            try {
                files.parallelStream().forEach(f -> writeFile(tmp, f.path(), f.bytes()));
                copies.entrySet().parallelStream().forEach(e -> copyFile(tmp, e.getKey(), e.getValue()));
                swap(tmp, target);
            } catch (RuntimeException | Error e) {
                deleteTree(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path inside(Path root, String rel) {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + rel);
        }
        return p;
    }

    private static void writeFile(Path root, String rel, byte[] bytes) {
        try {
            Path p = inside(root, rel);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path root, String rel, Path source) {
        try {
            Path p = inside(root, rel);
            Files.createDirectories(p.getParent());
            Files.copy(source, p, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
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

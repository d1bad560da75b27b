package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks the content folder into Markdown sources and static assets. Hidden entries (a leading dot) are skipped;
 * anything that resolves outside the content folder (a symlink) is refused with an error.
 */
public final class ContentLoader {
    /** Pages bigger than this are refused: nothing a person writes by hand gets near it. */
    public static final long MAX_PAGE_BYTES = 16L * 1024 * 1024;

    /** A non-Markdown file copied to the site as it is. */
    public record Asset(String relPath, Path file) {
    }

    /** What the walk found, in a stable order. */
    public record Loaded(List<SourceFile> pages, List<Asset> assets) {
        public Loaded {
            pages = List.copyOf(pages);
            assets = List.copyOf(assets);
        }
    }

    public Loaded load(Path contentDir, Path displayDir, Diagnostics diagnostics) {
        Path root;
        try {
            root = contentDir.toRealPath();
        } catch (IOException e) {
            diagnostics.error("content-not-found", SourcePosition.ofFile(displayDir), "content folder not found", "create it, or pass --content DIR");
            return new Loaded(List.of(), List.of());
        }
        List<Asset> mdFiles = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    String rel = rel(root, file);
                    if (name.startsWith(".") || rel.equals(SiteConfigReader.FILE_NAME)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink() && !insideRoot(root, file)) {
                        diagnostics.error("symlink-outside", SourcePosition.ofFile(displayDir.resolve(rel)),
                                "symlink points outside the content folder", "copy the file into the content folder instead of linking to it");
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (name.endsWith(".md")) {
                        mdFiles.add(new Asset(rel, file));
                    } else {
                        assets.add(new Asset(rel, file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mdFiles.sort(Comparator.comparing(Asset::relPath));
        assets.sort(Comparator.comparing(Asset::relPath));
        List<SourceFile> pages = mdFiles.parallelStream()
                .map(md -> read(md.relPath(), md.file(), displayDir, diagnostics))
                .filter(java.util.Objects::nonNull)
                .toList();
        return new Loaded(pages, assets);
    }

    /** Reads one Markdown file of the content folder; problems go to {@code diagnostics} and give null. */
    public static SourceFile read(String rel, Path file, Path displayDir, Diagnostics diagnostics) {
        Path shown = displayDir.resolve(rel);
        try {
            long size = Files.size(file);
            if (size > MAX_PAGE_BYTES) {
                diagnostics.error("file-too-large", SourcePosition.ofFile(shown), "page is " + (size >> 20) + " MB; the limit is 16 MB",
                        "split it into several pages");
                return null;
            }
            String text = TextDecoder.decode(Files.readAllBytes(file), shown, diagnostics);
            if (text == null) {
                return null;
            }
            BidiControls.scan(text, shown, diagnostics);
            if (text.isBlank()) {
                diagnostics.error("empty-file", SourcePosition.ofFile(shown), "the page is empty",
                        "add front matter with a title, e.g. ---\\ntitle: My page\\n---");
                return null;
            }
            return new SourceFile(rel, shown, text);
        } catch (IOException e) {
            diagnostics.error("unreadable-file", SourcePosition.ofFile(shown), "cannot read file: " + e.getMessage(), "check the file's permissions");
            return null;
        }
    }

    private static boolean insideRoot(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    static String rel(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize().startsWith(root) ? file.toAbsolutePath().normalize() : file)
                .toString().replace('\\', '/');
    }
}

package dev.waymark.content;

import dev.waymark.diag.ContentException;
import dev.waymark.diag.Diagnostic;
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

    /**
     * What lets the loader skip reading a Markdown file: the build cache's record that the file, as it is now (its
     * stamp), has a text known to read without any diagnostic (see {@code dev.waymark.cache.SourceStamps}).
     */
    public interface Vouch {
        /** Every file is read. */
        Vouch NONE = new Vouch() {
            @Override
            public boolean vouches(String relPath) {
                return false;
            }

            @Override
            public boolean matches(String relPath, String text) {
                return false;
            }
        };

        /** Whether the file's text need not be read now. */
        boolean vouches(String relPath);

        /** Whether a text read later is the one {@link #vouches} vouched for. */
        boolean matches(String relPath, String text);
    }

    public Loaded load(Path contentDir, Path displayDir, Diagnostics diagnostics) {
        return load(contentDir, displayDir, diagnostics, Vouch.NONE);
    }

    /**
     * Walks the content folder; a Markdown file {@code vouch} vouches for is not read now but when its text is first
     * asked for (then checked: a file changed since fails the build with an error, see {@link #unread}).
     */
    public Loaded load(Path contentDir, Path displayDir, Diagnostics diagnostics, Vouch vouch) {
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
                .map(md -> vouch.vouches(md.relPath()) ? unread(md.relPath(), md.file(), displayDir, vouch)
                        : read(md.relPath(), md.file(), displayDir, diagnostics))
                .filter(java.util.Objects::nonNull)
                .toList();
        return new Loaded(pages, assets);
    }

    /**
     * A file not read now: its text is read when first asked for, and must be the one {@code vouch} vouched for and
     * read without any diagnostic. Otherwise (the file was edited while the site was built) the build stops with an
     * error, so the page is never rendered from a text its cache key does not name.
     */
    private static SourceFile unread(String rel, Path file, Path displayDir, Vouch vouch) {
        Path shown = displayDir.resolve(rel);
        return SourceFile.unread(rel, shown, () -> {
            Diagnostics own = new Diagnostics();
            SourceFile now = read(rel, file, displayDir, own);
            if (now == null || !own.sorted().isEmpty() || !vouch.matches(rel, now.text())) {
                throw new ContentException(Diagnostic.error("file-changed", SourcePosition.ofFile(shown),
                        "the file changed while the site was being built",
                        "build again once it is saved; the previous output was left as it was"));
            }
            return now.text();
        });
    }

    /**
     * Reads one Markdown file of the content folder; problems go to {@code diagnostics} and give null. A file that
     * reported a warning is marked so ({@link SourceFile#readClean()}).
     */
    public static SourceFile read(String rel, Path file, Path displayDir, Diagnostics diagnostics) {
        Diagnostics own = new Diagnostics();
        SourceFile read = readInto(rel, file, displayDir, own);
        own.causes().forEach(diagnostics::cause);
        List<Diagnostic> items = new ArrayList<>(own.sorted());
        items.removeAll(own.causes());
        diagnostics.addAll(items);
        return read == null ? null : SourceFile.read(rel, read.displayPath(), read.text(), own.sorted().isEmpty());
    }

    private static SourceFile readInto(String rel, Path file, Path displayDir, Diagnostics diagnostics) {
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
                        "start it with three lines of front matter: `---`, `title: My page`, `---`, then write the page below them");
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

package dev.waymark.write;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The passthrough folder, {@code static/} beside the content folder: files the published root must hold as they are
 * ({@code CNAME}, {@code .nojekyll}, a search engine's verification file). Every file in it, hidden ones included, is
 * copied byte for byte to the same path in the site. A file that would replace one the build generates is an error at
 * its path, and so is a symbolic link, which could reach outside the folder.
 */
public final class Passthrough {
    public static final String FOLDER = "static";

    private Passthrough() {
    }

    /** The passthrough folder for a content folder: its sibling {@code static/}. */
    public static Path beside(Path content) {
        Path abs = content.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs.resolve(FOLDER) : abs.resolveSibling(FOLDER);
    }

    /**
     * Site path to file for every file in {@code dir} (none when it does not exist).
     *
     * @param display the folder as messages name it
     * @param taken   whether the build already writes a site path
     */
    public static Map<String, Path> files(Path dir, Path display, Predicate<String> taken, Diagnostics diagnostics) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) return files;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = dir.relativize(file).toString().replace('\\', '/');
                    SourcePosition at = SourcePosition.ofFile(display.resolve(rel));
                    if (attrs.isSymbolicLink()) {
                        diagnostics.error("passthrough-symlink", at, "a symbolic link in the " + FOLDER + "/ folder",
                                "put the file itself there; passthrough files are copied as they are");
                    } else if (rel.equals(Manifest.FILE_NAME) || rel.equals(OutputFolder.STAGING_MARKER)) {
                        diagnostics.error("passthrough-reserved", at, "\"" + rel + "\" is a name Waymark keeps for its own bookkeeping", "remove it");
                    } else if (taken.test(rel)) {
                        diagnostics.error("passthrough-collision", at, "\"" + rel + "\" would replace a file the build generates",
                                "rename or remove it; the " + FOLDER + "/ folder is for files that the build does not make, such as CNAME");
                    } else if (attrs.isRegularFile()) {
                        files.put(rel, file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

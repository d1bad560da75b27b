package dev.waymark.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The list of files a build wrote, kept in the output folder as {@value #FILE_NAME}. It is how the next build knows
 * that the folder is Waymark's to replace, and which files in it are someone else's.
 */
public final class Manifest {
    public static final String FILE_NAME = ".waymark-manifest";
    private static final String MARK = "# waymark manifest ";
    static final String HEADER = MARK + "1: the files the last build wrote into this folder. "
            + "Waymark will not replace the folder while it holds anything else.";

    private Manifest() {
    }

    /** The manifest's bytes: the header, then one site path per line in a stable order. */
    public static byte[] bytes(Collection<String> paths) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String p : new TreeSet<>(paths)) sb.append(p).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The paths listed in {@code dir}'s manifest, or empty when there is none or it is not one of ours. */
    static Optional<Set<String>> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) { // not UTF-8: not ours
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).startsWith(MARK)) return Optional.empty();
        Set<String> paths = new TreeSet<>(lines.subList(1, lines.size()));
        paths.remove("");
        return Optional.of(paths);
    }
}

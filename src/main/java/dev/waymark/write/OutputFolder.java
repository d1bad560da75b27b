package dev.waymark.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides whether a folder may receive a build, before anything is written. A build replaces its output folder as a
 * whole, so the folder must not hold or sit inside what the build reads, must not be a folder people keep other things
 * in (the working folder, the home folder, a file system's root), and may only hold files an earlier build wrote, as
 * its {@link Manifest} lists them.
 *
 * <p>Paths are compared as the file system sees them: symlinks resolved, {@code ..} and trailing slashes normalised,
 * and, for folders that exist, by identity ({@link Files#isSameFile}), which also holds on case-insensitive disks.
 */
public final class OutputFolder {
    /** How many of someone else's files a refusal names. */
    private static final int NAMED = 3;
    static final String STAGING_MARKER = ".waymark-staging";

    /** A folder the build reads, and what to call it in a message ("content folder"). */
    public record Input(String role, Path path) {
    }

    /** Where the user stands and what the build reads: everything an output folder must stay clear of. */
    public record Surroundings(Path workingDir, Path home, List<Input> inputs) {
        public Surroundings {
            inputs = List.copyOf(inputs);
        }

        /** The current working folder and the user's home folder, as the JVM knows them. */
        public static Surroundings of(List<Input> inputs) {
            return new Surroundings(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), inputs);
        }
    }

    private OutputFolder() {
    }

    /** Both checks: where the folder is, then what it holds. Throws {@link OutputRefusedException}. */
    public static void check(Path out, Surroundings around) {
        checkPlacement(out, around);
        checkOwnership(out);
    }

    /** Refuses a folder that overlaps what the build reads or where people keep other things. */
    public static void checkPlacement(Path out, Surroundings around) {
        String other = "pass a folder of its own, such as --out site";
        Path target = real(out);
        if (target.getParent() == null) throw refuse(out, "it is the root of a file system", other);
        if (Files.isSymbolicLink(out.toAbsolutePath().normalize())) {
            throw refuse(out, "it is a symbolic link, and a build replaces the folder it names",
                    "pass the folder the link points to");
        }
        if (same(target, around.home())) throw refuse(out, "it is your home folder", other);
        if (contains(target, around.home())) throw refuse(out, "it contains your home folder", other);
        if (same(target, around.workingDir())) throw refuse(out, "it is the current folder, which holds your project", other);
        if (contains(target, around.workingDir())) throw refuse(out, "it contains the current folder", other);
        for (Input in : around.inputs()) {
            if (in.path() == null || !Files.exists(in.path())) continue;
            if (same(target, in.path())) throw refuse(out, "it is the " + in.role(), other);
            if (contains(target, in.path())) throw refuse(out, "it contains the " + in.role() + " " + in.path(), other);
            if (contains(in.path(), target)) throw refuse(out, "it is inside the " + in.role() + " " + in.path(),
                    "pass a folder outside it, such as --out site");
        }
    }

    /**
     * Refuses a folder that holds anything an earlier build did not write. A missing or empty folder is fine; so is
     * one whose every file its manifest lists.
     */
    public static void checkOwnership(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(dir)) {
            throw refuse(out, "it is a symbolic link, and a build replaces the folder it names", "pass the folder the link points to");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw refuse(out, "it is a file, not a folder", "pass a folder with --out");
        List<String> entries = list(dir);
        if (entries.isEmpty()) return;
        var manifest = Manifest.read(dir);
        if (manifest.isEmpty()) {
            throw refuse(out, "it already holds files (" + named(entries) + ") and no " + Manifest.FILE_NAME
                            + ", so Waymark did not build it",
                    "pass a new or empty folder with --out; if it is a build from an older Waymark, delete it yourself");
        }
        List<String> foreign = foreign(dir, manifest.get());
        if (!foreign.isEmpty()) {
            throw refuse(out, "it holds files that Waymark did not write: " + named(foreign),
                    "move them out of the folder; files the site must publish as they are (such as CNAME) belong in the "
                            + Passthrough.FOLDER + "/ folder beside the content folder");
        }
    }

    private static OutputRefusedException refuse(Path out, String reason, String hint) {
        return new OutputRefusedException(out, reason, hint);
    }

    private static String named(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        return names.size() > NAMED ? shown + " and " + (names.size() - NAMED) + " more" : shown;
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file the manifest does not list, and every folder that holds none of its files, in a stable order. */
    private static List<String> foreign(Path root, Set<String> manifest) {
        Set<String> folders = new HashSet<>();
        for (String p : manifest) {
            for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) folders.add(p.substring(0, i));
        }
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    String rel = rel(root, dir);
                    if (folders.contains(rel)) return FileVisitResult.CONTINUE;
                    found.add(rel + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = rel(root, file);
                    if (!manifest.contains(rel) && !rel.equals(Manifest.FILE_NAME) && !rel.equals(STAGING_MARKER)) found.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    found.add(rel(root, file)); // what cannot be read cannot be shown to be ours
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().sorted().toList();
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** The path with symlinks resolved as far as it exists, and the part not yet created appended as written. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing.getParent() != null && !Files.exists(existing)) existing = existing.getParent();
        try {
            return existing.toRealPath().resolve(existing.relativize(abs).toString()).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static boolean same(Path a, Path b) {
        Path ra = real(a);
        Path rb = real(b);
        if (ra.equals(rb)) return true;
        try {
            return Files.exists(ra) && Files.exists(rb) && Files.isSameFile(ra, rb);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code inner} is {@code outer} or lies anywhere below it. */
    static boolean contains(Path outer, Path inner) {
        Path ro = real(outer);
        Path ri = real(inner);
        if (ri.startsWith(ro)) return true;
        if (!Files.exists(ro)) return false;
        for (Path a = ri; a != null; a = a.getParent()) {
            if (same(a, ro)) return true;
        }
        return false;
    }
}

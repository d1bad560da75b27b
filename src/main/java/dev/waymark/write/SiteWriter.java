package dev.waymark.write;

import dev.waymark.render.RenderedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the site into a fresh staging folder next to the output folder, then swaps it in. A build that fails
 * before the swap leaves the previous output exactly as it was, and stale files from earlier builds never survive.
 *
 * <p>The swap is two renames: the old output to a backup beside it, then the staging folder into its place. If the
 * process dies between them, the next build finds the output missing and renames the backup back before it does
 * anything else; see {@link Leftovers}. Each output carries a {@link Manifest}, and a folder holding anything else is
 * refused ({@link OutputFolder#checkOwnership}) before a single file is written.
 */
public final class SiteWriter {

    /** The points between the steps of a commit, where tests inject a failure (an exception or a killed process). */
    public enum Step { FILES_WRITTEN, MANIFEST_WRITTEN, OLD_MOVED_ASIDE, NEW_MOVED_IN, MARKER_REMOVED }

    /** Called at each {@link Step} of a commit; the build's own is a no-op. */
    @FunctionalInterface
    public interface Faults {
        Faults NONE = step -> { };

        void at(Step step);
    }

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
     *
     * @throws OutputRefusedException when {@code out} holds files that no build wrote
     */
    public static Staging stage(Path out) {
        return stage(out, Faults.NONE);
    }

    /** {@link #stage(Path)}, calling {@code faults} between the steps of the commit. */
    public static Staging stage(Path out, Faults faults) {
        return stage(out, faults, Prepared.NONE);
    }

    /**
     * {@link #stage(Path)}, taking over the staging folder that {@code prepared} made for the same output, with the
     * folders made in it so far. The checks run again here, where they always run: a prepared folder changes when the
     * folders are made, never what is refused or written.
     */
    public static Staging stage(Path out, Faults faults, Prepared prepared) {
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Leftovers.recover(target);
            OutputFolder.checkOwnership(out);
            if (prepared.claim != null && prepared.target.equals(target)) {
                Set<Path> made = prepared.handOver();
                return new Staging(target, prepared.claim, faults, made);
            }
            return new Staging(target, Leftovers.newStaging(target), faults, Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts making, in a new staging folder for {@code out}, the folders the previous build of the same site wrote
     * into ({@code folders}, relative paths, parents first), on a thread of its own while the build reads and parses.
     * Making 10,000 page folders is most of the kernel's work in a cached build (about 1.5 s on a VM's ext4), and it
     * does not depend on anything the build has yet to learn. {@link #stage(Path, Faults, Prepared)} takes the folder
     * over; a folder the new build does not write into is removed before the swap, so the output is the same as
     * without it. When {@code out} would be refused, or cannot be prepared, nothing is made here: {@link #stage} reports
     * it at its usual place. Closing a prepared folder that was not taken over deletes it.
     */
    public static Prepared prepare(Path out, List<String> folders) {
        if (folders.isEmpty()) return Prepared.NONE;
        Path target = out.toAbsolutePath().normalize();
        try {
            if (target.getParent() == null || !Files.isDirectory(target.getParent())) return Prepared.NONE;
            Leftovers.recover(target);
            OutputFolder.checkOwnership(out);
            return new Prepared(target, Leftovers.newStaging(target), folders);
        } catch (IOException | RuntimeException e) {
            return Prepared.NONE;
        }
    }

    /** A staging folder whose folders are being made ahead of the build; see {@link #prepare}. */
    public static final class Prepared implements AutoCloseable {
        public static final Prepared NONE = new Prepared();
        private final Path target;
        private final Leftovers.Claim claim;
        private final Set<Path> made = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        private final Thread maker;
        private volatile boolean takenOver;

        private Prepared() {
            this.target = null;
            this.claim = null;
            this.maker = null;
        }

        private Prepared(Path target, Leftovers.Claim claim, List<String> folders) {
            this.target = target;
            this.claim = claim;
            Path root = claim.staging();
            this.maker = new Thread(() -> {
                for (String rel : folders) {
                    if (stop.get()) return;
                    try {
                        Path dir = inside(root, rel);
                        Files.createDirectory(dir);
                        made.add(dir);
                    } catch (IOException | RuntimeException e) {
                        // a missing parent (a name the list cannot hold) or a name taken: the build makes what it needs
                    }
                }
            }, "waymark-folders");
            maker.setDaemon(true);
            maker.start();
        }

        /** Waits for the folders to be made and hands them to the staging folder that takes this one over. */
        private Set<Path> handOver() {
            join();
            takenOver = true;
            return made;
        }

        private void join() {
            try {
                maker.join();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                try {
                    maker.join();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Stops making folders and, unless a staging folder took this one over, deletes it. */
        @Override
        public void close() {
            if (claim == null || takenOver) return;
            stop.set(true);
            join();
            claim.close();
            try {
                Leftovers.deleteOwned(claim.staging(), OutputFolder.STAGING_MARKER);
            } catch (IOException | UncheckedIOException e) {
                // the next build removes what is left (see Leftovers#recover)
            }
        }
    }

    /** A staging folder being filled; safe to {@link #put} from many threads at once. */
    public static final class Staging implements AutoCloseable {
        private final Path target;
        private final Leftovers.Claim claim;
        private final Path root;
        private final Faults faults;
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();
        private final Set<String> written = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        // folders made ahead of the build (see prepare): those no file went into are removed before the swap
        private final Set<Path> premade;
        private boolean committed;

        private Staging(Path target, Leftovers.Claim claim, Faults faults, Set<Path> premade) {
            this.target = target;
            this.claim = claim;
            this.root = claim.staging();
            this.faults = faults;
            this.premade = premade;
            folders.add(root);
        }

        /**
         * Writes one rendered file into the staging folder, always as a new file: a path already there may be a hard
         * link to the build cache's copy (see {@link #link}), and writing through it would change the cache's bytes.
         */
        public void put(RenderedFile file) {
            try {
                Path p = inside(root, file.path());
                folder(p.getParent());
                try {
                    Files.write(p, file.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    Files.delete(p); // unlink, then write a file of its own
                    Files.write(p, file.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                written.add(rel(p));
                if (file.path().endsWith(".html")) pages.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Puts an earlier build's file (from the build cache) at a site path: a hard link where the file system
         * allows, else a copy. The caller has checked its bytes.
         */
        public void link(String sitePath, Path from) {
            try {
                Path p = inside(root, sitePath);
                folder(p.getParent());
                try {
                    Files.createLink(p, from);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.copy(from, p, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(rel(p));
                if (sitePath.endsWith(".html")) pages.incrementAndGet();
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
                    written.add(rel(p));
                } catch (NoSuchFileException ex) {
                    throw new UncheckedIOException(new NoSuchFileException(e.getValue().toString(), null,
                            "it was removed while the site was being built; build again"));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }

        /** How many HTML pages were rendered into the staging folder: the number {@code check} counts too. */
        public int pages() {
            return pages.get();
        }

        /** Whether a file has been written to this site path. */
        public boolean has(String sitePath) {
            return written.contains(sitePath);
        }

        /** How many files are in the staging folder. */
        public int files() {
            return written.size();
        }

        /** Replaces the output folder with the staging folder; the output is never left missing. */
        public void commit() {
            try {
                removeUnused();
                faults.at(Step.FILES_WRITTEN);
                Files.write(root.resolve(Manifest.FILE_NAME), Manifest.bytes(written));
                faults.at(Step.MANIFEST_WRITTEN);
                OutputFolder.checkOwnership(target); // again: someone may have put a file there while we built
                claim.unlockBeforeRename();
                swap();
                committed = true;
                claim.release(target);
                faults.at(Step.MARKER_REMOVED);
                claim.deleteBackup();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void swap() throws IOException {
            Path backup = claim.backup();
            boolean hadOld = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            try {
                if (hadOld) {
                    move(target, backup);
                    faults.at(Step.OLD_MOVED_ASIDE);
                }
                move(root, target);
            } catch (IOException | RuntimeException | Error e) {
                if (hadOld && !Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.exists(backup)) move(backup, target);
                throw e;
            }
            faults.at(Step.NEW_MOVED_IN);
        }

        @Override
        public void close() {
            claim.close();
            if (!committed && Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Leftovers.deleteOwned(root, OutputFolder.STAGING_MARKER);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /**
         * One mkdir per new folder; most pages live in a folder of their own, so checks would cost as much. A folder
         * made ahead of the build costs none; it and its parents are marked as used.
         */
        private void folder(Path dir) throws IOException {
            if (folders.contains(dir)) return;
            if (!premade.contains(dir)) Files.createDirectories(dir);
            for (Path d = dir; d != null && !d.equals(root) && folders.add(d); d = d.getParent()) {
                // marked: dir and each parent up to the first one already marked
            }
        }

        /** Removes the folders made ahead of the build that no file went into, deepest first (each is empty then). */
        private void removeUnused() throws IOException {
            if (premade.isEmpty()) return;
            List<Path> unused = new java.util.ArrayList<>();
            for (Path p : premade) if (!folders.contains(p)) unused.add(p);
            unused.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Path::toString));
            for (Path p : unused) {
                try {
                    Files.delete(p);
                } catch (java.nio.file.DirectoryNotEmptyException kept) {
                    // something went into it after all: it stays, as it would have without the prepared folders
                }
            }
        }

        /** The folders files went into, relative to the site's root and sorted (so parents come first). */
        public List<String> folderList() {
            List<String> list = new java.util.ArrayList<>();
            for (Path p : folders) if (!p.equals(root)) list.add(rel(p));
            list.sort(null);
            return list;
        }

        private String rel(Path p) {
            return root.relativize(p).toString().replace('\\', '/');
        }
    }

    private static Path inside(Path root, String rel) {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + rel);
        }
        return p;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a big tree (the previous site) with one task per top-level entry. */
    static void deleteTreeInParallel(Path root) throws IOException {
        List<Path> children;
        try (var list = Files.list(root)) {
            children = list.toList();
        }
        children.parallelStream().forEach(SiteWriter::deleteTree);
        Files.delete(root);
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) throw exc;
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

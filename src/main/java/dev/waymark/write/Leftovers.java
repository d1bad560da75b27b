package dev.waymark.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The folders a build keeps beside its output, {@code .NAME.tmp-TOKEN} (the staging folder) and {@code .NAME.old-TOKEN}
 * (the previous output during the swap), and what happens to them when a build dies (kill -9, power loss, full disk).
 *
 * <p>A staging folder holds a marker file, locked for as long as its build runs; the operating system drops the lock
 * when the process dies, however it dies. Before each build, {@link #recover} puts the last good site back if the
 * output is missing, then deletes the leftovers of dead builds: staging folders that carry the marker and backups
 * that carry a {@link Manifest}. Folders without either are not provably Waymark's, and stay.
 */
final class Leftovers {
    /**
     * Tokens of this process's builds in progress. POSIX locks belong to the process, and closing any channel on a
     * file drops them all, so this process must not probe its own markers: it asks this set instead.
     */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
    private static final boolean WINDOWS = java.io.File.separatorChar == '\\';

    private Leftovers() {
    }

    /** A build's claim on its staging folder: the locked marker inside it, and the name its backup will take. */
    static final class Claim implements AutoCloseable {
        private final String token;
        private final Path staging;
        private final Path backup;
        private FileChannel channel;

        private Claim(String token, Path staging, Path backup, FileChannel channel) {
            this.token = token;
            this.staging = staging;
            this.backup = backup;
            this.channel = channel;
        }

        Path staging() {
            return staging;
        }

        Path backup() {
            return backup;
        }

        /** After the swap the marker sits in the output: unlock it and remove it. */
        void release(Path target) throws IOException {
            close();
            Files.deleteIfExists(target.resolve(OutputFolder.STAGING_MARKER));
        }

        void deleteBackup() throws IOException {
            if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) deleteOwned(backup, Manifest.FILE_NAME);
        }

        /**
         * Drops the lock but keeps the claim in this process. Windows cannot rename a folder while a file in it is
         * open, so there the lock ends just before the swap; other systems keep it until the swap is done.
         */
        void unlockBeforeRename() {
            if (WINDOWS) unlock();
        }

        private void unlock() {
            if (channel == null) return;
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                // the process keeps running; the lock goes when it ends
            }
            channel = null;
        }

        @Override
        public void close() {
            unlock();
            LIVE.remove(token);
        }
    }

    /** Creates a staging folder beside {@code target} (with the umask's permissions) and locks its marker. */
    static Claim newStaging(Path target) throws IOException {
        String name = target.getFileName().toString();
        while (true) {
            String token = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path dir = target.resolveSibling("." + name + ".tmp-" + token);
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            LIVE.add(token);
            FileChannel channel = FileChannel.open(dir.resolve(OutputFolder.STAGING_MARKER), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            channel.lock();
            channel.write(ByteBuffer.wrap((token + "\nwaymark build in progress, process "
                    + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new Claim(token, dir, target.resolveSibling("." + name + ".old-" + token), channel);
        }
    }

    /** Restores a missing output from its backup, then deletes what dead builds left beside {@code target}. */
    static void recover(Path target) throws IOException {
        String name = target.getFileName().toString();
        List<Path> staging = siblings(target, "." + name + ".tmp-");
        List<Path> backups = siblings(target, "." + name + ".old-");
        if (staging.isEmpty() && backups.isEmpty() && !Files.exists(target.resolve(OutputFolder.STAGING_MARKER))) return;
        Set<String> live = ConcurrentHashMap.newKeySet();
        for (Path s : staging) {
            if (held(s.resolve(OutputFolder.STAGING_MARKER), token(s))) live.add(token(s));
        }
        Path outMarker = target.resolve(OutputFolder.STAGING_MARKER);
        if (held(outMarker, firstLine(outMarker))) live.add(firstLine(outMarker));
        List<Path> dead = backups.stream().filter(b -> !live.contains(token(b)) && Manifest.read(b).isPresent())
                .sorted(Comparator.comparing(Leftovers::manifestTime).reversed()).toList();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !dead.isEmpty()) {
            SiteWriter.move(dead.get(0), target); // the last good site comes back before anything else happens
        }
        for (Path s : staging) {
            if (!live.contains(token(s)) && Files.exists(s.resolve(OutputFolder.STAGING_MARKER))) quietly(s, OutputFolder.STAGING_MARKER);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            for (Path b : dead) {
                if (Files.exists(b, LinkOption.NOFOLLOW_LINKS)) quietly(b, Manifest.FILE_NAME);
            }
            if (!live.contains(firstLine(outMarker))) Files.deleteIfExists(outMarker);
        }
    }

    private static List<Path> siblings(Path target, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        }
    }

    private static String token(Path leftover) {
        String n = leftover.getFileName().toString();
        return n.substring(n.lastIndexOf('-') + 1);
    }

    private static String firstLine(Path marker) {
        try {
            String s = Files.readString(marker, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long manifestTime(Path backup) {
        try {
            return Files.getLastModifiedTime(backup.resolve(Manifest.FILE_NAME)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether a build, in this process or another, still holds the marker of the build named {@code token}. */
    private static boolean held(Path marker, String token) {
        if (LIVE.contains(token)) return true;
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return false;
        try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: leave it alone
        }
    }

    private static void quietly(Path dir, String markerName) {
        try {
            deleteOwned(dir, markerName);
        } catch (IOException | UncheckedIOException e) {
            // another build got there first, or it cannot be deleted now; the next build tries again
        }
    }

    /**
     * Deletes a folder of ours, its marker last, so that a deletion cut short still leaves a folder that carries the
     * marker and is cleaned up next time.
     */
    static void deleteOwned(Path dir, String markerName) throws IOException {
        List<Path> children = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> !p.getFileName().toString().equals(markerName)).forEach(children::add);
        }
        children.parallelStream().forEach(SiteWriter::deleteTree);
        Files.deleteIfExists(dir.resolve(markerName));
        Files.delete(dir);
    }
}

package dev.waymark.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * Watches folders recursively (new folders included) and calls back once per burst of changes: editors often write a
 * file in several steps, so events are collected until 30 ms pass without a new one. The callback gets the paths that
 * changed, or null when the system lost events (then anything may have changed). Nothing the callback throws, not even
 * an {@link Error}, stops the watching: the next change calls it again.
 */
final class Watcher implements AutoCloseable {
    private static final long QUIET_MS = 30;
    private final WatchService service;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;

    Watcher(List<Path> roots, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        for (Path root : roots) {
            if (Files.isDirectory(root)) register(root);
        }
        this.thread = new Thread(this::loop, "waymark-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void register(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Set<Path> changed = new HashSet<>();
                boolean lost = drain(key, changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    lost |= drain(more, changed);
                }
                try {
                    if (lost) {
                        onChange.accept(null);
                    } else if (!changed.isEmpty()) {
                        onChange.accept(Set.copyOf(changed));
                    }
                } catch (Throwable e) { // NOPMD: the callback reports its own failures; this keeps watching if it could not
                    // an OutOfMemoryError included: the next rebuild starts with the garbage of this one collected
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds the changed paths of one key to {@code changed}; true when events were lost. */
    private boolean drain(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            String name = child.getFileName().toString();
            if (name.startsWith(".") && !name.equals(".nojekyll") || name.endsWith("~") || name.endsWith(".swp")) continue;
            changed.add(child);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    register(child);
                } catch (IOException | RuntimeException e) {
                    // the folder vanished again; the next event will tell
                }
            }
        }
        if (!key.reset()) lost = true; // the folder itself went away
        return lost;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            // closing on shutdown
        }
    }
}

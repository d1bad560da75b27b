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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (new folders included) and calls back once per burst of changes, with the paths that
 * changed: editors often write a file in several steps, so events are collected until 30 ms pass without a new one.
 * Nothing the callback throws, not even an {@link Error}, stops the watching: the next change calls it again.
 */
final class Watcher implements AutoCloseable {
    private static final long QUIET_MS = 30;
    private final WatchService service;
    private final Consumer<List<Path>> onChange;
    private final Thread thread;

    Watcher(List<Path> roots, Consumer<List<Path>> onChange) throws IOException {
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
                Set<Path> changed = new LinkedHashSet<>();
                drain(key, changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, changed);
                }
                if (changed.isEmpty()) continue;
                try {
                    onChange.accept(List.copyOf(changed));
                } catch (Throwable e) { // NOPMD: the callback reports its own failures; this keeps watching if it could not
                    // an OutOfMemoryError included: the next rebuild starts with the garbage of this one collected
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(dir);
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
        key.reset();
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

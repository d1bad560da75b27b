package dev.waymark.diag;

import java.nio.file.Path;

/**
 * How a path is shown in a message: so that it opens from where the author stands. Relative to the working directory
 * when the file is under it, absolute otherwise (a {@code ../} path or a folder elsewhere).
 */
public final class DisplayPath {
    private DisplayPath() {
    }

    public static Path of(Path path) {
        return of(path, Path.of("").toAbsolutePath());
    }

    /** {@link #of(Path)} with an explicit working directory, for tests. */
    public static Path of(Path path, Path cwd) {
        Path abs = cwd.resolve(path).toAbsolutePath().normalize();
        Path base = cwd.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs) : abs;
    }
}

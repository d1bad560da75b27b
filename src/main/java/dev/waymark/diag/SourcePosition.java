package dev.waymark.diag;

import java.nio.file.Path;

/** A place in a source file: the path as the user knows it (relative to the project), a 1-based line and column. */
public record SourcePosition(Path file, int line, int column) {

    public static SourcePosition of(Path file, int line) {
        return new SourcePosition(file, Math.max(1, line), 1);
    }

    public static SourcePosition ofFile(Path file) {
        return new SourcePosition(file, 1, 1);
    }

    /** The file path with forward slashes on every OS, so messages and golden files agree. */
    public String displayPath() {
        return file.toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return displayPath() + ":" + line + ":" + column;
    }
}

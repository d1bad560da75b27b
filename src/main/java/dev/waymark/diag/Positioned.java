package dev.waymark.diag;

/**
 * A value read from a source file, with the position it was written at, so a later stage can report a problem with it
 * where the author wrote it.
 */
public record Positioned<T>(T value, SourcePosition at) {
}

package dev.waymark.content;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Markdown file read from the content folder: its path relative to the content root, with forward slashes (e.g.
 * {@code profiles/option-a.md}), the path shown in diagnostics (relative to the working directory when possible), and
 * its decoded text (BOM removed, line endings normalised to {@code \n}).
 *
 * <p>A file whose text the build cache vouches for (see {@link ContentLoader.Vouch}) is not read while loading: its
 * text is read the first time something asks for it, checked against what vouched for it (see {@link #unread}).
 * Equal files have equal paths and texts, as a record's would.
 */
public final class SourceFile {
    private final String relPath;
    private final Path displayPath;
    private final boolean clean;
    private volatile String text;
    private Supplier<String> later;

    /** A file read without any diagnostic. */
    public SourceFile(String relPath, Path displayPath, String text) {
        this(relPath, displayPath, Objects.requireNonNull(text), null, true);
    }

    private SourceFile(String relPath, Path displayPath, String text, Supplier<String> later, boolean clean) {
        this.relPath = relPath;
        this.displayPath = displayPath;
        this.text = text;
        this.later = later;
        this.clean = clean;
    }

    /** A file read now, which reported something (a warning) when it was read: {@code clean} false. */
    static SourceFile read(String relPath, Path displayPath, String text, boolean clean) {
        return new SourceFile(relPath, displayPath, Objects.requireNonNull(text), null, clean);
    }

    /**
     * A file not read yet: {@code later} reads it when its text is first asked for, and throws (a
     * {@link dev.waymark.diag.ContentException}) when the text is no longer the one that let the loader skip it.
     */
    static SourceFile unread(String relPath, Path displayPath, Supplier<String> later) {
        return new SourceFile(relPath, displayPath, null, Objects.requireNonNull(later), true);
    }

    public String relPath() {
        return relPath;
    }

    public Path displayPath() {
        return displayPath;
    }

    /** The decoded text, read now if the loader skipped the file. */
    public String text() {
        String t = text;
        if (t != null) return t;
        synchronized (this) {
            if (text == null) {
                text = Objects.requireNonNull(later.get());
                later = null;
            }
            return text;
        }
    }

    /** Whether reading the file reported nothing (no warning): only such a file's stamp may vouch for it later. */
    public boolean readClean() {
        return clean;
    }

    /** Whether the text was read (always, unless the loader skipped the file and nothing asked for it since). */
    public boolean isRead() {
        return text != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile s && relPath.equals(s.relPath) && displayPath.equals(s.displayPath) && text().equals(s.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(relPath, displayPath, text());
    }

    @Override
    public String toString() {
        return "SourceFile[relPath=" + relPath + ", displayPath=" + displayPath + "]";
    }
}

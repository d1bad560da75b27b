package dev.waymark.content;

import java.nio.file.Path;

/**
 * One Markdown file read from the content folder.
 *
 * @param relPath     path relative to the content root, with forward slashes (e.g. {@code profiles/option-a.md})
 * @param displayPath the path shown in diagnostics (relative to the working directory when possible)
 * @param text        the decoded text: BOM removed, line endings normalised to {@code \n}
 */
public record SourceFile(String relPath, Path displayPath, String text) {
}

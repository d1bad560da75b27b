package dev.waymark.content;

import com.vladsch.flexmark.util.ast.Document;

/**
 * A page after parsing: its source, typed front matter and the Markdown AST. The AST is mutable flexmark state, so
 * a ParsedPage stays inside the pipeline; the theme only ever sees the immutable model.
 */
public record ParsedPage(SourceFile source, FrontMatter frontMatter, Document document) {
}

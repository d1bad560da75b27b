package dev.waymark.content;

import com.vladsch.flexmark.util.ast.Document;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.util.Optional;

/** Parses one source file: front matter, then the Markdown body with its line numbers intact. */
public final class PageParser {
    private final Markdown markdown;
    private final FrontMatterReader frontMatterReader = new FrontMatterReader();

    public PageParser(Markdown markdown) {
        this.markdown = markdown;
    }

    /** The parsed page, or null when the page cannot be parsed at all (already reported). */
    public ParsedPage parse(SourceFile source, Diagnostics diagnostics) {
        FrontMatterReader.Split split = frontMatterReader.read(source, diagnostics);
        Optional<NestingDepth.TooDeep> tooDeep = NestingDepth.find(split.body());
        if (tooDeep.isPresent()) {
            SourcePosition at = new SourcePosition(source.displayPath(), tooDeep.get().line(), tooDeep.get().column());
            diagnostics.cause(Diagnostic.error("markdown-depth", at,
                    "block quotes and lists are nested more than " + NestingDepth.MAX + " levels deep here",
                    "flatten the nesting: split the list or quote into sections with headings"));
            return null;
        }
        try {
            Document doc = markdown.parser().parse(split.body());
            AttributeFilter.filter(doc, source.displayPath(), diagnostics);
            UnclosedFences.warn(doc, source.displayPath(), diagnostics);
            return new ParsedPage(source, split.frontMatter(), doc);
        } catch (StackOverflowError e) {
            diagnostics.error("markdown-depth", SourcePosition.ofFile(source.displayPath()), "the Markdown is nested too deeply to parse",
                    "flatten deeply nested lists or block quotes");
            return null;
        }
    }
}

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
            // lists and quotes were measured above; what is left is a paragraph (or an HTML tag, emphasis…) so long or
            // so nested that flexmark's recursion or one of its patterns ran out of stack: name the block that does
            int line = overflowingBlock(split.body());
            SourcePosition at = line > 0 ? SourcePosition.of(source.displayPath(), line) : SourcePosition.ofFile(source.displayPath());
            diagnostics.error("markdown-depth", at, (line > 0 ? "this block" : "the Markdown")
                            + " is too long or too deeply nested for the Markdown parser (it ran out of stack)",
                    "split it into shorter paragraphs, and keep emphasis, links and HTML tags from nesting or running on for thousands of characters");
            return null;
        }
    }

    /**
     * The first line of the first block (lines between blank lines) that overflows the stack when parsed alone, or 0
     * when none does. Only run after the whole page overflowed, so it costs nothing on other pages.
     */
    private int overflowingBlock(String body) {
        String[] lines = body.split("\n", -1);
        StringBuilder block = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            boolean blank = i == lines.length || lines[i].isBlank();
            if (!blank) {
                if (block.isEmpty()) start = i + 1;
                block.append(lines[i]).append('\n');
                continue;
            }
            if (block.isEmpty()) continue;
            try {
                markdown.parser().parse(block.toString());
            } catch (StackOverflowError e) {
                return start;
            }
            block.setLength(0);
        }
        return 0;
    }
}

package dev.waymark.content;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's heading parser, asked only about lines that can be a heading. Its {@code tryStart} runs for every line
 * of a paragraph that does not start with a letter, and first of all calls {@code getParagraphContent()}, which
 * joins all the paragraph's lines so far into one sequence: a paragraph of n such lines cost O(n²) ({@code [abcd}
 * per line: 192 KB took 8 s). Both its patterns (ATX {@code ^#{1,6}…}, setext {@code ^(?:=+|-+)[ \t]*$}) need the
 * line's first non-space character to be {@code #}, {@code =} or {@code -}; for any other line its answer is
 * "none", given here without the join. Other lines go to flexmark's own factory, with the same dependencies, so the
 * order of block parsers is flexmark's.
 */
final class QuickHeadingFactory extends GatedBlockFactory {
    private QuickHeadingFactory() {
        super(new HeadingParser.Factory());
    }

    /** Replaces flexmark's core heading factory in {@code builder} by this one. */
    static Parser.Builder install(Parser.Builder builder) {
        return replace(builder, Parser.HEADING_PARSER, new QuickHeadingFactory());
    }

    /** Whether the line's first non-space character, at {@code first}, can start a heading: {@code #}, {@code =} or {@code -}. */
    @Override
    boolean asks(BasedSequence line, int first) {
        char c = first < line.length() ? line.charAt(first) : '\n';
        return c == '#' || c == '=' || c == '-';
    }
}

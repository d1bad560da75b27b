package dev.waymark.content;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's fenced code parser, not asked about a line its opening pattern refuses slowly. The pattern,
 * {@code ^`{3,}(?!.*`)|^~{3,}(?!.*~)}, takes the whole run of backticks or tildes and, when the same character
 * comes again later on the line, gives the run back one character at a time, reading the rest of the line each
 * time: a line of k tildes and then a tilde costs O(k²) ({@code ~~} nested 80,000 deep, a 160 KB line: 8.5 s). Each
 * shorter run is followed by the fence character itself, which the look-ahead finds at once, so the pattern matches
 * exactly when the run is 3 or longer and its character does not occur again before the line ends (the pattern's
 * {@code .} stops at any line terminator). A line that fails so is answered "none" here after one pass; every
 * other line goes to flexmark's own factory, with the same dependencies, so the order of block parsers is
 * flexmark's.
 */
final class QuickFenceFactory extends GatedBlockFactory {
    private QuickFenceFactory() {
        super(new FencedCodeBlockParser.Factory());
    }

    /** Replaces flexmark's core fenced code factory in {@code builder} by this one. */
    static Parser.Builder install(Parser.Builder builder) {
        return replace(builder, Parser.FENCED_CODE_BLOCK_PARSER, new QuickFenceFactory());
    }

    @Override
    boolean asks(BasedSequence line, int first) {
        return !refusedSlowly(line, first);
    }

    /** Whether the line holds a run of 3 or more backticks or tildes at {@code first} and the same character later. */
    static boolean refusedSlowly(BasedSequence line, int first) {
        int n = line.length();
        if (first >= n) return false;
        char c = line.charAt(first);
        if (c != '`' && c != '~') return false;
        int i = first;
        while (i < n && line.charAt(i) == c) i++;
        if (i - first < 3) return false;
        for (; i < n; i++) {
            char d = line.charAt(i);
            if (d == c) return true;
            if (d == '\n' || d == '\r' || d == '\u0085' || d == '\u2028' || d == '\u2029') return false;
        }
        return false;
    }
}

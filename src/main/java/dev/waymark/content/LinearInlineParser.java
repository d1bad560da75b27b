package dev.waymark.content;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.core.delimiter.EmphasisDelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser with its two regex helpers made linear. The stock {@code match} and
 * {@code matchWithGroups} call {@link Matcher#toMatchResult()}, which copies the whole paragraph into a String on
 * every match (JDK 17: {@code toMatchResult(text.toString())}). A link calls them several times, so a paragraph of
 * n links cost O(n²): 4.7 s at 50 KB, 226 s at 400 KB. Reading start and end from the matcher itself gives the same
 * sequences without the copy.
 * <p>
 * The second quadratic step is {@code processDelimiters(stackBottom)}, which a closing {@code ]} calls for the
 * emphasis inside the link. It looks for the first delimiter above {@code stackBottom} by walking back from the top
 * of the stack; when the link holds no delimiter, the top <em>is</em> {@code stackBottom}, and the walk goes down
 * the whole stack (every {@code *emph*} earlier in the paragraph) without finding one. Nothing is above it then, so
 * there is nothing to process, and the same result comes without the walk.
 * <p>
 * The third is an unmatched run of backticks: {@code parseBackticks} reads every later run in the paragraph looking
 * for one of the same length, so runs of 1, 2, 3, … backticks cost O(n^1.5) (a 2 MB line: 30 s). As in cmark, one
 * pass records where the last run of each length starts; an opening run with no run of its length after it is text
 * at once, exactly as flexmark would end up treating it.
 */
final class LinearInlineParser extends CommonmarkInlineParser {
    LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                       Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                       List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
    }

    /**
     * Installs the parser. flexmark adds its reference-definition pre-processor only for its own inline parser
     * factory, so it is added here too, after the extensions' pre-processors, as flexmark orders it.
     */
    static Parser.Builder install(Parser.Builder builder, DataHolder options) {
        builder.customInlineParserFactory(LinearInlineParser::new);
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(options)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
        return builder;
    }

    @Override
    public void processDelimiters(Delimiter stackBottom) {
        if (stackBottom != null && stackBottom == lastDelimiter) return;
        processFrom(stackBottom);
    }

    /**
     * flexmark's {@code processDelimiters}, with the lower bound of the search for openers kept as the CommonMark
     * spec keeps it for emphasis: per delimiter character, closer length modulo 3 and whether the closer can open
     * too. flexmark keeps one bound per character and moves it only when no opener of that character was seen at all,
     * so an opener refused by the "multiple of 3" rule (the {@code **} in {@code a**b c* c* c* …}) sent every later
     * closer down the whole stack again: O(n²), 49 s for a 240 KB line. Whether an emphasis opener fits a closer
     * depends only on those three things, so a closer of the same kind would be refused by the same openers. Other
     * delimiters (strikethrough, typographic quotes) keep flexmark's bound.
     */
    private void processFrom(Delimiter stackBottom) {
        Map<Character, Delimiter> openersBottom = new HashMap<>();
        Map<Integer, Delimiter> emphasisBottom = new HashMap<>();

        Delimiter closer = lastDelimiter;
        while (closer != null && closer.getPrevious() != stackBottom) {
            closer = closer.getPrevious();
        }

        while (closer != null) {
            char delimiterChar = closer.getDelimiterChar();
            DelimiterProcessor delimiterProcessor = delimiterProcessors.get(delimiterChar);
            if (!closer.canClose() || delimiterProcessor == null) {
                closer = closer.getNext();
                continue;
            }
            char openingDelimiterChar = delimiterProcessor.getOpeningCharacter();
            boolean emphasis = delimiterProcessor instanceof EmphasisDelimiterProcessor;
            int kind = (delimiterChar << 3) | (closer.canOpen() ? 4 : 0) | (closer.getNumDelims() % 3);
            Delimiter kindBottom = emphasis ? emphasisBottom.get(kind) : null;

            int useDelims = 0;
            boolean openerFound = false;
            boolean potentialOpenerFound = false;
            Delimiter opener = closer.getPrevious();
            while (opener != null && opener != stackBottom && opener != openersBottom.get(delimiterChar) && opener != kindBottom) {
                if (opener.canOpen() && opener.getDelimiterChar() == openingDelimiterChar) {
                    potentialOpenerFound = true;
                    useDelims = delimiterProcessor.getDelimiterUse(opener, closer);
                    if (useDelims > 0) {
                        openerFound = true;
                        break;
                    }
                }
                opener = opener.getPrevious();
            }
            // stopped at the bound of refused openers: they are still there below it, as flexmark would have seen
            if (!openerFound && opener != null && opener == kindBottom) potentialOpenerFound = true;

            if (!openerFound) {
                if (!potentialOpenerFound) {
                    openersBottom.put(delimiterChar, closer.getPrevious());
                    if (!closer.canOpen()) {
                        removeDelimiterKeepNode(closer);
                    }
                } else if (emphasis) {
                    emphasisBottom.put(kind, closer.getPrevious());
                }
                closer = closer.getNext();
                continue;
            }

            // a match changes the opener's length, and an opener refused before may fit now: search fully again
            emphasisBottom.clear();
            opener.setNumDelims(opener.getNumDelims() - useDelims);
            closer.setNumDelims(closer.getNumDelims() - useDelims);
            removeDelimitersBetween(opener, closer);
            opener.setNumDelims(opener.getNumDelims() + useDelims);
            closer.setNumDelims(closer.getNumDelims() + useDelims);
            delimiterProcessor.process(opener, closer, useDelims);
            opener.setNumDelims(opener.getNumDelims() - useDelims);
            closer.setNumDelims(closer.getNumDelims() - useDelims);

            if (opener.getNumDelims() == 0) {
                removeDelimiterAndNode(opener);
            } else {
                opener.getNode().setChars(opener.getNode().getChars().subSequence(0, opener.getNumDelims()));
            }

            if (closer.getNumDelims() == 0) {
                Delimiter next = closer.getNext();
                removeDelimiterAndNode(closer);
                closer = next;
            } else {
                BasedSequence chars = closer.getNode().getChars();
                int length = chars.length();
                closer.getNode().setChars(chars.subSequence(length - closer.getNumDelims(), length));
                closer.setIndex(closer.getIndex() + useDelims);
            }
        }

        while (lastDelimiter != null && lastDelimiter != stackBottom) {
            removeDelimiterKeepNode(lastDelimiter);
        }
    }

    /** The paragraph {@link #lastRunOfLength} was computed for. */
    private BasedSequence runsOf;
    /** For each length of a maximal backtick run, where the last such run starts. */
    private final Map<Integer, Integer> lastRunOfLength = new HashMap<>();

    @Override
    protected boolean parseBackticks() {
        int start = index;
        int end = start;
        while (end < input.length() && input.charAt(end) == '`') end++;
        if (end > start && lastRunStart(end - start) < end) {
            // flexmark's own ending when no closing run is found
            index = end;
            appendText(input.subSequence(start, end));
            return true;
        }
        return super.parseBackticks();
    }

    private int lastRunStart(int length) {
        if (runsOf != input) {
            runsOf = input;
            lastRunOfLength.clear();
            for (int i = 0; i < input.length(); ) {
                if (input.charAt(i) != '`') {
                    i++;
                    continue;
                }
                int j = i;
                while (j < input.length() && input.charAt(j) == '`') j++;
                lastRunOfLength.put(j - i, i);
                i = j;
            }
        }
        return lastRunOfLength.getOrDefault(length, -1);
    }

    /** Characters a backslash escapes, as flexmark's pattern {@code Escaping.ESCAPABLE} reads them (ASCII only). */
    private static final BitSet ESCAPABLE = new BitSet(128);

    static {
        Pattern escapable = Pattern.compile(Escaping.ESCAPABLE);
        for (char c = 0; c < 128; c++) {
            if (escapable.matcher(String.valueOf(c)).matches()) ESCAPABLE.set(c);
        }
    }

    /** The text {@link #titleEnds} describes: a paragraph, or the part of it a reference definition starts. */
    private BasedSequence titlesOf;
    /** The input last mapped onto {@link #titlesOf}, and where its first character is in it. */
    private BasedSequence titlesInput;
    private int titlesShift;
    /**
     * For titles opened by {@code "}, {@code '} and {@code (}: where a title whose text starts at position i of
     * {@link #titlesOf} ends (after its closer), or -1 for no title, for every i from {@link #titleEndsFrom} to its end.
     */
    private final int[][] titleEnds = new int[4][];
    private final int[] titleEndsFrom = new int[4];
    /** The closer of each kind of table: three titles, and a destination in angle brackets. */
    private static final String TABLE_CLOSERS = "\"')>";

    /**
     * flexmark's {@code parseLinkTitle} without its pattern. The pattern, {@code "(\\E|[^"\x00])*"} (and the same
     * with {@code '} and with {@code ( )}, E an escapable character), repeats a group with alternatives, which
     * {@code java.util.regex} matches with a few stack frames per character of the title; and where the closer comes
     * only escaped it backtracks out to the last {@code \"} and ends there, so every {@code ](} with a space after its
     * destination read the rest of the paragraph. {@code [a](b (\)} repeated 10,000 times took 45 s to parse, and
     * 20,000 times overflowed a 64 MB stack; a long title alone overflowed it too.
     * <p>
     * What the pattern matches from a position i depends on i alone, and its backtracking order gives it by one
     * recurrence: the closer ends the title at i + 1; NUL or the end of the input means no title; a backslash before
     * an escapable character ends the title where the pattern from i + 2 does, else (backtracking, the backslash
     * alone) where it does from i + 1; any other character, where it does from i + 1. Computed once per paragraph
     * from its end backwards, each title costs one look-up.
     */
    @Override
    public BasedSequence parseLinkTitle() {
        if (index >= input.length()) return null;
        char open = input.charAt(index);
        int kind = open == '"' ? 0 : open == '\'' ? 1 : open == '(' ? 2 : -1;
        if (kind < 0) return null;
        int end = titleEnd(kind, index + 1);
        if (end < 0) return null;
        BasedSequence title = input.subSequence(index, end);
        index = end;
        return title;
    }

    /**
     * flexmark's {@code parseLinkDestination} with a destination in angle brackets read without its pattern,
     * {@code <([^<> \t\n\\\x00]|\\E|\\)*>}, which took a few stack frames per character: a 400 KB destination
     * overflowed the build's 64 MB stack. What it matches follows the same recurrence as a title's (see
     * {@link #parseLinkTitle()}), with {@code >} as the closer and {@code <}, space, tab, newline and NUL ending it
     * without a match. Every other destination is read by flexmark's own hand-written parser, as before.
     */
    @Override
    public BasedSequence parseLinkDestination() {
        if (options.spaceInLinkUrls || linkDestinationParser == null) return super.parseLinkDestination();
        if (index < input.length() && input.charAt(index) == '<') {
            int end = titleEnd(3, index + 1);
            if (end >= 0) {
                BasedSequence destination = input.subSequence(index, end);
                index = end;
                return destination;
            }
        }
        BasedSequence match = linkDestinationParser.parseLinkDestination(input, index);
        index += match.length();
        return match;
    }

    private int titleEnd(int kind, int from) {
        if (input != titlesInput) {
            // flexmark reads each reference definition from a new sequence: the rest of the paragraph from it on
            titlesInput = input;
            if (titlesOf != null && isSuffix(input, titlesOf)) {
                titlesShift = titlesOf.length() - input.length();
            } else {
                titlesOf = input;
                titlesShift = 0;
                java.util.Arrays.fill(titleEnds, null);
            }
        }
        BasedSequence text = titlesOf;
        int length = text.length();
        int[] ends = titleEnds[kind];
        if (ends == null) {
            ends = titleEnds[kind] = new int[length + 1];
            ends[length] = -1;
            titleEndsFrom[kind] = length;
        }
        char closer = TABLE_CLOSERS.charAt(kind);
        boolean destination = kind == 3;
        int start = from + titlesShift;
        for (int i = titleEndsFrom[kind] - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (c == closer) ends[i] = i + 1;
            else if (c == '\0' || destination && (c == '<' || c == ' ' || c == '\t' || c == '\n')) ends[i] = -1;
            else if (c == '\\' && i + 1 < length && text.charAt(i + 1) < 128 && ESCAPABLE.get(text.charAt(i + 1))) {
                ends[i] = ends[i + 2] >= 0 ? ends[i + 2] : ends[i + 1];
            } else ends[i] = ends[i + 1];
        }
        titleEndsFrom[kind] = Math.min(titleEndsFrom[kind], start);
        return ends[start] < 0 ? -1 : ends[start] - titlesShift;
    }

    /** Whether {@code s} is the end of {@code of}: the same characters of the same source, from some point on. */
    private static boolean isSuffix(BasedSequence s, BasedSequence of) {
        int shift = of.length() - s.length();
        if (shift < 0 || s.getBaseSequence() != of.getBaseSequence() || s.getEndOffset() != of.getEndOffset()) return false;
        if (s.isEmpty()) return true;
        int last = s.length() - 1;
        return s.getIndexOffset(0) == of.getIndexOffset(shift) && s.getIndexOffset(last) == of.getIndexOffset(shift + last)
                && s.getIndexOffset(0) >= 0 && s.charAt(0) == of.charAt(shift);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher m = find(re);
        return m == null ? null : input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher m = find(re);
        if (m == null) return null;
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }

    private Matcher find(Pattern re) {
        if (index >= input.length()) return null;
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) return null;
        index = m.end();
        return m;
    }
}

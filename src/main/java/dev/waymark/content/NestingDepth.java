package dev.waymark.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first place where block quotes and list items are nested more than {@link #MAX} deep, before flexmark
 * sees the text. flexmark's block parser walks every open container for every line and re-scans the indentation in
 * each, so a list nested n deep costs about n³ (3,000 levels took over eight minutes), and rendering deep trees
 * recurses. No real page comes near the limit; markdown-it stops at 100 for the same reason.
 *
 * <p>The scan is a simplified CommonMark container pass, one step per character: a stack of open quotes and list
 * items (with the column their content starts at); each line first continues the open containers it is indented or
 * marked for, then opens new ones. Lines inside fenced code open nothing. It may count a level CommonMark would not
 * (a lazy continuation line), never fewer than it, so hostile text cannot slip past it.
 */
final class NestingDepth {
    static final int MAX = 64;

    /** Where nesting first goes past {@link #MAX}: a 1-based line and column in the text. */
    record TooDeep(int line, int column) {
    }

    private NestingDepth() {
    }

    /**
     * One open container: a block quote, or a list item whose marker and content start {@code marker} and
     * {@code content} columns after where its parent's content started on that line.
     */
    private record Open(boolean quote, int marker, int content) {
    }

    static Optional<TooDeep> find(String text) {
        return Optional.ofNullable(scan(text, MAX).tooDeep());
    }

    /** The deepest nesting anywhere in the text (for tests: it must never be less than flexmark's). */
    static int deepest(String text) {
        return scan(text, Integer.MAX_VALUE).deepest();
    }

    private record Scan(int deepest, TooDeep tooDeep) {
    }

    private static Scan scan(String text, int limit) {
        int deepest = 0;
        List<Open> open = new ArrayList<>();
        char fence = 0;
        int fenceLength = 0;
        int fenceDepth = 0;
        int lineNo = 1;
        boolean afterText = false;
        boolean inHtml = false;
        for (int start = 0; start <= text.length(); lineNo++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            Line line = new Line(text, start, end);
            int kept = 0;
            for (Open o : open) {
                if (o.quote()) {
                    if (!line.quoteMarker()) break;
                } else if (!line.blank() && !line.continuesItem(o.marker(), o.content())) {
                    break;
                }
                kept++;
            }
            boolean lazy = kept < open.size() && afterText && fence == 0 && !line.blank() && !line.startsBlock();
            if (!lazy) open.subList(kept, open.size()).clear();
            if (fence != 0 && kept < fenceDepth) fence = 0;
            if (lazy) {
                // a lazy continuation line: the paragraph, and every container around it, stays open
            } else if (fence != 0) {
                // Code opens nothing. But where this scan continued an item laxly, flexmark may have closed it and
                // the fence with it: then count what the line would open, without keeping it open.
                long p = line.mark();
                int extra = 0;
                for (int column = line.column() + 1; line.laxly && !line.thematicBreak() && (line.quoteMarker() || line.listMarker() >= 0);
                     column = line.column() + 1) {
                    extra++;
                    deepest = Math.max(deepest, open.size() + extra);
                    if (open.size() + extra > limit) return new Scan(deepest, new TooDeep(lineNo, column));
                }
                line.reset(p);
                if (line.closesFence(fence, fenceLength)) fence = 0;
            } else {
                while (!line.thematicBreak()) {
                    int parent = line.column();
                    int column = parent + 1;
                    if (line.quoteMarker()) {
                        open.add(new Open(true, 0, 0));
                    } else {
                        int marker = line.indentEnd();
                        int content = line.listMarker();
                        if (content < 0) break;
                        open.add(new Open(false, Math.min(marker, parent + 3) - parent, content - parent));
                    }
                    deepest = Math.max(deepest, open.size());
                    if (open.size() > limit) return new Scan(deepest, new TooDeep(lineNo, column));
                }
                if (line.blank()) inHtml = false;
                else if (line.charAtPos() == '<') inHtml = true;
                int run = inHtml ? 0 : line.fenceRun();
                if (run >= 3) {
                    fence = line.charAtPos();
                    fenceLength = run;
                    fenceDepth = open.size();
                }
            }
            afterText = fence == 0 && !line.blank();
            start = end + 1;
        }
        return new Scan(deepest, null);
    }

    /** A cursor over one line, counting columns with tabs to the next multiple of four as CommonMark does. */
    private static final class Line {
        private final String text;
        private final int end;
        private int pos;
        private int column;
        /** Whether a list item was continued with less indentation than CommonMark asks for. */
        private boolean laxly;

        Line(String text, int start, int end) {
            this.text = text;
            this.end = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            this.pos = start;
        }

        int column() {
            return column;
        }

        long mark() {
            return (long) pos << 32 | column;
        }

        void reset(long mark) {
            pos = (int) (mark >>> 32);
            column = (int) mark;
        }

        char charAtPos() {
            return pos < end ? text.charAt(pos) : 0;
        }

        /** Whether what follows opens a quote, list item, rule or fence, so the line cannot continue a paragraph lazily. */
        boolean startsBlock() {
            int p = pos;
            int c = column;
            boolean starts = thematicBreak() || quoteMarker() || listMarker() >= 0 || fenceRun() >= 3;
            pos = p;
            column = c;
            return starts;
        }

        boolean blank() {
            for (int i = pos; i < end; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t') return false;
            }
            return true;
        }

        /** The column after the spaces from here, without moving. */
        int indentEnd() {
            int col = column;
            for (int i = pos; i < end; i++) {
                char c = text.charAt(i);
                if (c == ' ') col++;
                else if (c == '\t') col += 4 - col % 4;
                else break;
            }
            return col;
        }

        /** Skips whitespace up to a column; a tab that reaches past it is only partly used, as in CommonMark. */
        private void skipSpaces(int maxColumn) {
            while (pos < end && column < maxColumn) {
                char c = text.charAt(pos);
                if (c == ' ') {
                    column++;
                } else if (c == '\t') {
                    int next = column + 4 - column % 4;
                    if (next > maxColumn) {
                        column = maxColumn;
                        return;
                    }
                    column = next;
                } else {
                    break;
                }
                pos++;
            }
        }

        /**
         * Continues a list item when the line is indented past its marker. CommonMark asks for the content column;
         * flexmark is laxer in places, and being laxer still only makes the count err high.
         */
        boolean continuesItem(int marker, int content) {
            int parent = column;
            int indent = indentEnd() - parent;
            if (indent <= marker) return false;
            if (indent < content) laxly = true;
            skipSpaces(parent + content);
            return true;
        }

        /** Skips the up to three columns of indentation a block may start after; false for four or more (code). */
        private boolean skipUpToThree() {
            if (indentEnd() - column > 3) return false;
            skipSpaces(column + 3);
            return true;
        }

        /** Consumes up to three spaces, a {@code >} and one optional space. */
        boolean quoteMarker() {
            int p = pos;
            int c = column;
            if (!skipUpToThree()) return false;
            if (pos < end && text.charAt(pos) == '>') {
                pos++;
                column++;
                // a tab after '>' counts as the one optional space here: columns after it come out lower than
                // CommonMark's, which only lets more lines continue, so the count errs high
                if (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                    pos++;
                    column++;
                }
                return true;
            }
            pos = p;
            column = c;
            return false;
        }

        /** Consumes a bullet or ordered list marker and the spaces after it; the content column, or -1 (nothing moved). */
        int listMarker() {
            int p = pos;
            int c = column;
            if (!skipUpToThree()) return -1;
            int i = pos;
            if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+' || text.charAt(i) == '*')) {
                i++;
            } else {
                int digits = 0;
                while (i < end && digits < 10 && Character.isDigit(text.charAt(i))) {
                    i++;
                    digits++;
                }
                if (digits == 0 || digits > 9 || i >= end || (text.charAt(i) != '.' && text.charAt(i) != ')')) i = -1;
                else i++;
            }
            if (i < 0 || (i < end && text.charAt(i) != ' ' && text.charAt(i) != '\t')) {
                pos = p;
                column = c;
                return -1;
            }
            column += i - pos;
            pos = i;
            int markerEnd = column;
            int spacesEnd = indentEnd();
            if (blank() || spacesEnd - markerEnd > 4) {
                // an empty item, or indented code after the marker: content starts one column after it
                skipSpaces(markerEnd + 1);
                return markerEnd + 1;
            }
            skipSpaces(spacesEnd);
            return spacesEnd;
        }

        /** {@code - - -}, {@code ***} and the like: a rule, not three list items. */
        boolean thematicBreak() {
            char kind = 0;
            int count = 0;
            for (int i = pos; i < end; i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t') continue;
                if (kind == 0 && (c == '-' || c == '*' || c == '_')) kind = c;
                if (c != kind) return false;
                count++;
            }
            return count >= 3;
        }

        /** The length of a ``` or ~~~ run that starts a fence here (after up to three spaces), else 0. */
        int fenceRun() {
            if (!skipUpToThree()) return 0;
            char c = charAtPos();
            if (c != '`' && c != '~') return 0;
            int i = pos;
            while (i < end && text.charAt(i) == c) i++;
            // flexmark opens no fence when the info string holds a backtick or tilde; taking fewer fences errs high
            String info = text.substring(i, end);
            if (info.indexOf('`') >= 0 || info.indexOf('~') >= 0) return 0;
            return i - pos;
        }

        boolean closesFence(char fence, int length) {
            skipSpaces(column + 3);
            int i = pos;
            while (i < end && text.charAt(i) == fence) i++;
            return i - pos >= length && text.substring(i, end).isBlank();
        }
    }
}

package dev.waymark.content;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The nesting pre-scan: where it stops, and that it never counts fewer levels than flexmark builds. */
class NestingDepthTest {
    private static final Markdown MARKDOWN = new Markdown();

    private static Optional<NestingDepth.TooDeep> at(int line, int column) {
        return Optional.of(new NestingDepth.TooDeep(line, column));
    }

    private static String list(int depth, String between) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.append("  ".repeat(i)).append("- item\n").append(between);
        return sb.toString();
    }

    @Test
    void sixtyFourLevelsAreAllowedAndTheSixtyFifthIsReportedAtItsMarker() {
        assertEquals(Optional.empty(), NestingDepth.find(list(64, "")));
        assertEquals(at(65, 129), NestingDepth.find(list(65, "")));
        assertEquals(Optional.empty(), NestingDepth.find(">".repeat(64) + " deep\n"));
        assertEquals(at(1, 65), NestingDepth.find(">".repeat(65) + " deep\n"));
        assertEquals(at(1, 129), NestingDepth.find("- > ".repeat(40) + "x\n"));
        assertEquals(at(2, 193), NestingDepth.find("text\r\n" + "1) ".repeat(21) + "9. ".repeat(50) + "x\r\n"));
    }

    @Test
    void lazyContinuationLinesDoNotResetTheCount() {
        // flexmark keeps every item open across "lazy", so each indented item goes one level deeper
        assertEquals(at(129, 129), NestingDepth.find(list(100, "lazy\n")));
    }

    @Test
    void rulesAndFencedCodeOpenNothing() {
        assertEquals(Optional.empty(), NestingDepth.find("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"));
        assertEquals(Optional.empty(), NestingDepth.find("```\n" + ">".repeat(100) + "\n" + list(100, "") + "```\n"));
        assertEquals(at(4, 65), NestingDepth.find("~~~\n" + ">".repeat(100) + "\n~~~\n" + ">".repeat(100) + "\n"));
    }

    private static int flexmarkDepth(Node node, int depth) {
        int d = node instanceof BlockQuote || node instanceof ListItem ? depth + 1 : depth;
        int max = d;
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) max = Math.max(max, flexmarkDepth(c, d));
        return max;
    }

    private static boolean bad(String t) {
        return NestingDepth.deepest(t) < flexmarkDepth(MARKDOWN.parser().parse(t), 0);
    }

    private static String shrink(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < lines.size(); i++) {
                List<String> less = new ArrayList<>(lines);
                less.remove(i);
                if (bad(String.join("\n", less))) { lines = less; changed = true; i--; }
            }
            for (int i = 0; i < lines.size(); i++) {
                for (int j = 0; j < lines.get(i).length(); j++) {
                    List<String> less = new ArrayList<>(lines);
                    less.set(i, lines.get(i).substring(0, j) + lines.get(i).substring(j + 1));
                    if (bad(String.join("\n", less))) { lines = less; changed = true; j--; }
                }
            }
        }
        String t = String.join("\n", lines);
        return NestingDepth.deepest(t) + " < " + flexmarkDepth(MARKDOWN.parser().parse(t), 0) + " for: " + t.replace("\t", "→").replace("\n", "⏎");
    }

    @Test
    void neverCountsFewerLevelsThanFlexmarkBuilds() {
        List<String> pieces = List.of("- ", "* ", "+ ", "1. ", "12) ", "> ", ">", "  ", "   ", "    ", "\t", "x", "-", "```", "~~~",
                "- - -", "***", "#", "", "<div>", "-\t", "1.", " > ");
        Random random = new Random(42);
        List<String> worse = new ArrayList<>();
        for (int doc = 0; doc < 3000; doc++) {
            StringBuilder sb = new StringBuilder();
            for (int line = random.nextInt(12); line >= 0; line--) {
                for (int p = random.nextInt(8); p >= 0; p--) sb.append(pieces.get(random.nextInt(pieces.size())));
                sb.append(random.nextInt(3) == 0 ? "\n" : " text\n");
            }
            String text = sb.toString();
            int flexmark = flexmarkDepth(MARKDOWN.parser().parse(text), 0);
            int ours = NestingDepth.deepest(text);
            if (ours < flexmark) worse.add(shrink(text));
        }
        assertEquals(List.of(), worse);
    }
}

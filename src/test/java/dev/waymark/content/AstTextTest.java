package dev.waymark.content;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AstTextTest {

    @Test
    void collapsesWhitespaceRunsExactlyLikeTheRegex() {
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003', '\u2014', '.'};
        Random random = new Random(42);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) sb.append(alphabet[random.nextInt(alphabet.length)]);
            String s = sb.toString();
            assertEquals(s.replaceAll("\\s+", " "), AstText.collapseSpaces(s), () -> "input " + s.chars().boxed().toList());
        }
    }

    @Test
    void returnsTheSameStringWhenNothingChanges() {
        String plain = "Already single spaced, with\u00A0a no-break space.";
        assertSame(plain, AstText.collapseSpaces(plain));
    }
}

package dev.waymark.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The parser's problems in plain words: no token of the parser's grammar reaches the reader. */
class YamlProblemTest {
    @Test
    void noParserTokenIsShown() {
        for (String parser : List.of("expected <block end>, but found '<block mapping start>'",
                "expected <block end>, but found '<block sequence start>'",
                "did not find expected <document start>", "expected <stream end>, but found '<scalar>'",
                "expected a mapping node, but found '<block entry>'")) {
            YamlProblem p = YamlProblem.of(parser);
            assertFalse(p.words().contains("<") || p.hint().contains("<"), parser + " -> " + p);
        }
    }

    @Test
    void aKeyIndentedUnderAValueIsToldFromAValueWithAColon() {
        assertEquals(new YamlProblem("`description:` is indented more than `title:` above it, so YAML reads it as part of the value of `title:`",
                "start `description:` in the same column as `title:`, with spaces", 3),
                YamlProblem.of("mapping values are not allowed here", "title: P\n  description: d\n", 1, 13));
        assertEquals("a value contains `: `, which YAML reads as a new key",
                YamlProblem.of("mapping values are not allowed here", "title: P\ndescription: it is: bad\n", 1, 18).words());
    }
}

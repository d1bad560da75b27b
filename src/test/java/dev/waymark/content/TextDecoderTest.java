package dev.waymark.content;

import dev.waymark.diag.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Invalid UTF-8 is reported where an editor shows it: the line and the character column of the first bad byte. */
class TextDecoderTest {
    private static final Path FILE = Path.of("content/a.md");

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    private static byte[] concat(String before, byte[] bad, String after) {
        byte[] a = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] c = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + bad.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(bad, 0, all, a.length, bad.length);
        System.arraycopy(c, 0, all, a.length + bad.length, c.length);
        return all;
    }

    @Test
    void theColumnCountsCharactersNotBytes() {
        // "é" is two bytes and "😀" four (two UTF-16 units, as every other column in Waymark counts them)
        assertEquals(new SourcePosition(FILE, 2, 5), TextDecoder.positionOfFirstInvalid(concat("one\néé😀", bytes(0xFF), "x\n"), FILE));
    }

    @Test
    void crlfCrAndABomCountAsTheDecodedTextDoes() {
        assertEquals(new SourcePosition(FILE, 3, 3), TextDecoder.positionOfFirstInvalid(concat("\uFEFFa\r\nb\rcd", bytes(0xC0, 0x80), ""), FILE));
        assertEquals(new SourcePosition(FILE, 1, 2), TextDecoder.positionOfFirstInvalid(concat("\uFEFFa", bytes(0xFE), ""), FILE));
    }

    @Test
    void aSequenceCutShortIsBadAtItsFirstByte() {
        // a valid "é" (C3 A9) before it, so a search over prefixes that are cut mid-character would go wrong
        assertEquals(new SourcePosition(FILE, 1, 3), TextDecoder.positionOfFirstInvalid(concat("é.", bytes(0xE2, 0x82), ""), FILE));
        assertEquals(new SourcePosition(FILE, 1, 2), TextDecoder.positionOfFirstInvalid(concat("é", bytes(0xE2, 0x82), "ok"), FILE));
        assertEquals(2, TextDecoder.firstInvalid(concat("é", bytes(0xE2, 0x82), "ok")));
    }
}

package dev.waymark.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageScannerTest {
    /**
     * A whole page is decoded by a CharsetDecoder straight into characters; a finding quotes what a reader sees, so it
     * must give exactly the characters {@code new String(bytes, UTF_8)} gives (what a page streamed over 1 MB gets),
     * bad bytes included: truncated, overlong and surrogate sequences, lone continuation bytes.
     */
    @Test
    void decodingAPageGivesTheCharactersOfItsString() throws IOException {
        byte[][] fixed = {
                {}, "plain".getBytes(StandardCharsets.UTF_8), "é€😀".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0x80, 'a', (byte) 0xBF}, {'a', (byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        };
        for (byte[] bytes : fixed) assertEquals(new String(bytes, StandardCharsets.UTF_8), read(PageScanner.decoded(bytes)));
        byte[] pieces = "aé€😀ÿ<".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(48)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : pieces[random.nextInt(pieces.length)];
            }
            assertEquals(new String(bytes, StandardCharsets.UTF_8), read(PageScanner.decoded(bytes)), () -> java.util.Arrays.toString(bytes));
        }
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[7];
        for (int n; (n = reader.read(buffer)) > 0; ) out.append(buffer, 0, n);
        return out.toString();
    }
}

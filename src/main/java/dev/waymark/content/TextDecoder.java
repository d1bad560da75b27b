package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Strict UTF-8 decoding: a BOM is dropped, CRLF and CR become LF, invalid bytes are an error at their line. */
public final class TextDecoder {
    private TextDecoder() {
    }

    /** The decoded text, or null after reporting an error. */
    public static String decode(byte[] bytes, Path file, Diagnostics diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalid(bytes);
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') line++;
            }
            diagnostics.cause(dev.waymark.diag.Diagnostic.error("encoding", SourcePosition.of(file, line), "the file is not valid UTF-8 (bad byte at offset " + bad + ")",
                    "save the file as UTF-8 in your editor"));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (text.indexOf('\0') >= 0) {
            text = text.replace('\0', '\uFFFD');
        }
        return text;
    }

    private static int firstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int lo = 0;
        int hi = bytes.length;
        // binary search the shortest failing prefix; cheap and exact enough for a message
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid + 1));
                lo = mid + 1;
            } catch (CharacterCodingException e) {
                hi = mid;
            }
        }
        return lo;
    }
}

package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
            diagnostics.cause(dev.waymark.diag.Diagnostic.error("encoding", positionOfFirstInvalid(bytes, file),
                    "the file is not valid UTF-8 (bad byte at offset " + firstInvalid(bytes) + ")",
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

    /**
     * Where the first invalid byte is, as an editor shows it: its line (LF, CRLF or CR ends a line, as in the decoded
     * text) and its column in characters (UTF-16 units, as every other column), not counting a leading BOM.
     */
    static SourcePosition positionOfFirstInvalid(byte[] bytes, Path file) {
        int bad = firstInvalid(bytes);
        int line = 1;
        int lineStart = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = lineStart; i < bad; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        // every byte before the bad one decodes, so this is the line's text up to it
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new SourcePosition(file, line, column);
    }

    /** The offset of the first byte that is not part of a valid UTF-8 sequence (the input is known to have one). */
    static int firstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) return in.position(); // the decoder stops at the start of the bad sequence
            if (r.isOverflow()) {
                out.clear();
            } else {
                r = decoder.flush(out);
                return r.isError() ? in.position() : bytes.length;
            }
        }
    }
}

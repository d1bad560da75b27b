package dev.waymark.render;

import gg.jte.TemplateOutput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Template output straight to UTF-8 bytes. The templates are compiled with binary static content, so their markup
 * arrives already encoded and is copied as is; only the values written into it are encoded here. A page written to
 * a {@code StringBuilder} instead turns UTF-16 at its first non-Latin-1 character (a typographic dash, an icon) and
 * then costs a widening copy per append and a slow encode at the end.
 */
final class Utf8Output implements TemplateOutput {
    /** Values at least this long, written whole, are encoded by the JDK's bulk encoder rather than char by char. */
    private static final int BULK = 64;
    private byte[] buf;
    private int len;

    Utf8Output(int capacity) {
        buf = new byte[capacity];
    }

    @Override
    public void writeContent(String value) {
        if (value.length() >= BULK) {
            writeBinaryContent(value.getBytes(StandardCharsets.UTF_8));
        } else {
            writeContent(value, 0, value.length());
        }
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        ensure(endIndex - beginIndex);
        byte[] b = buf;
        int n = len;
        int i = beginIndex;
        for (; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) break;
            b[n++] = (byte) c;
        }
        len = n;
        if (i < endIndex) {
            // the rest holds non-ASCII text: let the JDK encode it (surrogate pairs included) in one go
            writeBinaryContent(value.substring(i, endIndex).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buf, len, value.length);
        len += value.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}

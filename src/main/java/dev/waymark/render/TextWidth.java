package dev.waymark.render;

/**
 * How wide a line of text will be drawn, estimated at build time so that an SVG can wrap its labels without a font.
 * Printable ASCII uses the advance widths of DejaVu Sans (regular and bold), the default sans-serif on Linux and wider
 * than the system fonts of macOS, Windows, Android and iOS, so an estimate errs towards too wide. Other characters fall
 * into coarse classes: combining marks take no room, East Asian wide characters and emoji a full em, the rest a wide
 * letter's width.
 */
final class TextWidth {
    /** Advance widths in thousandths of an em, for U+0020 to U+007E. */
    private static final short[] REGULAR = {318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
            636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575,
            775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390,
            838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392,
            634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
    private static final short[] BOLD = {348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
            696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683,
            821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457,
            838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478,
            712, 652, 924, 645, 652, 582, 712, 365, 712, 838};

    private TextWidth() {
    }

    /** The drawn width of {@code text} in pixels at {@code size} pixels, bold or regular. */
    static double of(String text, double size, boolean bold) {
        long milli = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            milli += advance(c, bold);
            i += Character.charCount(c);
        }
        return milli * size / 1000.0;
    }

    private static int advance(int c, boolean bold) {
        if (c >= 0x20 && c <= 0x7e) return (bold ? BOLD : REGULAR)[c - 0x20];
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        if (wide(c)) return 1000;
        return bold ? 880 : 800;
    }

    /** East Asian wide and full-width characters, and the emoji planes. */
    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f000 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd)
                || (c >= 0x2600 && c <= 0x27bf);
    }

    /** The longest start of {@code text} that fits in {@code width} pixels, ending in "…" when cut. */
    static String fit(String text, double width, double size, boolean bold) {
        if (of(text, size, bold) <= width) return text;
        double room = width - of("\u2026", size, bold);
        int end = 0;
        double used = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            double w = advance(c, bold) * size / 1000.0;
            if (used + w > room) break;
            used += w;
            end += Character.charCount(c);
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }

    /**
     * Words wrapped to lines no wider than {@code width} pixels; a word too long for a line is broken inside. At most
     * {@code maxLines} lines; when the text goes on, the last one ends in "…".
     */
    static java.util.List<String> wrap(String text, double width, int maxLines, double size, boolean bold) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (of(candidate, size, bold) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (of(word, size, bold) > width) { // an unbroken word wider than a line: break it where the line ends
                int cut = 0;
                double used = 0;
                while (cut < word.length()) {
                    int c = word.codePointAt(cut);
                    double w = advance(c, bold) * size / 1000.0;
                    if (used + w > width && cut > 0) break;
                    used += w;
                    cut += Character.charCount(c);
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        if (lines.size() <= maxLines) return lines;
        java.util.List<String> out = new java.util.ArrayList<>(lines.subList(0, maxLines));
        String last = out.get(maxLines - 1);
        out.set(maxLines - 1, of(last + " \u2026", size, bold) <= width ? last + " \u2026" : fit(last + "\u2026\u2026", width, size, bold));
        return out;
    }
}

package dev.waymark.render.card;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws one 1200×630 social card with Java2D, headless: the guide's title, the page title and an optional one-line
 * summary, in the bundled DejaVu Sans so the pixels are the same on every machine. Long text wraps at word boundaries
 * (any script, right-to-left included) and the last allowed line ends in an ellipsis. Characters DejaVu Sans lacks
 * (CJK, most Indic scripts) fall back to the JVM's logical SansSerif font, which depends on the fonts installed:
 * such cards are deterministic on one machine, not across machines.
 */
public final class SocialCard {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    private static final int MARGIN = 80;
    private static final int TEXT_WIDTH = WIDTH - 2 * MARGIN;

    /**
     * What a card says.
     *
     * @param guide   the guide's (site's) title
     * @param title   the page title
     * @param summary one line about the page, or empty
     * @param site    where the guide lives, e.g. {@code example.org/guide}, or empty
     */
    public record Text(String guide, String title, String summary, String site) {
    }

    /** One line of text as laid out, with the characters it shows (for tests and for the ellipsis). */
    record Line(String text, TextLayout layout) {
    }

    static {
        System.setProperty("java.awt.headless", "true"); // before the first AWT class loads: no display is ever needed
    }

    private static final class Fonts {
        static final Font REGULAR = load("DejaVuSans.ttf");
        static final Font BOLD = load("DejaVuSans-Bold.ttf");

        private static Font load(String name) {
            try (InputStream in = Objects.requireNonNull(SocialCard.class.getResourceAsStream(name), name)) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("bundled font " + name + " is unreadable", e);
            }
        }
    }

    private SocialCard() {
    }

    /** The card as PNG bytes. ImageIO writes no time or text chunk, so the same text and style give the same bytes. */
    public static byte[] png(Text text, CardStyle style) {
        BufferedImage image = draw(text, style);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage draw(Text text, CardStyle style) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(style.background());
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(style.accent());
            g.fillRect(0, 0, WIDTH, 16);
            g.fillRect(MARGIN, 160, 96, 8);
            FontRenderContext frc = g.getFontRenderContext();
            g.setColor(style.muted());
            draw(g, lines(text.guide(), Fonts.BOLD.deriveFont(34f), true, 1, frc), MARGIN, 0);
            g.setColor(style.foreground());
            List<Line> title = lines(text.title(), Fonts.BOLD.deriveFont(66f), true, 3, frc);
            float y = draw(g, title, 200, 8);
            if (!text.summary().isBlank()) {
                g.setColor(style.muted());
                draw(g, lines(text.summary(), Fonts.REGULAR.deriveFont(34f), false, title.size() > 2 ? 1 : 2, frc), y + 20, 6);
            }
            if (!text.site().isBlank()) {
                g.setColor(style.accent());
                draw(g, lines(text.site(), Fonts.REGULAR.deriveFont(28f), false, 1, frc), HEIGHT - MARGIN - 28, 0);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws lines from {@code top}, each right-aligned when it reads right to left; returns the y under the last. */
    private static float draw(Graphics2D g, List<Line> lines, float top, float gap) {
        float y = top;
        for (Line line : lines) {
            TextLayout l = line.layout();
            y += l.getAscent();
            float x = l.isLeftToRight() ? MARGIN : MARGIN + TEXT_WIDTH - l.getAdvance();
            l.draw(g, x, y);
            y += l.getDescent() + l.getLeading() + gap;
        }
        return y;
    }

    /** {@code text} broken into at most {@code max} lines of the text width, the last one ellipsised if text remains. */
    static List<Line> lines(String text, Font font, boolean bold, int max, FontRenderContext frc) {
        String s = text.replaceAll("\\s+", " ").strip();
        List<Line> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        LineBreakMeasurer m = new LineBreakMeasurer(styled(s, font, bold).getIterator(), frc);
        while (m.getPosition() < s.length() && out.size() < max) {
            int start = m.getPosition();
            TextLayout layout = m.nextLayout(TEXT_WIDTH);
            if (out.size() == max - 1 && m.getPosition() < s.length()) {
                out.add(ellipsised(s.substring(start), font, bold, frc));
            } else {
                out.add(new Line(s.substring(start, m.getPosition()), layout));
            }
        }
        return out;
    }

    /** The longest start of {@code rest} that fits the width with "…" after it. */
    private static Line ellipsised(String rest, Font font, boolean bold, FontRenderContext frc) {
        int lo = 0;
        int hi = rest.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (layout(cut(rest, mid), font, bold, frc).getAdvance() <= TEXT_WIDTH) lo = mid;
            else hi = mid - 1;
        }
        String text = cut(rest, lo);
        return new Line(text, layout(text, font, bold, frc));
    }

    private static String cut(String s, int end) {
        if (end > 0 && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end).stripTrailing() + "\u2026";
    }

    private static TextLayout layout(String s, Font font, boolean bold, FontRenderContext frc) {
        return new TextLayout(styled(s, font, bold).getIterator(), frc);
    }

    /** The text in {@code font}, with runs the font cannot show in the logical SansSerif font instead. */
    private static AttributedString styled(String s, Font font, boolean bold) {
        AttributedString as = new AttributedString(s);
        as.addAttribute(TextAttribute.FONT, font);
        Font fallback = null;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!font.canDisplay(cp)) {
                if (fallback == null) {
                    fallback = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(font.getSize2D());
                }
                int end = next;
                while (end < s.length() && !font.canDisplay(s.codePointAt(end))) end += Character.charCount(s.codePointAt(end));
                as.addAttribute(TextAttribute.FONT, fallback, i, end);
                next = end;
            }
            i = next;
        }
        return as;
    }
}

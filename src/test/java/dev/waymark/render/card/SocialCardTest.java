package dev.waymark.render.card;

import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Social cards: their size, their bytes (the same twice, no metadata), their text layout, and the tags that name them. */
class SocialCardTest {
    static final Path MINI = Run.ROOT.resolve("src/test/resources/sites/mini/content");
    static final SocialCard.Text TEXT = new SocialCard.Text("Mini guide", "Alpha", "Everything in the box.", "example.org/guide");

    @Test
    void aCardIs1200By630InTheThemeColours() throws IOException {
        CardStyle style = new CardStyle(new Color(0x102030), Color.WHITE, new Color(0xff8800), Color.LIGHT_GRAY);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(SocialCard.png(TEXT, style)));
        assertEquals(1200, img.getWidth());
        assertEquals(630, img.getHeight());
        assertEquals(0xff8800, img.getRGB(600, 4) & 0xffffff, "accent bar");
        assertEquals(0x102030, img.getRGB(1190, 620) & 0xffffff, "background");
    }

    @Test
    void theSameTextGivesTheSameBytesWithNoTimeOrTextChunks() {
        byte[] a = SocialCard.png(TEXT, CardStyle.DEFAULT);
        byte[] b = SocialCard.png(TEXT, CardStyle.DEFAULT);
        assertArrayEquals(a, b);
        List<String> chunks = chunks(a);
        assertEquals("IHDR", chunks.get(0));
        assertEquals("IEND", chunks.get(chunks.size() - 1));
        for (String c : chunks) assertTrue(List.of("IHDR", "IDAT", "IEND").contains(c), "unexpected chunk " + c);
        assertFalse(java.util.Arrays.equals(a, SocialCard.png(new SocialCard.Text("Mini guide", "Beta", "", ""), CardStyle.DEFAULT)));
    }

    @Test
    void longTitlesWrapAndEndInAnEllipsisInAnyScript() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(66f);
        for (String words : List.of("decision ", "Решение о выборе ", "قرار الاختيار ", "決定の選択")) {
            String title = words.repeat(40);
            List<SocialCard.Line> lines = SocialCard.lines(title, font, true, 3, frc);
            assertEquals(3, lines.size(), words);
            for (SocialCard.Line l : lines) {
                assertTrue(l.layout().getAdvance() <= 1040.5f, words + " line fits: " + l.layout().getAdvance());
                assertFalse(l.text().isBlank(), words);
            }
            assertTrue(lines.get(2).text().endsWith("\u2026"), words + " last line ends in an ellipsis: " + lines.get(2).text());
            assertFalse(lines.get(0).text().endsWith("\u2026"), words);
            assertTrue(title.startsWith(lines.get(0).text()), words + " the first line is the start of the title");
        }
        List<SocialCard.Line> shortTitle = SocialCard.lines("Alpha", font, true, 3, frc);
        assertEquals(List.of("Alpha"), shortTitle.stream().map(SocialCard.Line::text).toList());
    }

    @Test
    void themeYamlSetsTheColoursAndDefaultsFillTheRest(@TempDir Path tmp) throws IOException {
        Path child = Files.createDirectories(tmp.resolve("child"));
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        Files.writeString(child.resolve("theme.yaml"), "extends: parent\ncard:\n  background: \"#000000\"\n");
        Files.writeString(parent.resolve("theme.yaml"), "card:\n  background: \"#ffffff\"\n  accent: \"#123456\"\n");
        CardStyle style = CardStyle.read(List.of(child, parent));
        assertEquals(new CardStyle(Color.BLACK, CardStyle.DEFAULT.foreground(), new Color(0x123456), CardStyle.DEFAULT.muted()), style);
    }

    @Test
    void everyPageHasACardAndTheTagsThatNameIt(@TempDir Path tmp) throws IOException {
        Path first = build(MINI, tmp.resolve("one"), tmp.resolve("cache-one"));
        Path second = build(MINI, tmp.resolve("two"), tmp.resolve("cache-two"));
        int pages = 0;
        for (Path html : Run.pageFiles(first)) {
            String rel = first.relativize(html).toString().replace('\\', '/');
            if (rel.equals("404.html") || rel.equals("search/index.html")) continue;
            String dir = rel.substring(0, rel.length() - "index.html".length());
            Document doc = Run.html(html);
            assertEquals("https://example.org/guide/" + dir + "card.png", doc.select("meta[property=og:image]").attr("content"), rel);
            assertEquals("1200", doc.select("meta[property=og:image:width]").attr("content"), rel);
            assertEquals("630", doc.select("meta[property=og:image:height]").attr("content"), rel);
            assertFalse(doc.select("meta[property=og:image:alt]").attr("content").isBlank(), rel);
            assertEquals("summary_large_image", doc.select("meta[name=twitter:card]").attr("content"), rel);
            byte[] card = Files.readAllBytes(first.resolve(dir + "card.png"));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(card));
            assertEquals(1200, img.getWidth(), rel);
            assertEquals(630, img.getHeight(), rel);
            assertArrayEquals(card, Files.readAllBytes(second.resolve(dir + "card.png")), rel + ": two builds, two caches, same bytes");
            pages++;
        }
        assertEquals(6, pages);
        assertEquals("Alpha \u2014 Mini guide: Everything in the box.",
                Run.html(first.resolve("tools/alpha/index.html")).select("meta[property=og:image:alt]").attr("content"));
        try (Stream<Path> cached = Files.list(tmp.resolve("cache-one"))) {
            assertEquals(6, cached.filter(p -> p.toString().endsWith(".png")).count(), "each card is cached");
        }
        Path third = build(MINI, tmp.resolve("three"), tmp.resolve("cache-one"));
        assertArrayEquals(Files.readAllBytes(first.resolve("tools/alpha/card.png")), Files.readAllBytes(third.resolve("tools/alpha/card.png")));
    }

    @Test
    void cardsFalseSkipsThem(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        Run.copyTree(MINI, content);
        Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "cards: false\n");
        Path site = build(content, tmp.resolve("site"), tmp.resolve("cache"));
        assertFalse(Files.exists(site.resolve("card.png")));
        assertFalse(Files.exists(site.resolve("tools/alpha/card.png")));
        Document doc = Run.html(site.resolve("tools/alpha/index.html"));
        assertTrue(doc.select("meta[property=og:image], meta[name=twitter:card]").isEmpty());
        assertFalse(Files.exists(tmp.resolve("cache")) && Files.list(tmp.resolve("cache")).findAny().isPresent());
    }

    private static Path build(Path content, Path out, Path cache) {
        String before = System.getProperty("waymark.cards.cache");
        System.setProperty("waymark.cards.cache", cache.toString());
        try {
            // no build cache: a page taken from it brings its card along, and this test is about drawing and the card cache
            Run.Outcome r = Run.build(content, out, "--quiet", "--no-cache");
            assertEquals(0, r.exitCode(), r.err());
            return out;
        } finally {
            if (before == null) System.clearProperty("waymark.cards.cache");
            else System.setProperty("waymark.cards.cache", before);
        }
    }

    private static List<String> chunks(byte[] png) {
        List<String> out = new ArrayList<>();
        int i = 8;
        while (i + 8 <= png.length) {
            int len = ((png[i] & 0xff) << 24) | ((png[i + 1] & 0xff) << 16) | ((png[i + 2] & 0xff) << 8) | (png[i + 3] & 0xff);
            out.add(new String(png, i + 4, 4, StandardCharsets.US_ASCII));
            i += 12 + len;
        }
        return out;
    }
}

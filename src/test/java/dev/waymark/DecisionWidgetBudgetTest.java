package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision widget's weight: its script plus its CSS (the {@code decision:start} … {@code decision:end} blocks of the
 * theme's screen and print stylesheets), gzipped at the default level, stays at or under 8 KB.
 */
class DecisionWidgetBudgetTest {
    static final int BUDGET = 8 * 1024;

    static String block(Path css) throws IOException {
        String text = Files.readString(css);
        int start = text.indexOf("/* decision:start");
        int end = text.indexOf("/* decision:end */");
        assertTrue(start >= 0 && end > start, "markers in " + css);
        return text.substring(start, end);
    }

    static int gzipped(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.size();
    }

    @Test
    void scriptAndStylesFitInEightKilobytesGzipped() throws IOException {
        Path assets = Run.THEMES.resolve("default/assets");
        // decision.js reads its interface text through theme.js (window.wmText), so the widget carries both
        String js = Files.readString(assets.resolve("theme.js")) + Files.readString(assets.resolve("decision.js"));
        String css = block(assets.resolve("style.css")) + block(assets.resolve("print.css"));
        int size = gzipped(js + css);
        System.out.println("decision widget: " + gzipped(js) + " B js + " + gzipped(css) + " B css gzipped apart; "
                + size + " B together (budget " + BUDGET + " B)");
        assertTrue(size <= BUDGET, "decision widget is " + size + " bytes gzipped; the budget is " + BUDGET);
        assertTrue(js.length() > 1000 && css.length() > 500, "the blocks measured are the real ones");
    }
}

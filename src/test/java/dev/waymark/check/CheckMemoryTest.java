package dev.waymark.check;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} reads a page in memory that does not grow with the page (issue 14: a 100 MB page took 5.6 GB). A
 * 30 MB page with one finding is checked in a child JVM whose heap (32 MB) is smaller than the page itself,
 * and the finding is reported at its line. A memory bound, not a timing.
 */
class CheckMemoryTest {
    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Big</title>\n"
            + "<meta name=\"description\" content=\"One very large page.\">\n</head>\n<body>\n<h1>Big</h1>\n";

    @Test
    void aThirtyMegabytePageIsCheckedInAThirtyTwoMegabyteHeap(@TempDir Path site) throws Exception {
        Written page = page(site.resolve("index.html"), 30L << 20);
        Files.writeString(site.resolve("other.html"), HEAD.replace("Big", "Other") + "<a href=\"index.html\">home</a>\n</body>\n</html>\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), "dev.waymark.cli.Waymark", "check", site.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "check did not end"); // a hang guard, not a speed check
        assertEquals("index.html:" + page.brokenLine() + ":1: error: a href \"missing.html\" points to a file that does not exist [broken-link]\n"
                + "1 error, 0 warnings in 2 pages; " + (page.links() + 1) + " internal references checked; 0 external links (not fetched)\n", out);
        assertEquals(1, p.exitValue(), out);
    }

    /** A written page: the line of its one broken link, and how many links it has. */
    private record Written(int brokenLine, int links) {
    }

    /** Writes a page of about {@code bytes} with one broken link. */
    private static Written page(Path file, long bytes) throws IOException {
        String filler = "Filler words to make it long. ".repeat(20);
        long size = 0;
        int line = HEAD.split("\n").length;
        int links = 1;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEAD);
            for (int k = 0; k < 100; k++) {
                w.write("<h2 id=\"s" + k + "\">Section " + k + "</h2>\n");
                line++;
            }
            for (int i = 0; size < bytes; i++) {
                String p = "<p>Paragraph " + i + " with <em>emphasis</em>, <code>code</code>, a link to <a href=\"#s" + (i % 100)
                        + "\">section " + (i % 100) + "</a> and <a href=\"other.html\">the other page</a>. " + filler + "</p>\n";
                w.write(p);
                size += p.length();
                line++;
                links += 2;
            }
            w.write("<p><a href=\"missing.html\">the one broken link</a></p>\n</body>\n</html>\n");
        }
        return new Written(line + 1, links);
    }
}

package dev.waymark.support;

import dev.waymark.write.SiteWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mini fixture guide ({@code src/test/resources/sites/mini}), built once per test JVM for the tests that only read
 * what it built (structure, structured data), instead of each test class building the same site the same way.
 */
public final class MiniSite {
    public static final Path CONTENT = Run.ROOT.resolve("src/test/resources/sites/mini/content");
    private static Path built;

    private MiniSite() {
    }

    /** The built site, read-only for its users; removed when the JVM exits. */
    public static synchronized Path built() {
        if (built == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("waymark-mini-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> SiteWriter.deleteTree(dir)));
            Path site = dir.resolve("site");
            Run.Outcome r = Run.build(CONTENT, site, "--quiet");
            assertEquals(0, r.exitCode(), r.err());
            built = site;
        }
        return built;
    }
}

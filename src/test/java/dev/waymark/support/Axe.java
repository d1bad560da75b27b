package dev.waymark.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * axe-core's script for the accessibility checks. It comes from the npm registry, pinned by .ci/package-lock.json
 * (no axe-core webjar is served from the Maven registry this project can reach). A missing copy fails the test: an
 * accessibility test that returns early passes by checking nothing.
 */
public final class Axe {
    public static final Path SCRIPT = Run.ROOT.resolve(".ci/node_modules/axe-core/axe.min.js");

    private Axe() {
    }

    public static String script() throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException("axe-core is not installed: run `cd .ci && npm ci` (.ci/run does)");
        }
        return Files.readString(SCRIPT);
    }
}

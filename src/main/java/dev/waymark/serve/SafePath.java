package dev.waymark.serve;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a request path to a file inside the site, or refuses it. The path is decoded exactly once; a result with
 * {@code ..}, a backslash, a NUL or a control character is refused, and the real path (symlinks resolved) must stay
 * inside the site's real root.
 */
final class SafePath {
    private SafePath() {
    }

    /** The decoded path relative to the site root, or empty when the request must be refused. */
    static Optional<String> decode(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!decoded.startsWith("/")) return Optional.empty();
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) return Optional.empty();
        }
        for (String seg : decoded.split("/")) {
            if (seg.equals("..") || seg.equals(".")) return Optional.empty();
        }
        return Optional.of(decoded.substring(1));
    }

    /** The real file for a relative path, if it exists inside {@code root} once symlinks are resolved. */
    static Optional<Path> resolve(Path root, String rel) {
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(rel).normalize();
            if (!candidate.startsWith(realRoot) || !Files.exists(candidate)) return Optional.empty();
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

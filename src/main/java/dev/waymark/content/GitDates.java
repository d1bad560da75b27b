package dev.waymark.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * "Last updated" dates from git history, for every file at once: one {@code git log} call for the whole build.
 * Without git, outside a repository, or for an uncommitted file, there is simply no date.
 */
public final class GitDates {
    private GitDates() {
    }

    /** Content-relative path (e.g. {@code profiles/option-a.md}) to the ISO date of the last commit touching it. */
    public static Map<String, String> read(Path contentDir) {
        Map<String, String> dates = new HashMap<>();
        Path dir = contentDir.toAbsolutePath().normalize();
        try {
            Process p = new ProcessBuilder("git", "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only",
                    "--relative", "--no-renames", "--", ".")
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            String date = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("\0")) {
                        date = line.substring(1).strip();
                    } else if (!line.isBlank() && date != null) {
                        dates.putIfAbsent(line.strip(), date);
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Map.of();
            }
            return p.exitValue() == 0 ? Map.copyOf(dates) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}

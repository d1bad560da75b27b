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
    /**
     * The last commit that touched a file.
     *
     * @param date    ISO date of the commit, e.g. {@code 2026-03-02}
     * @param time    the commit's time in strict ISO 8601 with its offset, e.g. {@code 2026-03-02T10:00:00+00:00}
     * @param subject the first line of the commit message: the summary of the change
     */
    public record Change(String date, String time, String subject) {
    }

    private GitDates() {
    }

    /** Content-relative path (e.g. {@code profiles/option-a.md}) to the ISO date of the last commit touching it. */
    public static Map<String, String> read(Path contentDir) {
        return dates(changes(contentDir));
    }

    /** The dates of {@link #changes}, by content-relative path. */
    public static Map<String, String> dates(Map<String, Change> changes) {
        Map<String, String> dates = new HashMap<>();
        changes.forEach((path, change) -> dates.put(path, change.date()));
        return Map.copyOf(dates);
    }

    /** Content-relative path to the last commit touching it. */
    public static Map<String, Change> changes(Path contentDir) {
        Map<String, Change> changes = new HashMap<>();
        Path dir = contentDir.toAbsolutePath().normalize();
        try {
            Process p = new ProcessBuilder("git", "-c", "core.quotepath=off", "log", "--format=%x00%cs%x00%cI%x00%s",
                    "--name-only", "--relative", "--no-renames", "--", ".")
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            Change change = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("\0")) {
                        String[] parts = line.substring(1).split("\0", 3);
                        change = new Change(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "",
                                parts.length > 2 ? parts[2].strip() : "");
                    } else if (!line.isBlank() && change != null) {
                        changes.putIfAbsent(line.strip(), change);
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Map.of();
            }
            return p.exitValue() == 0 ? Map.copyOf(changes) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}

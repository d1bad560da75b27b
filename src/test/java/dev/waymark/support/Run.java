package dev.waymark.support;

import dev.waymark.cli.Waymark;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real CLI in-process, exactly as the launcher does, and captures its output. */
public final class Run {
    public static final Path ROOT = Path.of(System.getProperty("waymark.root", ".")).toAbsolutePath();
    public static final Path THEMES = ROOT.resolve("themes");
    public static final Path GUIDE = ROOT.resolve("content");

    /** Exit code and captured streams of one command. */
    public record Outcome(int exitCode, String out, String err) {
    }

    private Run() {
    }

    public static Outcome waymark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Waymark.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Builds {@code content} into {@code out} with the shipped themes. */
    public static Outcome build(Path content, Path out, String... extra) {
        String[] base = {"build", "--content", content.toString(), "--out", out.toString(), "--themes", THEMES.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return waymark(all);
    }

    public static Document html(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .html file under a folder, sorted. */
    public static List<Path> htmlFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The site's pages: every .html file but the decision widget's embed pages ({@code <html class="embed">}), which
     * are deliberately bare (no nav, feed, copies or structured data) and {@code noindex}.
     */
    public static List<Path> pageFiles(Path dir) {
        return htmlFiles(dir).stream().filter(p -> html(p).select("html.embed").isEmpty()).toList();
    }

    /**
     * A small guide written for one test: {@code folder/content} with a minimal site.yaml and the given pages, as
     * pairs of a path under the content folder and its text. Returns the content folder.
     */
    public static Path guide(Path folder, String... pathsAndTexts) {
        Path content = folder.resolve("content");
        try {
            Files.createDirectories(content);
            Files.writeString(content.resolve("site.yaml"), "title: T\nbase_url: https://example.org/\n");
            for (int i = 0; i < pathsAndTexts.length; i += 2) {
                Path file = content.resolve(pathsAndTexts[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndTexts[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return content;
    }

    /** Copies a folder tree (used to edit fixture content without touching the originals). */
    public static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.waymark;

import dev.waymark.diag.Diagnostic;
import dev.waymark.support.Run;
import dev.waymark.write.SiteWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole pipeline on the bundled guide with one page broken at random: a deleted, repeated or swapped line, a
 * file cut short, a hostile fragment dropped anywhere (an unclosed bracket, a fence, a front-matter fence, raw HTML, a
 * NUL, a bidi control, a deep nesting), or bytes that are not UTF-8. Whatever the damage, the build ends: no exception
 * escapes, every problem points into a file that exists, at a line and column inside it, a build that reports an error
 * writes nothing, and one that writes has a home page. The seeds are fixed, so a red run names its mutation and can be
 * replayed; {@code WAYMARK_MUTATIONS=N} runs more of them, and {@code WAYMARK_MUTATION_SEED=S} starts at seed S.
 */
class MutatedGuideTest {
    private static final String[] FRAGMENTS = {
            "[", "](", "]: ", "![x](", "---\n", "```\n", "~~~", ":::\n", "{#", "{#x}", "<div>", "</div>", "<script>alert(1)</script>",
            "\t", "\u0000", "\uFEFF", "\u202E", "[[", "> [!", "> [!NOTE]\n", "|", "| a |\n|---|\n", "- [ ] ", "# ", "######## ", "\\",
            "&#0;", "<!--", "-->", "*", "**", "_", "`", "<https://", "[a](#missing)", "[a](missing.md)", "[a](../../../etc/passwd)",
            "[a](javascript:alert(1))", "<img src=x onerror=alert(1)>", "title: \"\n", ": ", "- ", "  - ", "\n\n", "\r", "\r\n",
            "[".repeat(3000), ">".repeat(300) + " deep\n", "- ".repeat(200) + "deep\n", "*".repeat(2000), "`".repeat(500),
            "<".repeat(1000), "{{", "}}", "$$", "\u2028", "type: decision\n", "type: profile\n", "weight: x\n", "slug: /\n",
    };

    /** Seeds that once found a defect, run every time: 222 put "-->" into a link's anchor (an internal failure, exit 3). */
    private static final List<Integer> FOUND = List.of(222);

    @Test
    void theBundledGuideEndsInPositionedProblemsOrASite(@TempDir Path tmp) throws IOException {
        mutations(Run.GUIDE, tmp, 60, FOUND);
    }

    /** The guide {@code waymark init} writes: what a new author starts from and breaks first. */
    @Test
    void aNewGuideEndsInPositionedProblemsOrASite(@TempDir Path tmp) throws IOException {
        Path guide = tmp.resolve("new-guide");
        Run.Outcome init = Run.waymark("init", guide.toString());
        assertEquals(0, init.exitCode(), init.err());
        mutations(guide.resolve("content"), tmp, 40, List.of());
    }

    private void mutations(Path source, Path tmp, int defaultCount, List<Integer> found) throws IOException {
        int count = Integer.parseInt(System.getenv().getOrDefault("WAYMARK_MUTATIONS", Integer.toString(defaultCount)));
        Path pristine = tmp.resolve("pristine");
        Run.copyTree(source, pristine);
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(pristine)) {
            pages = walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int first = Integer.parseInt(System.getenv().getOrDefault("WAYMARK_MUTATION_SEED", "1"));
        List<Integer> seeds = new ArrayList<>(found);
        for (int seed = first; seed < first + count; seed++) seeds.add(seed);
        for (int seed : seeds) {
            Random rng = new Random(seed);
            Path content = tmp.resolve("content-" + seed);
            Run.copyTree(pristine, content);
            Path page = content.resolve(pristine.relativize(pages.get(rng.nextInt(pages.size()))));
            String what = "seed " + seed + ", " + mutate(page, rng);
            Path out = tmp.resolve("out-" + seed);
            try {
                Pipeline.Result result = new Pipeline().build(new Pipeline.Options(content, out, Run.THEMES, "", false));
                check(result, content, out, what, failures);
            } catch (RuntimeException | StackOverflowError e) {
                StringBuilder trace = new StringBuilder();
                for (StackTraceElement f : java.util.Arrays.copyOf(e.getStackTrace(), Math.min(10, e.getStackTrace().length))) trace.append("\n    at ").append(f);
                failures.add(what + ": " + e + trace);
            }
            SiteWriter.deleteTree(content);
            SiteWriter.deleteTree(out);
        }
        if (!failures.isEmpty()) fail(failures.size() + " of " + seeds.size() + " mutations:\n" + String.join("\n", failures));
        assertTrue(count > 0);
    }

    /** Breaks one file in one way; says how, so a failure can be read and replayed. */
    private static String mutate(Path file, Random rng) throws IOException {
        String rel = file.getFileName().toString();
        String text = Files.readString(file);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = rng.nextInt(lines.size());
        switch (rng.nextInt(7)) {
            case 0 -> {
                lines.remove(at);
                Files.writeString(file, String.join("\n", lines));
                return rel + ": line " + (at + 1) + " deleted";
            }
            case 1 -> {
                lines.add(at, lines.get(at));
                Files.writeString(file, String.join("\n", lines));
                return rel + ": line " + (at + 1) + " repeated";
            }
            case 2 -> {
                int other = rng.nextInt(lines.size());
                String a = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, a);
                Files.writeString(file, String.join("\n", lines));
                return rel + ": lines " + (at + 1) + " and " + (other + 1) + " swapped";
            }
            case 3 -> {
                int cut = rng.nextInt(text.length() + 1);
                Files.writeString(file, text.substring(0, cut));
                return rel + ": cut at character " + cut;
            }
            case 4 -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                int i = rng.nextInt(bytes.length);
                bytes[i] = (byte) (0x80 | rng.nextInt(0x80));
                Files.write(file, bytes);
                return rel + ": byte " + i + " set to a lone continuation byte";
            }
            default -> {
                String fragment = FRAGMENTS[rng.nextInt(FRAGMENTS.length)];
                int pos = rng.nextInt(text.length() + 1);
                Files.writeString(file, text.substring(0, pos) + fragment + text.substring(pos));
                String shown = fragment.length() > 12 ? fragment.substring(0, 12) + "… (" + fragment.length() + " chars)" : fragment;
                return rel + ": " + escape(shown) + " inserted at character " + pos;
            }
        }
    }

    private static void check(Pipeline.Result result, Path content, Path out, String what, List<String> failures) throws IOException {
        for (Diagnostic d : result.diagnostics()) {
            Path file = d.at().file().isAbsolute() ? d.at().file() : Path.of("").toAbsolutePath().resolve(d.at().file());
            if (!Files.isRegularFile(file)) {
                failures.add(what + ": points at a file that does not exist: " + d.format());
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            // lines end as CommonMark's do (and Waymark counts them): LF, CRLF or a lone CR
            String[] lines = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            int line = d.at().line();
            if (line < 1 || line > lines.length) {
                failures.add(what + ": line " + line + " of a " + lines.length + "-line file: " + d.format());
            } else if (d.at().column() < 1 || d.at().column() > lines[line - 1].length() + 1) {
                failures.add(what + ": column " + d.at().column() + " of a " + lines[line - 1].length() + "-character line: " + d.format());
            }
        }
        if (result.failed()) {
            assertFalse(result.written(), what + ": a build with an error wrote the site");
            assertFalse(Files.exists(out.resolve("index.html")), what + ": a build with an error left a site");
        } else {
            assertTrue(result.written(), what + ": no error, yet nothing written: " + result.diagnostics());
            assertTrue(Files.isRegularFile(out.resolve("index.html")), what + ": written without a home page");
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x202e || c == 0xfeff
                ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return b.toString();
    }
}

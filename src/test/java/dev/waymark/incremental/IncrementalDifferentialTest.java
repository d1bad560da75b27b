package dev.waymark.incremental;

import dev.waymark.Pipeline;
import dev.waymark.cache.BuildCache;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test of the incremental build: a generated site takes a seeded random sequence of edits, renames,
 * deletions, new files, drafts, slugs, configuration and theme changes; after each step the incremental output must
 * equal a clean build of the same input, byte for byte over the whole tree, with the same diagnostics.
 */
class IncrementalDifferentialTest {
    private static final int STEPS = 25;
    @TempDir
    Path tmp;

    private Path content;
    private Path themes;
    private Random rng;
    private final List<String> stable = new ArrayList<>();
    private int counter;
    private boolean cleanBefore = true;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyStepMatchesACleanBuild(long seed) throws IOException {
        rng = new Random(seed);
        content = tmp.resolve("content");
        themes = tmp.resolve("themes");
        Run.copyTree(Run.ROOT.resolve("src/test/resources/sites/mini/content"), content);
        Run.copyTree(Run.THEMES, themes);
        generate();
        Pipeline.Options live = new Pipeline.Options(content, tmp.resolve("live"), themes, "", false);
        int bodyOnly = 0;
        try (IncrementalBuild build = new IncrementalBuild(live)) {
            compare(build, build.update(null), "initial build");
            for (int step = 0; step < STEPS; step++) {
                Op op = step == 2 ? Op.BREAK_ANCHOR : step == 5 ? Op.BAD_YAML : step == 8 ? Op.DRAFT_TARGET
                        : rng.nextInt(4) == 0 ? (rng.nextBoolean() ? Op.BODY : Op.BODY_MIDDLE) : Op.values()[rng.nextInt(Op.values().length)];
                Set<Path> changed = apply(op);
                Pipeline.Result result = build.update(changed);
                compare(build, result, "step " + step + " (" + op + ")");
                if (op == Op.BAD_YAML || op == Op.DRAFT_TARGET) {
                    compare(build, build.update(undoBreak()), "step " + step + " (undo " + op + ")");
                    cleanBefore = true;
                    continue;
                }
                if (op == Op.BREAK_LINK) {
                    assertFalse(result.written(), "a broken link fails the round");
                    compare(build, build.update(undoBreak()), "step " + step + " (fix the link)");
                    cleanBefore = true;
                    continue;
                }
                if (op == Op.BREAK_ANCHOR && result.written()) {
                    // the heading a link points to goes away in the other file, then comes back: the linking page
                    // must be rendered again both times, though its own file never changed
                    Path target = content.resolve(anchorTarget);
                    String with = Files.readString(target);
                    Pipeline.Result broken = build.update(edit(target, with.replace("{#" + anchorId + "}", "")));
                    compare(build, broken, "step " + step + " (remove the heading a link points to)");
                    assertFalse(broken.written(), "a link to a missing heading fails the round");
                    compare(build, build.update(edit(target, with)), "step " + step + " (restore the heading)");
                    cleanBefore = true;
                    continue;
                }
                boolean wasClean = cleanBefore;
                cleanBefore = result.written();
                if (!wasClean || !result.written()) continue; // after a failed round, pending work is carried over
                if (op == Op.BODY || op == Op.BODY_MIDDLE) {
                    assertFalse(build.stats().everything(), "a body edit re-renders only what depends on it");
                    assertTrue(build.stats().pages() <= 3, "a body edit wrote " + build.stats().pages() + " pages");
                    // a paragraph at the end leaves the page's model (title, headings and where they are, tree...) as it
                    // was: the round keeps the site model. One above the headings moves their lines, which the model holds.
                    if (op == Op.BODY) assertTrue(build.stats().sameModel(), op + " of " + lastEdited + ": the site model kept");
                    bodyOnly++;
                }
                if (op == Op.TOUCH) {
                    assertEquals(0, build.stats().filesChanged(), "saving a file unchanged writes nothing");
                }
                if (op == Op.TITLE || op == Op.WEIGHT || op == Op.HEADING) {
                    assertFalse(build.stats().everything(), op + " keeps the structure: no full render");
                }
            }
        }
        assertTrue(bodyOnly > 0, "the sequence had no body edit");
    }

    @Test
    void aFolderOfUnrelatedFilesIsLeftAlone() throws IOException {
        content = tmp.resolve("content");
        Run.copyTree(Run.ROOT.resolve("src/test/resources/sites/mini/content"), content);
        Path out = tmp.resolve("live");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine.txt"), "not Waymark's");
        try (IncrementalBuild build = new IncrementalBuild(new Pipeline.Options(content, out, Run.THEMES, "", false))) {
            assertTrue(build.update(null).written());
            Path extra = content.resolve("extra/page.md");
            Files.createDirectories(extra.getParent());
            Files.writeString(extra, "---\ntitle: Extra\n---\n\nAn extra page.\n");
            assertTrue(build.update(Set.of(extra.getParent())).written());
            assertTrue(Files.exists(out.resolve("extra/page/index.html")));
            Files.delete(extra);
            Files.delete(extra.getParent());
            assertTrue(build.update(Set.of(extra.getParent())).written());
            assertFalse(Files.exists(out.resolve("extra")), "the page and the folders it leaves empty are gone");
            assertEquals("not Waymark's", Files.readString(out.resolve("mine.txt")));
        }
    }

    @Test
    void aContentFileAFullBuildRefusesIsRefusedByAnUpdateToo() throws IOException {
        refusedLikeACleanBuild("active.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"4\" onclick=\"alert(1)\"/>\n</svg>\n",
                "2:3: this SVG can run script (a script, an event handler, foreignObject or a script URL)");
    }

    @Test
    void aPageAtAGeneratedPagesAddressIsRefusedByAnUpdateToo() throws IOException {
        refusedLikeACleanBuild("search.md", "---\ntitle: Find\n---\n\nMy own search page.\n",
                "1:1: this page's address search/ is taken by the generated search page");
    }

    /** Adds one file to a live site, expects exactly one error at line:column, then removes it; a clean build agrees each time. */
    private void refusedLikeACleanBuild(String file, String text, String error) throws IOException {
        content = tmp.resolve("content");
        themes = tmp.resolve("themes");
        Run.copyTree(Run.ROOT.resolve("src/test/resources/sites/mini/content"), content);
        Run.copyTree(Run.THEMES, themes);
        try (IncrementalBuild build = new IncrementalBuild(new Pipeline.Options(content, tmp.resolve("live"), themes, "", false))) {
            compare(build, build.update(null), "initial build");
            Path added = content.resolve(file);
            Files.writeString(added, text);
            Pipeline.Result refused = build.update(Set.of(added));
            assertEquals(List.of(error),
                    refused.diagnostics().stream().map(d -> d.at().line() + ":" + d.at().column() + ": " + d.message()).toList());
            compare(build, refused, file + " added");
            Files.delete(added);
            compare(build, build.update(Set.of(added)), file + " removed");
        }
    }

    enum Op { BODY, BODY_MIDDLE, TITLE, WEIGHT, HEADING, RENAME, DELETE, NEW, DRAFT, SLUG, CONFIG, THEME, TOUCH, ASSET, PROFILE, DECISION, BREAK_LINK, BREAK_ANCHOR, PASSTHROUGH, BAD_YAML, DRAFT_TARGET }

    private void generate() throws IOException {
        for (int s = 0; s < 3; s++) {
            Path dir = content.resolve("part-" + s);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("index.md"), "---\ntitle: Part " + s + "\nweight: " + (40 + s) + "\n---\n\nThe part " + s + ".\n");
            for (int i = 0; i < 5; i++) {
                String rel = "part-" + s + "/page-" + i + ".md";
                Files.writeString(content.resolve(rel), page("Page " + s + "." + i, i));
                if (i == 0) stable.add(rel);
            }
        }
        Files.writeString(content.resolve("notes.txt"), "notes\n");
    }

    private String page(String title, int weight) {
        StringBuilder sb = new StringBuilder("---\ntitle: " + title + "\nweight: " + weight + "\ndescription: About " + title + ".\n---\n\n");
        sb.append("Intro of ").append(title).append(".\n\n## First {#h-1}\n\nText with a [link](").append(linkTarget()).append(").\n\n");
        sb.append("- one\n- two\n\n## Second {#h-2}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        return sb.toString();
    }

    /** A link from a page in a part folder to a page that is never renamed or deleted. */
    private String linkTarget() {
        if (stable.isEmpty() || rng.nextInt(4) == 0) return "../tools/alpha.md#right";
        return "../" + stable.get(rng.nextInt(stable.size())) + "#h-" + (1 + rng.nextInt(2));
    }

    private List<Path> movable() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(content)) {
            walk.filter(p -> p.toString().endsWith(".md") && p.getParent().getFileName().toString().startsWith("part-"))
                    .filter(p -> !p.getFileName().toString().equals("index.md"))
                    .filter(p -> !stable.contains(content.relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> walk = Files.walk(content)) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private String anchorTarget;
    private String anchorId;
    private Path breakFile;
    private String breakText;

    private Set<Path> apply(Op op) throws IOException {
        int n = ++counter;
        switch (op) {
            case BODY -> {
                Path p = pick(pages());
                lastEdited = content.relativize(p).toString();
                return edit(p, Files.readString(p) + "\nAnother paragraph " + n + " with **bold** text.\n");
            }
            case BODY_MIDDLE -> { // a new paragraph with a link above the others: every later link moves down in the source map
                Path p = pick(pages());
                lastEdited = content.relativize(p).toString();
                String text = Files.readString(p);
                int end = text.indexOf("\n---\n", 4);
                int at = end < 0 ? 0 : text.indexOf("\n\n", end + 5);
                at = at < 0 ? text.length() : at + 2;
                return edit(p, text.substring(0, at) + "Inserted " + n + ", see [the tools](" + toTools(p) + ").\n\n" + text.substring(at));
            }
            case TITLE -> {
                Path p = pick(movable().isEmpty() ? pages() : movable());
                return edit(p, Files.readString(p).replaceFirst("(?m)^title: .*$", "title: Renamed " + n));
            }
            case WEIGHT -> {
                Path p = pick(pages());
                String text = Files.readString(p);
                return edit(p, text.contains("\nweight: ") ? text.replaceFirst("(?m)^weight: .*$", "weight: " + rng.nextInt(50))
                        : text.replaceFirst("---\n", "---\nweight: " + rng.nextInt(50) + "\n"));
            }
            case HEADING -> {
                Path p = pick(pages());
                return edit(p, Files.readString(p) + "\n## Added " + n + " {#added-" + n + "}\n\nMore.\n");
            }
            case RENAME -> {
                List<Path> m = movable();
                if (m.isEmpty()) return apply(Op.NEW);
                Path from = pick(m);
                Path to = content.resolve("part-" + rng.nextInt(3)).resolve("moved-" + n + ".md");
                Files.move(from, to);
                return Set.of(from, to);
            }
            case DELETE -> {
                List<Path> m = movable();
                if (m.isEmpty()) return apply(Op.NEW);
                Path p = pick(m);
                Files.delete(p);
                return Set.of(p);
            }
            case NEW -> {
                Path p = content.resolve("part-" + rng.nextInt(3)).resolve("new-" + n + ".md");
                Files.writeString(p, page("New " + n, rng.nextInt(10)));
                return Set.of(p);
            }
            case DRAFT -> {
                List<Path> m = movable();
                if (m.isEmpty()) return apply(Op.NEW);
                Path p = pick(m);
                String text = Files.readString(p);
                return edit(p, text.contains("draft: true") ? text.replace("draft: true\n", "") : text.replaceFirst("---\n", "---\ndraft: true\n"));
            }
            case SLUG -> {
                List<Path> m = movable();
                if (m.isEmpty()) return apply(Op.NEW);
                Path p = pick(m);
                return edit(p, Files.readString(p).replaceFirst("---\n", "---\nslug: slug-" + n + "\n"));
            }
            case CONFIG -> {
                Path p = content.resolve("site.yaml");
                return edit(p, Files.readString(p).replaceFirst("(?m)^description: .*$", "description: Described " + n + "."));
            }
            case THEME -> {
                Path p = themes.resolve("default/assets/style.css");
                return edit(p, Files.readString(p) + "\n/* " + n + " */\n");
            }
            case TOUCH -> {
                Path p = pick(pages());
                return edit(p, Files.readString(p));
            }
            case ASSET -> {
                Path p = content.resolve("notes.txt");
                return edit(p, "notes " + n + "\n");
            }
            case PROFILE -> {
                Path p = content.resolve("tools/beta.md");
                String text = Files.readString(p);
                return edit(p, text.contains("includes: [async]") ? text.replace("includes: [async]", "includes: [async, orm]")
                        : text.replace("includes: [async, orm]", "includes: [async]"));
            }
            case DECISION -> {
                Path p = content.resolve("decide.md");
                return edit(p, Files.readString(p).replace("Beta fits an async JSON API.", "Beta fits an async JSON API " + n + "."));
            }
            case BREAK_LINK -> {
                breakFile = content.resolve(pick(stable));
                breakText = Files.readString(breakFile);
                return edit(breakFile, breakText + "\nA [broken link](missing-" + n + ".md).\n");
            }
            case BREAK_ANCHOR -> {
                String from = stable.get(0);
                anchorTarget = stable.get(1 + rng.nextInt(stable.size() - 1));
                anchorId = "later-" + n;
                Path p = content.resolve(from);
                Path t = content.resolve(anchorTarget);
                Files.writeString(t, Files.readString(t) + "\n## Later {#" + anchorId + "}\n\nHere.\n");
                Files.writeString(p, Files.readString(p) + "\nSee [later](../" + anchorTarget + "#" + anchorId + ").\n");
                return Set.of(p, t);
            }
            case BAD_YAML -> { // a cause: links to the page's headings are not reported as well
                breakFile = content.resolve(pick(stable));
                breakText = Files.readString(breakFile);
                return edit(breakFile, breakText.replaceFirst("(?m)^title: (.*)$", "title: [$1"));
            }
            case DRAFT_TARGET -> { // other pages link to it: "link to a draft page"
                breakFile = content.resolve(pick(stable));
                breakText = Files.readString(breakFile);
                return edit(breakFile, breakText.replaceFirst("---\n", "---\ndraft: true\n"));
            }
            case PASSTHROUGH -> {
                Path p = tmp.resolve("static/CNAME"); // beside the content folder, copied as it is
                Files.createDirectories(p.getParent());
                return edit(p, "docs" + n + ".example.org\n");
            }
            default -> throw new IllegalStateException();
        }
    }

    private String lastEdited = "";

    /** A link from {@code page} to the tools section, which is never renamed or deleted. */
    private String toTools(Path page) {
        Path rel = page.getParent().relativize(content.resolve("tools/index.md"));
        return rel.toString().replace('\\', '/');
    }

    private Set<Path> undoBreak() throws IOException {
        return edit(breakFile, breakText);
    }

    private static Set<Path> edit(Path p, String text) throws IOException {
        Files.writeString(p, text);
        return Set.of(p);
    }

    private void compare(IncrementalBuild build, Pipeline.Result incremental, String what) {
        Path clean = tmp.resolve("clean");
        Pipeline.Result expected = new Pipeline().build(new Pipeline.Options(content, clean, themes, "", false));
        assertEquals(expected.diagnostics(), incremental.diagnostics(), what + ": diagnostics");
        assertEquals(expected.written(), incremental.written(), what + ": written");
        // the persistent build cache, kept across every step: a cached build is a clean build too
        Path cachedOut = tmp.resolve("cached");
        // as if the last build were long ago: the files it hashed are stamped, and then trusted without hashing
        ageCache(tmp.resolve("build-cache/files"));
        Pipeline.Result cached = new Pipeline(BuildCache.at(tmp.resolve("build-cache")))
                .build(new Pipeline.Options(content, cachedOut, themes, "", false));
        assertEquals(expected.diagnostics(), cached.diagnostics(), what + ": diagnostics of the cached build");
        assertEquals(expected.written(), cached.written(), what + ": written by the cached build");
        if (!expected.written()) return;
        Map<String, byte[]> want = tree(clean);
        Map<String, byte[]> live = tree(build.output());
        // which of the three is the odd one out, if any: a red run says whether the clean build or a cache went wrong
        String odd = live.keySet().equals(want.keySet()) && differing(want, live).isEmpty() ? "" : " (the incremental build "
                + (differing(tree(cachedOut), live).isEmpty() ? "agrees with the cached build, not with the clean one)" : "differs too)");
        same(want, tree(cachedOut), what + " (cached build)" + odd);
        same(want, live, what);
    }

    private static void ageCache(Path files) {
        if (!Files.isDirectory(files)) return;
        try (Stream<Path> list = Files.list(files)) {
            for (Path f : list.toList()) Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void same(Map<String, byte[]> want, Map<String, byte[]> got, String what) {
        assertEquals(want.keySet(), got.keySet(), what + ": the same files");
        List<String> differ = differing(want, got);
        if (!differ.isEmpty()) fail(what + ": files differ from a clean build: " + differ + firstDifference(want.get(differ.get(0)), got.get(differ.get(0))));
    }

    private static List<String> differing(Map<String, byte[]> want, Map<String, byte[]> got) {
        List<String> differ = new ArrayList<>();
        want.forEach((k, v) -> {
            if (!Arrays.equals(v, got.get(k))) differ.add(k);
        });
        return differ;
    }

    /** Where two versions of a file first differ, with some context of each: so a red run says what was stale. */
    private static String firstDifference(byte[] want, byte[] got) {
        String a = new String(want, java.nio.charset.StandardCharsets.UTF_8);
        String b = new String(got, java.nio.charset.StandardCharsets.UTF_8);
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        int from = Math.max(0, i - 80);
        return "\n  first difference at character " + i + "\n  clean: …" + a.substring(from, Math.min(a.length(), i + 240))
                + "\n  this:  …" + b.substring(from, Math.min(b.length(), i + 240));
    }

    private static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    out.put(rel + "/", new byte[0]); // empty folders count too
                } else {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}

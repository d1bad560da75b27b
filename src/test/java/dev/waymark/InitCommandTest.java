package dev.waymark;

import dev.waymark.content.Slug;
import dev.waymark.support.Run;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code waymark init} starts a topic-neutral guide that builds strictly; {@code new profile} writes where profiles live. */
class InitCommandTest {
    private static final List<String> FILES = List.of("content/site.yaml", "content/index.md", "content/profiles/index.md",
            "content/profiles/option-a.md", "content/profiles/option-b.md", "content/decide.md", "content/compare.md",
            "content/glossary.md", ".github/workflows/site.yml", ".gitignore", "README.md");
    private static final Pattern BUNDLED = Pattern.compile("(?i)django|fastapi|framework|contributing\\.md|litestar");

    @Test
    void initWritesANeutralGuideThatBuildsStrictlyWithNoWarnings(@TempDir Path tmp) throws Exception {
        Path g = tmp.resolve("g");
        Run.Outcome init = Run.waymark("init", g.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertEquals("created a new guide in " + g + "; next: cd " + g + " && waymark serve\n", init.out());
        for (String f : FILES) {
            assertTrue(Files.isRegularFile(g.resolve(f)), f);
            assertFalse(BUNDLED.matcher(Files.readString(g.resolve(f))).find(), f + " mentions the bundled guide's topic");
        }
        String workflow = Files.readString(g.resolve(".github/workflows/site.yml"));
        assertTrue(workflow.contains("uses: actions/cache@v4"), workflow);
        assertTrue(workflow.matches("(?s).*uses: [\\w.-]+/[\\w.-]+@v\\d+\\.\\d+\\.\\d+\\n.*"), "the pinned Waymark action:\n" + workflow);
        assertFalse(workflow.contains("@VERSION@") || workflow.contains("@REPOSITORY@"), workflow);

        Run.Outcome build = Run.build(g.resolve("content"), g.resolve("site"), "--strict");
        assertEquals(0, build.exitCode(), build.out() + build.err());
        assertEquals("", build.err(), "no warnings");
        assertTrue(build.out().startsWith("0 errors, 0 warnings in 10 pages;"), build.out()); // 9 pages and the decision page's embed page
        Document compare = Run.html(g.resolve("site/compare/index.html"));
        assertEquals(List.of("Capability", "Option A", "Option B"), compare.select("table.comparison thead th").eachText());
        assertEquals(1, Run.html(g.resolve("site/decide/index.html")).select(".decision").size());
        assertTrue(Files.isRegularFile(g.resolve("site/glossary/index.html")));
    }

    @Test
    void initRefusesAFolderThatIsNotEmptyAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path g = Files.createDirectories(tmp.resolve("g"));
        Files.writeString(g.resolve("README.md"), "mine\n");
        Run.Outcome r = Run.waymark("init", g.toString());
        assertEquals(new Run.Outcome(2, "", "waymark init: " + g + " is not empty, and init never writes beside other files (nothing was written)\n"
                + "    hint: run `waymark init NEW-FOLDER` to start the guide in a new folder\n"), r);
        assertEquals("mine\n", Files.readString(g.resolve("README.md")), "never overwrites");
        try (Stream<Path> s = Files.list(g)) {
            assertEquals(List.of(g.resolve("README.md")), s.toList(), "nothing else written");
        }
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        Run.Outcome onFile = Run.waymark("init", file.toString());
        assertEquals(new Run.Outcome(2, "", "waymark init: " + file + " is a file, not a folder (nothing was written)\n"
                + "    hint: run `waymark init NEW-FOLDER` with a folder name that does not exist yet\n"), onFile);
        assertEquals("x", Files.readString(file));
    }

    @Test
    void initUsesAnEmptyExistingFolder(@TempDir Path tmp) throws Exception {
        Path g = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, Run.waymark("init", g.toString()).exitCode());
        assertTrue(Files.isRegularFile(g.resolve("content/site.yaml")));
    }

    @Test
    void newProfileGoesWhereTheGuidesProfilesAreWithASensibleSlug(@TempDir Path tmp) throws Exception {
        Path g = tmp.resolve("g");
        assertEquals(0, Run.waymark("init", g.toString()).exitCode());
        Path content = g.resolve("content");
        // the scaffold's profiles are found by their type, even after the folder is renamed and site.yaml says otherwise
        Files.move(content.resolve("profiles"), content.resolve("options"));
        rewriteLinks(content, "profiles/", "options/");
        Run.Outcome cpp = Run.waymark("new", "profile", "C++", "--content", content.toString());
        assertEquals(0, cpp.exitCode(), cpp.err());
        assertEquals("created " + content.resolve("options/cpp.md") + "\n", cpp.out());
        Run.Outcome node = Run.waymark("new", "profile", "Node.js", "--content", content.toString());
        assertEquals("created " + content.resolve("options/nodejs.md") + "\n", node.out());
        String text = Files.readString(content.resolve("options/cpp.md"));
        assertFalse(BUNDLED.matcher(text).find(), text);
        assertFalse(text.contains("2026"), text); // the file holds no path, so a temp folder's digits cannot match
        assertTrue(text.contains("# What C++ includes, using the capability keys from ../site.yaml:\n"), text);
        assertTrue(text.contains("includes: [setup, support]"), text);

        Run.Outcome again = Run.waymark("new", "profile", "C++", "--content", content.toString());
        assertEquals(new Run.Outcome(2, "", "waymark new: " + content.resolve("options/cpp.md") + " already exists (nothing was written)\n"
                + "    hint: choose another name, or edit " + content.resolve("options/cpp.md") + "\n"), again);

        Run.Outcome build = Run.build(content, g.resolve("site"), "--strict");
        assertEquals(0, build.exitCode(), build.out() + build.err());
        assertEquals("", build.err(), "a new profile builds with no warnings");
        assertEquals(List.of("Capability", "Option A", "Option B", "C++", "Node.js"),
                Run.html(g.resolve("site/compare/index.html")).select("table.comparison thead th").eachText());
    }

    @Test
    void withoutProfilesNewProfileUsesTheSiteYamlSettingElseProfiles(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: T\nprofiles: choices\n");
        assertEquals("created " + content.resolve("choices/option-c.md") + "\n",
                Run.waymark("new", "profile", "Option C", "--content", content.toString()).out());
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        assertEquals("created " + bare.resolve("profiles/option-c.md") + "\n",
                Run.waymark("new", "profile", "Option C", "--content", bare.toString()).out());
    }

    @Test
    void namesBecomeSensibleSlugs() {
        assertEquals("cpp", Slug.ofName("C++"));
        assertEquals("csharp", Slug.ofName("C#"));
        assertEquals("nodejs", Slug.ofName("Node.js"));
        assertEquals("aspnet-core", Slug.ofName("ASP.NET Core"));
        assertEquals("vue-3-4", Slug.ofName("Vue 3.4"));
        assertEquals("salt-and-pepper", Slug.ofName("Salt & Pepper"));
        assertEquals("option-c", Slug.ofName("Option C"));
    }

    @Test
    void hintsNameTheAuthorsOwnFiles(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content/notes"));
        Files.writeString(tmp.resolve("content/index.md"), "---\ntitle: Home\ndescription: Home.\n---\n\nSee [notes](notes/a.md).\n");
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\ndescription: A.\n---\n\nSee [b](/guides/b.md).\n");
        Files.writeString(content.resolve("p.md"), "---\ntitle: P\ndescription: P.\ntype: profile\nname: P\ntagline: T.\nphilosophy: P.\n---\n");
        Run.Outcome r = Run.build(tmp.resolve("content"), tmp.resolve("site"));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(content.resolve("a.md") + ":6:5: error: absolute link \"/guides/b.md\" breaks when the site is published under a sub-path [absolute-link]\n"
                + "    hint: link to the Markdown file with a path relative to this file, e.g. ../guides/b.md\n"), r.err());
        assertTrue(r.err().contains(content.resolve("p.md") + ":2:1: error: profile is missing required field \"includes\" [profile-missing-field]\n"
                + "    hint: add to the front matter: `includes: [key, key]` (includes lists keys of `capabilities:` in site.yaml)\n"), r.err());
    }

    @Test
    void noMessageOrScaffoldNamesTheBundledGuide() throws IOException {
        try (Stream<Path> s = Files.walk(Run.ROOT.resolve("src/main"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                // Latin-1 reads any bytes (the bundled font is binary) and still finds ASCII words in UTF-8 text
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(BUNDLED.matcher(text).find(), f + " names the bundled guide's topic or files");
            }
        }
    }

    private static void rewriteLinks(Path content, String from, String to) throws IOException {
        try (Stream<Path> s = Files.walk(content)) {
            for (Path md : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.writeString(md, Files.readString(md).replace(from, to));
            }
        }
    }
}

package dev.waymark.cli;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each command prints, pinned whole (stdout, stderr and exit code) as picocli's own tests do: one problem type,
 * three formats, and every format escapes what it prints.
 */
class ReportOutputTest {
    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title><meta name=\"description\" content=\"d\">"
            + "</head><body><h1>T</h1>\n%s\n</body></html>\n";

    /** A two-page foreign site: the home page links to the other page and to a missing one. */
    private static Path site(Path dir, String otherName) throws IOException {
        Files.writeString(dir.resolve("index.html"), PAGE.formatted("<a href=\"" + otherName.replace("\n", "%0A") + "\">other</a>"));
        Files.writeString(dir.resolve(otherName), PAGE.formatted("<a href=\"index.html\">home</a>\n<a href=\"gone.html\">gone</a>"));
        return dir;
    }

    @Test
    void checkPrintsTextJsonAndGithub(@TempDir Path tmp) throws IOException {
        String s = site(tmp, "other.html").toString();
        Run.Outcome text = Run.waymark("check", s);
        assertEquals(new Run.Outcome(1, """
                other.html:3:1: error: a href "gone.html" points to a file that does not exist [broken-link]
                1 error, 0 warnings in 2 pages; 3 internal references checked; 0 external links (not fetched)
                """, ""), text);
        assertEquals(new Run.Outcome(1, """
                {"diagnostics":[{"severity":"error","code":"broken-link","file":"other.html","line":3,"column":1,\
                "message":"a href \\"gone.html\\" points to a file that does not exist","hint":""}],\
                "summary":{"errors":1,"warnings":0,"pages":2,"internalLinks":3,"externalLinks":0,"externalDomains":{}}}
                """, ""), Run.waymark("check", s, "--format", "json"));
        assertEquals(new Run.Outcome(1, """
                ::error file=other.html,line=3,col=1,title=broken-link::a href "gone.html" points to a file that does not exist
                1 error, 0 warnings in 2 pages; 3 internal references checked; 0 external links (not fetched)
                """, ""), Run.waymark("check", s, "--format", "github"));
    }

    @Test
    void aFileNameCannotInjectALineInAnyFormat(@TempDir Path tmp) throws IOException {
        String s = site(tmp, "a\n::error file=x,line=1::pwned,b.html").toString();
        assertEquals("""
                ::error file=a%0A%3A%3Aerror file%3Dx%2Cline%3D1%3A%3Apwned%2Cb.html,line=3,col=1,title=broken-link::a href "gone.html" points to a file that does not exist
                1 error, 0 warnings in 2 pages; 3 internal references checked; 0 external links (not fetched)
                """.replace("%3D", "="), Run.waymark("check", s, "--format", "github").out());
        assertEquals("""
                a\\n::error file=x,line=1::pwned,b.html:3:1: error: a href "gone.html" points to a file that does not exist [broken-link]
                1 error, 0 warnings in 2 pages; 3 internal references checked; 0 external links (not fetched)
                """, Run.waymark("check", s).out());
        assertEquals(2, Run.waymark("check", s, "--format", "json").out().lines().count() + 1);
    }

    @Test
    void aMissingContentFolderIsBadUsage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out.resolve("mine"));
        Run.Outcome r = Run.build(tmp.resolve("nothing-here"), out);
        assertEquals(new Run.Outcome(2, "", "waymark: no content folder at " + tmp.resolve("nothing-here") + "\n"
                + "    hint: run `waymark init` to start a guide here, or pass --content DIR\n"), r);
        assertTrue(Files.isDirectory(out.resolve("mine")), "the output folder is untouched");
    }

    @Test
    void buildPrintsContentErrorsAsAnnotations(@TempDir Path tmp) {
        Path content = Run.ROOT.resolve("src/test/resources/errors/missing-page/content");
        Path out = tmp.resolve("site");
        Run.Outcome r = Run.build(content, out, "--format", "github");
        String file = Run.ROOT.relativize(content).toString().replace('\\', '/') + "/index.md";
        assertEquals(new Run.Outcome(1, "::error file=" + file + ",line=7,col=5,title=broken-link::link to a missing page \"other.md\"%0Ahint: check the path; it is relative to this file\n",
                "build failed: 1 error; " + out + " was left unchanged\n"), r);
    }

    @Test
    void aFormatThatDoesNotExistIsAUsageError() {
        Run.Outcome r = Run.waymark("build", "--format", "xml");
        assertEquals(new Run.Outcome(2, "", """
                Invalid value for option '--format': "xml" is not one of text, json, github
                Run 'waymark build --help' for usage.
                """), r);
        assertEquals(new Run.Outcome(2, "", """
                Invalid value for option '--format': "txt" is not one of text, json, github; did you mean text?
                Run 'waymark check --help' for usage.
                """), Run.waymark("check", "--format", "txt"));
        assertEquals(new Run.Outcome(2, "", """
                Invalid value for option '--severity' (KIND=LEVEL): "loud" is not one of error, warning, off
                Run 'waymark check --help' for usage.
                """), Run.waymark("check", "--severity", "img-alt=loud"));
        assertEquals(2, Run.waymark("check", "--format", "xml").exitCode());
        assertEquals(2, Run.waymark("check", "--severity", "img-alt=loud").exitCode());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Run.Outcome r = Run.waymark("serve", "--port", "99999");
        assertEquals(new Run.Outcome(2, "", """
                --port must be between 0 and 65535, not 99999 (0 picks a free port)
                Run 'waymark serve --help' for usage.
                """), r);
    }

    /**
     * A port another process holds is a refused resource, not bad usage: the cause, what to do, exit 2 (as for a
     * refused output folder), and no "see --help" line, which would send the reader to the wrong place.
     */
    @Test
    void aBusyPortSaysSoAndWhatToDoWithoutPointingAtTheUsage(@TempDir Path tmp) throws IOException {
        Path content = Run.guide(tmp, "index.md", "---\ntitle: Home\ndescription: d\n---\n\nHello.\n");
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertEquals(new Run.Outcome(2, "", """
                    waymark serve: port %1$d on 127.0.0.1 is already in use by another process
                        hint: pass --port N for another port (--port 0 picks a free one), or stop the process that holds %1$d
                    """.formatted(port)), Run.waymark("serve", "--port", Integer.toString(port), "--content", content.toString(),
                    "--themes", Run.THEMES.toString()));
        }
    }

    /** No guide here: serve says so as build does, instead of "still serving the last good build" of nothing. */
    @Test
    void serveWithoutAContentFolderSaysSoAndServesNothing(@TempDir Path tmp) {
        Path missing = tmp.resolve("content");
        assertEquals(new Run.Outcome(2, "", "waymark serve: no content folder at " + missing + "\n"
                + "    hint: run `waymark init` to start a guide here, or pass --content DIR\n"),
                Run.waymark("serve", "--port", "0", "--content", missing.toString(), "--themes", Run.THEMES.toString()));
    }

    /** new outside a guide wrote a stray content/profiles/x.md; it now says where to run it, and writes nothing. */
    @Test
    void newOutsideAGuideWritesNothingAndSaysWhereToRunIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("content");
        assertEquals(new Run.Outcome(2, "", "waymark new: no content folder at " + missing + " (nothing was written)\n"
                + "    hint: run it in the guide's folder (the one that holds content/), pass --content DIR, or start a guide with `waymark init`\n"),
                Run.waymark("new", "profile", "VPS", "--content", missing.toString()));
        assertTrue(Files.notExists(missing));
    }

    @Test
    void initInAFileOrAFolderThatIsNotEmptyIsRefusedWithoutTheUsageLine(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine\n");
        assertEquals(new Run.Outcome(2, "", "waymark init: " + file + " is a file, not a folder (nothing was written)\n"
                + "    hint: run `waymark init NEW-FOLDER` with a folder name that does not exist yet\n"), Run.waymark("init", file.toString()));
        assertEquals(new Run.Outcome(2, "", "waymark init: " + tmp + " is not empty, and init never writes beside other files (nothing was written)\n"
                + "    hint: run `waymark init NEW-FOLDER` to start the guide in a new folder\n"), Run.waymark("init", tmp.toString()));
    }

    /** One mistake repeated 150 times prints 100 problems and one line that counts the rest, not 300 lines. */
    @Test
    void aFloodOfErrorsIsCutAtAHundredWithACount(@TempDir Path tmp) {
        StringBuilder body = new StringBuilder("---\ntitle: Home\n---\n\n");
        for (int i = 0; i < 150; i++) body.append("[x](gone").append(i).append(".md)\n\n");
        Path content = Run.guide(tmp, "index.md", body.toString());
        Path out = tmp.resolve("site");
        Run.Outcome r = Run.build(content, out);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, r.exitCode());
        assertEquals(100 * 2 + 2, lines.size(), r.err());
        String file = dev.waymark.diag.DisplayPath.of(content).toString() + "/index.md";
        assertEquals(List.of(file + ":5:1: error: link to a missing page \"gone0.md\" [broken-link]",
                "    hint: check the path; it is relative to this file"), lines.subList(0, 2));
        assertEquals(List.of(file + ":203:1: error: link to a missing page \"gone99.md\" [broken-link]",
                "    hint: check the path; it is relative to this file",
                "... and 50 more not shown (50 errors, 0 warnings); fix these first, or see every one with --format json",
                "build failed: 150 errors; " + out + " was left unchanged"), lines.subList(198, 202));
        assertEquals(150, Run.build(content, out, "--format", "json").out().split("\"code\":\"broken-link\"", -1).length - 1);
    }

    /** check prints text as build does: at most 100 findings and a count, before its summary; json has every one. */
    @Test
    void checkCutsAFloodOfFindingsAtAHundredWithACount(@TempDir Path tmp) throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>T</title>"
                + "<meta name=\"description\" content=\"d\"></head><body>\n<h1>T</h1>\n");
        for (int i = 0; i < 150; i++) html.append("<p><a href=\"gone").append(i).append(".html\">x</a></p>\n");
        Files.writeString(site.resolve("index.html"), html.append("</body></html>\n").toString());
        Run.Outcome r = Run.waymark("check", site.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(100 + 2, lines.size(), r.out());
        assertEquals("index.html:4:1: error: a href \"gone0.html\" points to a file that does not exist [broken-link]", lines.get(0));
        assertEquals(List.of("index.html:103:1: error: a href \"gone99.html\" points to a file that does not exist [broken-link]",
                "... and 50 more not shown (50 errors, 0 warnings); fix these first, or see every one with --format json",
                "150 errors, 0 warnings in 1 page; 150 internal references checked; 0 external links (not fetched)"),
                lines.subList(99, 102));
        assertEquals(150, Run.waymark("check", site.toString(), "--format", "json").out().split("\"code\":\"broken-link\"", -1).length - 1);
    }

    @Test
    void checkWithoutASiteSaysToBuildFirst(@TempDir Path tmp) {
        Path missing = tmp.resolve("site");
        assertEquals(new Run.Outcome(2, "", "waymark check: no site at " + missing + "\n"
                + "    hint: build it first with `waymark build`, or pass the built site's folder: `waymark check DIR`\n"),
                Run.waymark("check", missing.toString()));
    }

    @Test
    void aHostThatIsNotThisMachinesSaysSo(@TempDir Path tmp) throws IOException {
        Path content = Run.guide(tmp, "index.md", "---\ntitle: Home\ndescription: d\n---\n\nHello.\n");
        assertEquals(new Run.Outcome(2, "", """
                waymark serve: 192.0.2.1 is not an address of this machine, so nothing can listen on it
                    hint: leave --host out to serve on 127.0.0.1, or pass an address this machine has
                """), Run.waymark("serve", "--port", "0", "--host", "192.0.2.1", "--content", content.toString(),
                "--themes", Run.THEMES.toString()));
        assertEquals(new Run.Outcome(2, "", """
                waymark serve: no address found for the host name no-such-host.invalid
                    hint: leave --host out to serve on 127.0.0.1, or pass an address or name this machine has
                """), Run.waymark("serve", "--port", "0", "--host", "no-such-host.invalid", "--content", content.toString(),
                "--themes", Run.THEMES.toString()));
    }

    @Test
    void aMistypedOptionOrCommandGivesTheCauseASuggestionAndWhereTheUsageIs() {
        assertEquals(new Run.Outcome(2, "", """
                Unknown option: '--strcit'
                Possible solutions: --strict
                Run 'waymark build --help' for usage.
                """), Run.waymark("build", "--strcit"));
        assertEquals(new Run.Outcome(2, "", """
                Unmatched argument at index 3: 'S3'
                    hint: a name with spaces goes in quotes: waymark new profile "Amazon S3"
                Run 'waymark new --help' for usage.
                """), Run.waymark("new", "profile", "Amazon", "S3"));
        assertEquals(new Run.Outcome(2, "", """
                Unmatched argument at index 0: 'biuld'
                Did you mean: waymark build?
                Run 'waymark --help' for usage.
                """), Run.waymark("biuld"));
        assertEquals(new Run.Outcome(2, "", """
                a command is required: init, build, check, serve or new
                Run 'waymark --help' for usage.
                """), Run.waymark());
    }

    @Test
    void strictCountsTheBuildsWarningsAndTheSamePagesAsCheck(@TempDir Path tmp) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: d\n---\n\n![](pic.png)\n");
        Files.write(content.resolve("pic.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Path out = tmp.resolve("site");
        Run.Outcome r = Run.build(content, out, "--strict");
        String file = dev.waymark.diag.DisplayPath.of(content).toString();
        String pages = Run.waymark("check", out.toString()).out().replaceFirst("^.* in (\\d+ pages);.*\\n$", "$1");
        assertEquals(new Run.Outcome(0, """
                0 errors, 1 warning in %1$s; N internal references checked; 0 external links (not fetched)
                built %1$s (N files) into %2$s in N ms
                """.formatted(pages, out), file + "/index.md:6:1: warning: image has no alt text [img-alt]\n    hint: describe the image: ![what it shows](path.png)\n"),
                new Run.Outcome(r.exitCode(), r.out().replaceAll("\\d+ (internal|files|ms)", "N $1"), r.err()));
    }

    @Test
    void aTemplateThatDoesNotCompileIsReportedAtItsLineWithTheReason(@TempDir Path tmp) throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("overrides/templates/tag"));
        Files.writeString(templates.resolve("comparison.jte"), "@param dev.waymark.render.view.ComparisonView table\n${table.nosuch()}\n");
        Path out = tmp.resolve("site");
        Run.Outcome r = Run.build(Run.ROOT.resolve("src/test/resources/sites/mini/content"), out, "--overrides", tmp.resolve("overrides").toString());
        assertEquals(new Run.Outcome(1, "", templates.resolve("comparison.jte") + ":2:1: error: theme template does not compile: "
                + "cannot find symbol (method nosuch()) [template-compile]\n"
                + "    hint: fix this line of the template; templates take the parameters their @param lines declare\n"
                + "build failed: 1 error; " + out + " was left unchanged\n"), r);
    }

    @Test
    void theOutOfMemoryHintNeverSuggestsTheHeapItAlreadyHad() {
        assertEquals("waymark: out of memory with a 2048 MB heap; nothing was changed. Give Java more heap, e.g. WAYMARK_JAVA_OPTS=-Xmx4g",
                Waymark.outOfMemory(2L << 30));
        assertEquals("waymark: out of memory with a 512 MB heap; nothing was changed. Give Java more heap, e.g. WAYMARK_JAVA_OPTS=-Xmx2g",
                Waymark.outOfMemory(512L << 20));
    }
}

package dev.waymark.write;

import dev.waymark.render.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection at every step of the swap: an exception (the build's own rollback) and a killed process (the next
 * build's recovery). Afterwards the output is always a whole site, the last good one, and nothing is left beside it.
 */
class SwapFaultTest {
    @TempDir
    Path tmp;

    static List<RenderedFile> site(String version) {
        return List.of(new RenderedFile("index.html", ("home " + version).getBytes(StandardCharsets.UTF_8)),
                new RenderedFile("pages/" + version + ".html", version.getBytes(StandardCharsets.UTF_8)));
    }

    static void build(Path out, String version, SiteWriter.Faults faults) {
        try (SiteWriter.Staging staging = SiteWriter.stage(out, faults)) {
            site(version).forEach(staging::put);
            staging.commit();
        }
    }

    static String version(Path out) throws IOException {
        return Files.readString(out.resolve("index.html")).substring("home ".length());
    }

    /** Everything beside the output, by name with the random part cut off (".site.tmp-", ".site.old-"). */
    List<String> beside(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(out.getFileName().toString()))
                    .map(n -> n.replaceAll("-[0-9a-f]+$", "-")).sorted().toList();
        }
    }

    static final class Injected extends RuntimeException {
        Injected() {
            super("injected", null, false, false);
        }
    }

    /** Whether the output already holds the new site when a failure strikes at this step. */
    static boolean swapped(SiteWriter.Step step) {
        return step.compareTo(SiteWriter.Step.NEW_MOVED_IN) >= 0;
    }

    @ParameterizedTest
    @EnumSource(SiteWriter.Step.class)
    void anExceptionAtAnyStepLeavesAWholeSite(SiteWriter.Step step) throws IOException {
        Path out = tmp.resolve("site");
        build(out, "v1", SiteWriter.Faults.NONE);
        assertThrows(Injected.class, () -> build(out, "v2", at -> {
            if (at == step) throw new Injected();
        }));
        assertEquals(swapped(step) ? "v2" : "v1", version(out));
        OutputFolder.checkOwnership(out);
        build(out, "v3", SiteWriter.Faults.NONE);
        assertEquals("v3", version(out));
        assertEquals(List.of(), beside(out), "nothing is left beside the output");
        assertEquals(List.of(".waymark-manifest", "index.html", "pages"), list(out));
    }

    @ParameterizedTest
    @EnumSource(SiteWriter.Step.class)
    void aBuildKilledAtAnyStepIsRecoveredByTheNext(SiteWriter.Step step) throws Exception {
        Path out = tmp.resolve("site");
        build(out, "v1", SiteWriter.Faults.NONE);
        Process p = java("v2", step.name());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        // what the kill left
        List<String> expected = switch (step) {
            case FILES_WRITTEN, MANIFEST_WRITTEN -> List.of(".site.tmp-");
            case OLD_MOVED_ASIDE -> List.of(".site.old-", ".site.tmp-");
            case NEW_MOVED_IN, MARKER_REMOVED -> List.of(".site.old-");
        };
        assertEquals(expected, beside(out));
        assertEquals(step != SiteWriter.Step.OLD_MOVED_ASIDE, Files.exists(out), "only a kill between the renames leaves no output");

        // the next build fails before its own swap: what it leaves is the last good site, and nothing beside it
        try (SiteWriter.Staging staging = SiteWriter.stage(out)) {
            site("v3").forEach(staging::put);
        }
        assertEquals(swapped(step) ? "v2" : "v1", version(out));
        assertEquals(List.of(), beside(out));
        assertEquals(List.of(".waymark-manifest", "index.html", "pages"), list(out));
        build(out, "v4", SiteWriter.Faults.NONE);
        assertEquals("v4", version(out));
    }

    @Test
    void aBuildInProgressInAnotherProcessIsLeftAlone() throws Exception {
        Path out = tmp.resolve("site");
        build(out, "v1", SiteWriter.Faults.NONE);
        Process other = java("v2", "WAIT");
        BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("staged", said.readLine());
        assertEquals(List.of(".site.tmp-"), beside(out));
        build(out, "v3", SiteWriter.Faults.NONE); // cleans up leftovers, but this one is alive: its lock says so
        assertEquals("v3", version(out));
        assertEquals(List.of(".site.tmp-"), beside(out));
        try (OutputStream go = other.getOutputStream()) {
            go.write('\n');
        }
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, other.exitValue());
        assertEquals("v2", version(out));
        assertEquals(List.of(), beside(out));
    }

    @Test
    void aStagingFolderOfThisProcessIsLeftAloneToo() throws IOException {
        Path out = tmp.resolve("site");
        build(out, "v1", SiteWriter.Faults.NONE);
        try (SiteWriter.Staging first = SiteWriter.stage(out)) {
            site("v2").forEach(first::put);
            build(out, "v3", SiteWriter.Faults.NONE);
            first.commit();
        }
        assertEquals("v2", version(out));
        assertEquals(List.of(), beside(out));
    }

    @Test
    void foldersWithoutTheMarkerAreNotWaymarksToDelete() throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(tmp.resolve(".site.tmp-1234/keep"));
        Files.createDirectories(tmp.resolve(".site.old-99"));
        Files.writeString(tmp.resolve(".site.old-99/mine.txt"), "mine");
        build(out, "v1", SiteWriter.Faults.NONE);
        assertEquals(List.of(".site.old-", ".site.tmp-"), beside(out));
        assertTrue(Files.exists(tmp.resolve(".site.old-99/mine.txt")));
    }

    /** The output gets the permissions the umask gives any new folder and file, not 0700 (a web server could not read it). */
    @Test
    void theOutputFollowsTheUmask() throws IOException {
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        Path referenceFile = Files.writeString(tmp.resolve("reference.txt"), "x");
        Path out = tmp.resolve("site");
        build(out, "v1", SiteWriter.Faults.NONE);
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(reference);
        assertTrue(folder.contains(PosixFilePermission.OTHERS_EXECUTE) || folder.contains(PosixFilePermission.GROUP_EXECUTE),
                "the test needs a umask that lets others in; it is " + folder);
        assertEquals(folder, Files.getPosixFilePermissions(out));
        assertEquals(folder, Files.getPosixFilePermissions(out.resolve("pages")));
        assertEquals(Files.getPosixFilePermissions(referenceFile), Files.getPosixFilePermissions(out.resolve("index.html")));
        assertEquals(Files.getPosixFilePermissions(referenceFile), Files.getPosixFilePermissions(out.resolve(Manifest.FILE_NAME)));
    }

    @Test
    void anUncommittedBuildLeavesNothing() throws IOException {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging staging = SiteWriter.stage(out)) {
            site("v1").forEach(staging::put);
        }
        assertFalse(Files.exists(out));
        assertEquals(List.of(), beside(out));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Process java(String version, String step) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                KilledBuild.class.getName(), tmp.resolve("site").toString(), version, step));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}

package dev.waymark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The release as a user installs it (runs in {@code mvn verify} after {@code package}): the self-contained archive is
 * unpacked into a temporary folder and its launcher linked onto PATH. With no JAVA_HOME, and a PATH without the
 * system's Java or Maven, it starts a guide outside the repository, builds it strictly, checks it and serves it.
 */
class ReleaseArchiveIT {
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");

    @Test
    void theSelfContainedArchiveRunsInitBuildCheckAndServeWithoutJavaOrMaven(@TempDir Path tmp) throws Exception {
        Path archive = Path.of(System.getProperty("waymark.archive", "target/missing.tar.gz"));
        if (!Files.isRegularFile(archive)) {
            fail(archive + " is missing: `mvn package` makes it on Linux x64 (profile self-contained)");
        }
        Path install = Files.createDirectories(tmp.resolve("opt"));
        run(List.of("tar", "xzf", archive.toString(), "-C", install.toString()), tmp, System.getenv(), 0);
        Path launcher;
        try (var s = Files.list(install)) {
            launcher = s.findFirst().orElseThrow().resolve("bin/waymark");
        }
        assertTrue(Files.isExecutable(launcher), launcher.toString());
        // the docs travel with the tool: every Markdown file the README links to (CONTRIBUTING.md, the content model) is there
        Path top = launcher.getParent().getParent();
        java.util.regex.Matcher docLink = Pattern.compile("\\]\\(([\\w./-]+\\.md)(#[^)]*)?\\)").matcher(Files.readString(top.resolve("README.md")));
        List<String> missing = new java.util.ArrayList<>();
        while (docLink.find()) {
            if (!Files.isRegularFile(top.resolve(docLink.group(1)))) missing.add(docLink.group(1));
        }
        assertEquals(List.of(), missing, "files the archive's README links to");

        // PATH: the link to the launcher, and only the few tools the launcher script itself uses (no java, no mvn)
        Path bin = Files.createDirectories(tmp.resolve("path-bin"));
        Files.createSymbolicLink(bin.resolve("waymark"), launcher);
        Path tools = Files.createDirectories(tmp.resolve("path-tools"));
        for (String tool : List.of("bash", "dirname", "readlink")) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool));
        }
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", bin + ":" + tools);
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("LANG", "C.UTF-8");

        Path work = Files.createDirectories(tmp.resolve("work"));
        assertEquals("command -v java: (none)", run(List.of("bash", "-c", "echo \"command -v java: $(command -v java || echo '(none)')\" ; command -v mvn || true"),
                work, env, 0).strip(), "the test's PATH has no Java and no Maven");

        String init = run(List.of("waymark", "init", "g"), work, env, 0);
        assertEquals("created a new guide in g; next: cd g && waymark serve\n", init);
        Path g = work.resolve("g");
        String build = run(List.of("waymark", "build", "--strict"), g, env, 0);
        assertTrue(build.startsWith("0 errors, 0 warnings in 10 pages;"), build);
        assertTrue(build.matches("(?s).*\nbuilt \\d+ pages \\(\\d+ files\\) into site in \\d+ ms\n"), build);
        assertTrue(Files.isRegularFile(g.resolve("site/decide/index.html")));
        String check = run(List.of("waymark", "check", "site"), g, env, 0);
        assertTrue(check.startsWith("0 errors, 0 warnings in 10 pages;"), check);

        Process serve = start(List.of("waymark", "serve", "--port", "0"), g, env);
        try {
            String url = awaitServing(serve);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "compare/"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1 id=\"wm-page-title\">Compare</h1>"), page.body());
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
        assertFalse(serve.isAlive());
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        throw new AssertionError(tool + " not found on PATH");
    }

    private static Process start(List<String> cmd, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(resolve(cmd, env)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The first word looked up on {@code env}'s PATH, as a shell would (ProcessBuilder uses the parent's PATH). */
    private static List<String> resolve(List<String> cmd, Map<String, String> env) {
        List<String> out = new ArrayList<>(cmd);
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, cmd.get(0)))) {
                out.set(0, Path.of(dir, cmd.get(0)).toString());
                break;
            }
        }
        return out;
    }

    private static String run(List<String> cmd, Path dir, Map<String, String> env, int expected) throws Exception {
        Process p = start(cmd, dir, env);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(cmd + " did not finish");
        }
        String text = out.get();
        assertEquals(expected, p.exitValue(), cmd + " in " + dir + ":\n" + text);
        return text;
    }

    private static String awaitServing(Process serve) throws Exception {
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            // not closed here: after the address, a daemon thread keeps draining the server's output
            BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        String u = m.group(1);
                        Thread drain = new Thread(() -> {
                            try {
                                r.transferTo(java.io.Writer.nullWriter());
                            } catch (IOException ignored) {
                                // the server stopped
                            }
                        });
                        drain.setDaemon(true);
                        drain.start();
                        return u.endsWith("/") ? u : u + "/";
                    }
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new AssertionError("serve never printed its address:\n" + seen);
        });
        return url.get(3, TimeUnit.MINUTES);
    }
}

package dev.waymark.serve;

import dev.waymark.Pipeline;
import dev.waymark.support.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview server on a real socket: content types, HEAD, 404, traversal, rebuild, reload events, error overlay. */
class DevServerTest {
    static final Path MINI = Run.ROOT.resolve("src/test/resources/sites/mini/content");
    @TempDir
    Path tmp;
    DevServer server;
    Path content;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        content = tmp.resolve("content");
        Run.copyTree(MINI, content);
        server = new DevServer(new Pipeline.Options(content, tmp.resolve("out"), Run.THEMES, "", false), "127.0.0.1", 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String base() {
        return "http://127.0.0.1:" + server.port() + "/guide/";
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request, so the path reaches the server exactly as written (no client-side normalisation). */
    String raw(String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }

    @Test
    void servesPagesWithTheRightTypes() throws Exception {
        HttpResponse<String> home = get("");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("content-type").orElse(""));
        assertTrue(home.body().contains("<script src=\"/_waymark/reload.js\" defer></script></body>"), "reload client injected");
        assertEquals("nosniff", home.headers().firstValue("x-content-type-options").orElse(""));
        String css = home.body().replaceAll("(?s).*href=\"(assets/style\\.[0-9a-f]+\\.css)\".*", "$1");
        assertEquals("text/css; charset=utf-8", get(css).headers().firstValue("content-type").orElse(""));
        assertEquals("application/json; charset=utf-8", get("search/index.json").headers().firstValue("content-type").orElse(""));
        assertEquals(301, get("tools").statusCode(), "a folder without its slash redirects");
        assertEquals(301, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the root redirects to the base path");
        assertFalse(Files.readString(server.root().resolve("index.html")).contains("reload.js"), "files on disk are untouched");
    }

    @Test
    void headAnd404And405() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base() + "tools/alpha/index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertTrue(Long.parseLong(head.headers().firstValue("content-length").orElse("0")) > 1000);
        HttpResponse<String> missing = get("no/such/page.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), "the site's own 404 page");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base())).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Files.createSymbolicLink(server.root().resolve("leak.txt"), tmp.resolve("secret.txt"));
        for (String attack : List.of("/guide/../secret.txt", "/guide/%2e%2e/secret.txt", "/guide/%2e%2e%2fsecret.txt",
                "/guide/%252e%252e/secret.txt", "/guide/..%5csecret.txt", "/guide/assets/..%2f..%2f..%2fsecret.txt",
                "/guide/%00/../secret.txt", "/guide/leak.txt", "/../../etc/passwd", "/guide/....//secret.txt")) {
            String response = raw(attack);
            String status = response.substring(0, response.indexOf("\r\n"));
            assertTrue(status.contains(" 400 ") || status.contains(" 404 "), attack + " -> " + status);
            assertFalse(response.contains("TOP-SECRET") || response.contains("root:x:"), attack + " leaked a file");
        }
    }

    @Test
    void editRebuildsAndReloadsAndErrorsShowUntilFixed() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_waymark/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("content-type").orElse(""));
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) events.add(line);
            } catch (IOException e) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        Path compare = content.resolve("compare.md");
        String original = Files.readString(compare);

        Files.writeString(compare, original.replace("## Notes", "## Fresh notes"));
        // A writer truncates, then writes: a build may catch the empty file in between, so wait for the reload.
        assertEquals("event: reload", awaitEvent(events, "event: reload"));
        await(() -> uncheckedGet("compare/index.html").contains("Fresh notes"), "the rebuilt page");

        Files.writeString(compare, "---\ntitle: [broken\n---\n");
        assertEquals("event: error", nextEvent(events));
        String data = events.poll(5, TimeUnit.SECONDS);
        assertTrue(data != null && data.contains("compare.md") && data.contains("\"line\":2"), data);
        String status = get("").body().isEmpty() ? "" : http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_waymark/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(status.startsWith("{\"ok\":false") && status.contains("invalid YAML"), status);
        assertTrue(get("compare/index.html").body().contains("Fresh notes"), "the last good site is still served");

        Files.writeString(compare, original);
        assertEquals("event: reload", awaitEvent(events, "event: reload"));
        await(() -> uncheckedGet("compare/index.html").contains("id=\"notes\""), "the fixed page");
        assertTrue(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_waymark/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body().startsWith("{\"ok\":true"));
    }

    /** Skips events until {@code wanted} arrives (null after the deadline). */
    private static String awaitEvent(BlockingQueue<String> events, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String line;
        do {
            line = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (line != null && !line.equals(wanted));
        return line;
    }

    /** The next {@code event:} line, skipping comments, data and blank lines. */
    private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
        String line;
        do {
            line = events.poll(20, TimeUnit.SECONDS);
        } while (line != null && !line.startsWith("event:"));
        return line;
    }

    private String uncheckedGet(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void underConcurrentLoadEveryResponseIsAWholePageWhileContentChanges() throws Exception {
        Path compare = content.resolve("compare.md");
        String original = Files.readString(compare);
        java.util.concurrent.atomic.AtomicInteger whole = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Queue<String> bad = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // The load lasts until three rebuilds have happened under it (rebuilds take seconds on a busy 2-core machine).
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < 40; c++) {
            Thread t = new Thread(() -> {
                while (!done.get()) {
                    try {
                        HttpResponse<String> r = get(List.of("", "compare/index.html", "tools/alpha/index.html").get(whole.get() % 3));
                        if (r.statusCode() == 200 && r.body().startsWith("<!DOCTYPE html>") && r.body().strip().endsWith("</html>")) {
                            whole.incrementAndGet();
                        } else {
                            bad.add(r.statusCode() + " " + r.body().length());
                        }
                    } catch (Exception e) {
                        bad.add(e.toString());
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        int builds = server.builds();
        for (int i = 0; server.builds() < builds + 3 && System.nanoTime() < until; i++) {
            Files.writeString(compare, original + "\nEdit " + i + ".\n");
            int seen = server.builds();
            await(() -> server.builds() > seen || System.nanoTime() >= until, "a rebuild");
        }
        done.set(true);
        for (Thread t : clients) t.join();
        assertTrue(server.builds() >= builds + 3, "several rebuilds happened during the load: " + (server.builds() - builds));
        assertEquals(List.of(), List.copyOf(bad), "no error and no half-written page");
        assertTrue(whole.get() > 100, "responses: " + whole.get());
    }

    @Test
    void aBusyPortGivesAClearMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run.Outcome r = Run.waymark("serve", "--port", Integer.toString(busy.getLocalPort()), "--content", content.toString(),
                    "--themes", Run.THEMES.toString());
            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("waymark serve: port " + busy.getLocalPort() + " on 127.0.0.1 is already in use"), r.err());
            assertFalse(r.err().contains("--help"), "a busy port is not a usage error: " + r.err());
        }
    }
}

package dev.waymark.serve;

import dev.waymark.Pipeline;
import dev.waymark.support.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview keeps working whatever its clients and the content do: stalled connections, a tab that never reads, a
 * foreign Host header, a rebuild that throws an Error, files that vanish mid-build. Real sockets on 127.0.0.1.
 */
class ServeReliabilityTest {
    static final Path MINI = Run.ROOT.resolve("src/test/resources/sites/mini/content");
    @TempDir
    Path tmp;
    Path content;
    DevServer server;
    final Queue<String> log = new ConcurrentLinkedQueue<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    void start(Consumer<Set<Path>> beforeRebuild, Path overrides) throws IOException {
        content = tmp.resolve("guide/content");
        Run.copyTree(MINI, content);
        Pipeline.Options options = new Pipeline.Options(content, tmp.resolve("out"), Run.THEMES, "", false,
                overrides == null ? Run.THEMES.resolve("local") : overrides);
        server = new DevServer(options, "127.0.0.1", 0, log::add, beforeRebuild);
        server.start();
    }

    void start() throws IOException {
        start(changed -> { }, null);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    String base() {
        return "http://127.0.0.1:" + server.port() + "/guide/";
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String status() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_waymark/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** Edits a file and waits for the rebuild it causes. */
    void edit(Path file, String text) throws Exception {
        int before = server.builds();
        Files.writeString(file, text);
        await(() -> server.builds() > before, "a rebuild after editing " + file.getFileName());
    }

    String raw(String hostHeader, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + (hostHeader == null ? "" : "Host: " + hostHeader + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void sixtyFourStalledConnectionsDoNotFreezeTheServer() throws Exception {
        start();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.getOutputStream().write('G'); // one byte of a request line, then nothing
                s.getOutputStream().flush();
                stalled.add(s);
            }
            await(() -> server.busyThreads() >= 64, "the server to be reading all 64 stalled requests");
            HttpResponse<String> page = get("");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("</html>"));
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    @Test
    void aTabThatNeverReadsDoesNotStopRebuilds() throws Exception {
        start();
        try (Socket deaf = new Socket()) {
            deaf.setReceiveBufferSize(4096);
            deaf.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            deaf.getOutputStream().write("GET /_waymark/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            await(() -> server.channel().size() == 1, "the deaf tab to subscribe");
            String big = "x".repeat(8192);
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 2000; i++) server.channel().send("error", big); // 16 MB, far more than any socket buffer
            });
            sender.start();
            sender.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!sender.isAlive(), "sending never waits for a tab");
            await(() -> server.channel().size() == 0, "the deaf tab to be dropped");
            Path compare = content.resolve("compare.md");
            edit(compare, Files.readString(compare) + "\nOne more line.\n");
            assertTrue(status().startsWith("{\"ok\":true"), status());
            // a tab that reads gets the next reload
            HttpResponse<java.io.InputStream> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_waymark/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                assertEquals(": connected", lines.readLine());
                edit(compare, Files.readString(compare) + "\nAnd another.\n");
                assertEquals("", lines.readLine());
                assertEquals("event: reload", lines.readLine());
            }
        }
    }

    @Test
    void onlyLoopbackNamesAndTheBoundAddressAreAnswered() throws Exception {
        start();
        int port = server.port();
        for (String ok : List.of("127.0.0.1", "127.0.0.1:" + port, "localhost", "LOCALHOST:" + port, "[::1]", "[::1]:" + port)) {
            assertEquals("HTTP/1.1 200 OK", raw(ok, "/guide/"), ok);
        }
        for (String bad : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example", "localhost.evil.example",
                "10.0.0.1", "[::2]", "")) {
            assertEquals("HTTP/1.1 403 Forbidden", raw(bad, "/guide/"), bad);
        }
        assertEquals("HTTP/1.1 403 Forbidden", raw(null, "/guide/"), "no Host header");
        assertEquals("HTTP/1.1 403 Forbidden", raw("evil.example", "/_waymark/events"), "the event stream too");
        assertEquals("HTTP/1.1 403 Forbidden", raw("evil.example", "/_waymark/status"), "and the status");
    }

    @Test
    void aRebuildThatThrowsAnErrorIsReportedAndTheNextEditRebuilds() throws Exception {
        AtomicBoolean overflow = new AtomicBoolean();
        start(changed -> {
            if (overflow.get()) throw new StackOverflowError();
        }, null);
        Path compare = content.resolve("compare.md");
        String original = Files.readString(compare);
        overflow.set(true);
        edit(compare, original + "\nEdit one.\n");
        String status = status();
        assertTrue(status.startsWith("{\"ok\":false"), status);
        assertTrue(status.contains("\"file\":\"" + compare + "\",\"line\":1"), status);
        assertTrue(log.contains(compare + ":1:1: error: the rebuild failed: something in this change is nested too deeply to process [rebuild-failed]"), log.toString());
        assertEquals(200, get("").statusCode(), "the last good site is still served");

        overflow.set(false);
        edit(compare, original + "\nEdit two.\n");
        assertTrue(status().startsWith("{\"ok\":true"), status());
        assertTrue(get("compare/index.html").body().contains("Edit two."));
        assertTrue(log.stream().anyMatch(l -> l.matches("rebuilt in \\d+ ms")), log.toString());
    }

    @Test
    void aFooterNestedFiveThousandDeepFailsOneRebuildOnly() throws Exception {
        start();
        Path config = content.resolve("site.yaml");
        String original = Files.readString(config);
        edit(config, original + "footer: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertTrue(status().startsWith("{\"ok\":false"), status());
        assertTrue(log.stream().anyMatch(l -> l.startsWith(config + ":")), "the terminal names site.yaml: " + log);
        edit(config, original);
        assertTrue(status().startsWith("{\"ok\":true"), status());
    }

    @Test
    void filesVanishingDuringRebuildsDoNotStopTheWatcher() throws Exception {
        AtomicBoolean vanish = new AtomicBoolean(true);
        start(changed -> {
            if (vanish.get() && changed != null) {
                throw new java.io.UncheckedIOException(new NoSuchFileException(content.resolve("img/3.png").toString()));
            }
        }, null);
        Path compare = content.resolve("compare.md");
        String original = Files.readString(compare);
        edit(compare, original + "\nA.\n");
        assertTrue(log.contains(compare + ":1:1: error: the rebuild failed: " + content.resolve("img/3.png")
                + " was removed while the site was being built [rebuild-failed]"), log.toString());
        // and real churn: files appear and disappear while rebuilds run
        vanish.set(false);
        Path img = Files.createDirectories(content.resolve("img"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (int round = 0; System.nanoTime() < until; round++) {
            for (int i = 0; i < 50; i++) Files.write(img.resolve(i + ".png"), new byte[]{(byte) round});
            Thread.sleep(40);
            for (int i = 0; i < 50; i++) Files.deleteIfExists(img.resolve(i + ".png"));
            Thread.sleep(40);
        }
        edit(compare, original + "\nAfter the churn.\n");
        await(() -> {
            try {
                return status().startsWith("{\"ok\":true") && get("compare/index.html").body().contains("After the churn.");
            } catch (Exception e) {
                return false;
            }
        }, "a good rebuild after the churn");
    }

    @Test
    void contentErrorsAreReportedInTheTerminalWithFileAndLine() throws Exception {
        start();
        Path compare = content.resolve("compare.md");
        edit(compare, "---\ntitle: [broken\n---\n");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("rebuild failed in ") && l.endsWith("; still serving the last good build")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith(compare + ":2:")), log.toString());
    }

    /** A rebuild with 150 errors prints 100 of them and a count, as {@code build} does, so the cause stays on screen. */
    @Test
    void aFloodOfRebuildErrorsIsCutAtAHundredWithACount() throws Exception {
        start();
        Path compare = content.resolve("compare.md");
        StringBuilder body = new StringBuilder("---\ntitle: Compare\ndescription: d\n---\n\n");
        for (int i = 0; i < 150; i++) body.append("[x](gone").append(i).append(".md)\n\n");
        log.clear();
        edit(compare, body.toString());
        List<String> lines = List.copyOf(log);
        assertEquals(1 + 100 * 2 + 1, lines.size(), String.join("\n", lines));
        assertEquals(List.of(compare + ":6:1: error: link to a missing page \"gone0.md\" [broken-link]",
                "    hint: check the path; it is relative to this file"), lines.subList(1, 3));
        assertEquals(List.of(compare + ":204:1: error: link to a missing page \"gone99.md\" [broken-link]",
                "    hint: check the path; it is relative to this file",
                "... and 50 more not shown (50 errors, 0 warnings); fix these first, or see every one with --format json"),
                lines.subList(199, 202));
    }

    @Test
    void thePassthroughFolderAndTheOverridesAreWatched() throws Exception {
        Path overrides = Files.createDirectories(tmp.resolve("guide/overrides/assets"));
        Files.writeString(overrides.resolve("extra.txt"), "one");
        Path passthrough = Files.createDirectories(tmp.resolve("guide/static"));
        Files.writeString(passthrough.resolve("CNAME"), "one.example.org\n");
        start(changed -> { }, overrides.getParent());
        assertEquals(List.of(content, passthrough, Run.THEMES, overrides.getParent()), server.watched());
        assertEquals("one.example.org\n", get("CNAME").body());
        edit(passthrough.resolve("CNAME"), "two.example.org\n");
        assertEquals("two.example.org\n", get("CNAME").body());
        int before = server.builds();
        edit(overrides.resolve("extra.txt"), "two");
        assertTrue(server.builds() > before);
    }
}

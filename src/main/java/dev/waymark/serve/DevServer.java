package dev.waymark.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waymark.Pipeline;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Format;
import dev.waymark.incremental.IncrementalBuild;
import dev.waymark.diag.Json;
import dev.waymark.write.Passthrough;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local preview: builds the site, serves it on a loopback address under its base path, rebuilds when content or
 * themes change, and tells open tabs to reload (or shows the build errors). The last good site keeps being served
 * while the content is broken.
 */
public final class DevServer implements AutoCloseable {
    private static final String TOOLS = "/_waymark/";
    private static final byte[] INJECT = ("<link rel=\"stylesheet\" href=\"/_waymark/overlay.css\">"
            + "<script src=\"/_waymark/reload.js\" defer></script>").getBytes(StandardCharsets.UTF_8);

    /** Threads that serve requests. A client that sends part of a request and stalls holds one until maxReqTime. */
    static final int THREADS = 256;
    /** Seconds a request may take to arrive in full before the connection is closed. */
    static final String MAX_REQUEST_SECONDS = "10";

    static {
        // The JDK's server reads each request on a pool thread and, unless told, waits for it forever; these are its
        // documented knobs (sun.net.httpserver.*), read once when its classes load, so they are set before that.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        }
    }

    /** Runs before each rebuild; tests inject failures through it. */
    private final Consumer<Set<Path>> beforeRebuild;
    private final Pipeline.Options options;
    private final Consumer<String> log;
    private final ReloadChannel channel = new ReloadChannel();
    private final AtomicInteger builds = new AtomicInteger();
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final HostCheck hosts;
    private volatile List<Diagnostic> lastDiagnostics = List.of();
    private volatile boolean lastOk;
    private volatile String basePath = "/";
    private volatile long lastBuildMillis;
    /**
     * The build kept in memory: a change re-renders only what it touches and rewrites only changed files, each with
     * an atomic rename, in the folder being served; a failed build writes nothing.
     */
    private final IncrementalBuild live;
    /** The folder served once a build has succeeded. */
    private volatile Path root;
    private boolean multilingual;
    private Watcher watcher;

    public DevServer(Pipeline.Options options, String host, int port) throws IOException {
        this(options, host, port, line -> { });
    }

    /** @param log where each rebuild is reported, one line at a time ({@code rebuilt in N ms}, or the errors) */
    public DevServer(Pipeline.Options options, String host, int port, Consumer<String> log) throws IOException {
        this(options, host, port, log, changed -> { });
    }

    DevServer(Pipeline.Options options, String host, int port, Consumer<String> log, Consumer<Set<Path>> beforeRebuild)
            throws IOException {
        this.options = options;
        this.log = log;
        this.beforeRebuild = beforeRebuild;
        this.live = new IncrementalBuild(options.withOut(options.out().resolve("live")));
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "waymark-serve-" + n.incrementAndGet(), 512 * 1024);
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        this.hosts = new HostCheck(host);
    }

    /** Builds once, starts serving and watching. */
    public void start() throws IOException {
        rebuild();
        server.start();
        watcher = new Watcher(watched(), this::rebuild);
        watcher.start();
    }

    /**
     * The folders a change in which rebuilds the site: the content, its passthrough folder, the guide's own themes and
     * the installed ones, and the overrides; those that exist, none twice.
     */
    public List<Path> watched() {
        Path content = options.content().toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>(List.of(content, Passthrough.beside(content)));
        candidates.addAll(options.themeRoots());
        candidates.add(options.overrides());
        List<Path> roots = new ArrayList<>();
        for (Path c : candidates) {
            Path p = c.toAbsolutePath().normalize();
            if (!Files.isDirectory(p) || roots.stream().anyMatch(p::startsWith)) continue;
            roots.removeIf(r -> r.startsWith(p));
            roots.add(p);
        }
        return List.copyOf(roots);
    }

    /** How many request threads are busy; the stalled-connection test waits on it. */
    int busyThreads() {
        return executor.getActiveCount();
    }

    ReloadChannel channel() {
        return channel;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + basePath;
    }

    public int builds() {
        return builds.get();
    }

    public long lastBuildMillis() {
        return lastBuildMillis;
    }

    public List<Diagnostic> diagnostics() {
        return lastDiagnostics;
    }

    /** Rebuilds the whole site; on success tabs reload, on failure they show the errors and the old site stays. */
    public void rebuild() {
        rebuild(null);
    }

    /**
     * Brings the site up to date after a change; on success tabs reload, on failure they show the errors and the old
     * site stays. Whatever happens, an {@link Error} included, ends as a report: in the terminal, in the overlay and
     * in {@code /_waymark/status}; the server and the watcher carry on.
     *
     * @param changed the files that changed, or null when unknown (everything is read again)
     */
    public synchronized void rebuild(Set<Path> changed) {
        long start = System.nanoTime();
        Pipeline.Result result;
        try {
            beforeRebuild.accept(changed);
            // the incremental build knows one language; a guide in several is rebuilt whole, into a folder of its own
            multilingual = new dev.waymark.content.SiteConfigReader()
                    .read(options.content(), Pipeline.display(options.content()), new dev.waymark.diag.Diagnostics()).multilingual();
            result = multilingual ? new Pipeline().build(options.withOut(options.out().resolve("languages"))) : live.update(changed);
        } catch (Throwable e) { // NOPMD: a rebuild must never take the server down; the failure is reported below
            result = new Pipeline.Result(List.of(RebuildFailure.diagnostic(e, changed, options.content())), null, false, 0);
        }
        lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        lastDiagnostics = result.diagnostics();
        lastOk = !result.failed();
        if (result.site() != null && lastOk) {
            basePath = result.site().config().basePath();
        }
        int build = builds.get() + 1;
        if (lastOk) {
            root = multilingual ? options.out().resolve("languages") : live.output();
            if (build > 1) log.accept("rebuilt in " + lastBuildMillis + " ms");
            report(); // warnings
            channel.send("reload", "{\"build\":" + build + ",\"ms\":" + lastBuildMillis + "}");
        } else {
            long errors = lastDiagnostics.stream().filter(Diagnostic::isError).count();
            log.accept("rebuild failed in " + lastBuildMillis + " ms with " + errors + " error" + (errors == 1 ? "" : "s")
                    + "; still serving the last good build");
            report();
            channel.send("error", diagnosticsJson());
        }
        builds.incrementAndGet(); // last: whoever waits for the count finds the report complete
    }

    private void report() {
        Format.TEXT.shown(lastDiagnostics).lines().forEach(log); // capped as build's text is: the cause stays on screen
    }

    private String diagnosticsJson() {
        List<Object> list = new ArrayList<>();
        for (Diagnostic d : lastDiagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.at().displayPath());
            m.put("line", d.at().line());
            m.put("column", d.at().column());
            m.put("severity", d.severity().label());
            m.put("message", d.message());
            m.put("hint", d.hint());
            list.add(m);
        }
        return Json.write(list);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
            try (exchange) {
                send(exchange, 403, "text/plain; charset=utf-8", ("forbidden: this preview answers only to " + hosts.describe()
                        + "\n").getBytes(StandardCharsets.UTF_8), exchange.getRequestMethod().equals("HEAD"));
            }
            return;
        }
        if (exchange.getRequestURI().getRawPath().equals(TOOLS + "events") && exchange.getRequestMethod().equals("GET")) {
            channel.open(exchange); // stays open: the channel closes it when the tab goes away or the server stops
            return;
        }
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.startsWith(TOOLS)) {
                tools(exchange, raw.substring(TOOLS.length()), head);
                return;
            }
            Optional<String> decoded = SafePath.decode(raw);
            if (decoded.isEmpty()) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            String path = "/" + decoded.get();
            if (!path.startsWith(basePath)) {
                if (path.equals("/") || (path + "/").equals(basePath)) {
                    redirect(exchange, basePath);
                } else {
                    notFound(exchange, head);
                }
                return;
            }
            serveFile(exchange, path.substring(basePath.length()), head);
        }
    }

    /** The site folder currently served (the last good build). */
    public Path root() {
        return root;
    }

    private void serveFile(HttpExchange exchange, String rel, boolean head) throws IOException {
        Path root = this.root;
        if (root == null) {
            notFound(exchange, head);
            return;
        }
        Optional<Path> file = SafePath.resolve(root, rel);
        if (file.isPresent() && Files.isDirectory(file.get())) {
            if (!rel.isEmpty() && !rel.endsWith("/")) {
                redirect(exchange, basePath + rel + "/");
                return;
            }
            file = SafePath.resolve(root, rel + "index.html");
        }
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            notFound(exchange, head);
            return;
        }
        byte[] body = read(file.get());
        if (body == null) {
            notFound(exchange, head);
            return;
        }
        String type = ContentTypes.of(file.get().getFileName().toString());
        send(exchange, 200, type, type.startsWith("text/html") ? inject(body) : body, head);
    }

    /** Reads a whole file, or null when it vanished (its build folder was retired under a very slow request). */
    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void notFound(HttpExchange exchange, boolean head) throws IOException {
        Path current = root;
        Optional<Path> page = current == null ? Optional.empty() : SafePath.resolve(current, "404.html");
        byte[] body = page.isPresent() ? read(page.get()) : null;
        if (body == null) body = "not found\n".getBytes(StandardCharsets.UTF_8);
        send(exchange, 404, page.isPresent() ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
                page.isPresent() ? inject(body) : body, head);
    }

    private void tools(HttpExchange exchange, String name, boolean head) throws IOException {
        switch (name) {
            case "status" -> send(exchange, 200, "application/json; charset=utf-8",
                    ("{\"ok\":" + lastOk + ",\"build\":" + builds.get() + ",\"ms\":" + lastBuildMillis + ",\"diagnostics\":" + diagnosticsJson() + "}")
                            .getBytes(StandardCharsets.UTF_8), head);
            case "reload.js" -> send(exchange, 200, "text/javascript; charset=utf-8", resource("reload.js"), head);
            case "overlay.css" -> send(exchange, 200, "text/css; charset=utf-8", resource("overlay.css"), head);
            default -> notFound(exchange, head);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DevServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }

    /** Adds the reload client before {@code </body>}; the files on disk are never changed. */
    static byte[] inject(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        int at = s.lastIndexOf("</body>");
        if (at < 0) return html;
        return (s.substring(0, at) + new String(INJECT, StandardCharsets.UTF_8) + s.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 301, "text/plain; charset=utf-8", ("moved to " + location + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        if (head) {
            h.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        live.close();
        channel.closeAll();
        server.stop(0);
        executor.shutdownNow();
    }

    static void deleteQuietly(Path p) {
        try {
            dev.waymark.write.SiteWriter.deleteTree(p);
        } catch (UncheckedIOException e) {
            // best effort on exit
        }
    }
}

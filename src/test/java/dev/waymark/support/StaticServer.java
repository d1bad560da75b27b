package dev.waymark.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal static file server on 127.0.0.1 and a free port, for browser tests of a built site. */
public final class StaticServer implements AutoCloseable {
    private final HttpServer server;

    public StaticServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Path base = root.toRealPath();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = base.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            byte[] body;
            int status = 200;
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                body = Files.readAllBytes(base.resolve("404.html"));
                status = 404;
                file = base.resolve("404.html");
            } else {
                body = Files.readAllBytes(file);
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

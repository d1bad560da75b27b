package dev.waymark.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Server-sent events to every open preview tab: {@code reload} after a good build, {@code error} after a failed one. */
final class ReloadChannel {
    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();

    void open(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        clients.add(exchange);
    }

    void send(String event, String data) {
        byte[] bytes = ("event: " + event + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (HttpExchange c : clients) {
            try {
                OutputStream out = c.getResponseBody();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                clients.remove(c);
                c.close();
            }
        }
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        clients.forEach(HttpExchange::close);
        clients.clear();
    }
}

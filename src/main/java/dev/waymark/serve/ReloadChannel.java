package dev.waymark.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent events to every open preview tab: {@code reload} after a good build, {@code error} after a failed one.
 *
 * <p>Each tab has a small queue and a thread of its own that writes it, so {@link #send} never waits for a socket. A
 * tab that falls {@value #QUEUE} events behind has stopped reading; it is dropped, and interrupting its writer closes
 * the socket under a blocked write. A browser that is merely slow reconnects on its own.
 */
final class ReloadChannel {
    static final int QUEUE = 16;
    static final int MAX_CLIENTS = 64;
    private static final byte[] CLOSE = new byte[0];
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    void open(HttpExchange exchange) throws IOException {
        if (clients.size() >= MAX_CLIENTS) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client c = new Client(exchange);
        clients.add(c);
        c.queue.offer(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        c.thread.start();
    }

    /** Queues an event for every tab; returns at once, whatever the tabs do. */
    void send(String event, String data) {
        byte[] bytes = ("event: " + event + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (Client c : clients) {
            if (!c.queue.offer(bytes)) drop(c);
        }
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        for (Client c : clients) {
            clients.remove(c);
            c.queue.clear();
            c.queue.offer(CLOSE);
            c.thread.interrupt();
        }
    }

    private void drop(Client c) {
        if (clients.remove(c)) c.thread.interrupt();
    }

    private final class Client {
        final HttpExchange exchange;
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
        final Thread thread;

        Client(HttpExchange exchange) {
            this.exchange = exchange;
            this.thread = new Thread(null, this::run, "waymark-events", 256 * 1024);
            thread.setDaemon(true);
        }

        private void run() {
            try {
                OutputStream out = exchange.getResponseBody();
                while (true) {
                    byte[] next = queue.take();
                    if (next == CLOSE) break;
                    out.write(next);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the tab went away, fell behind, or the server stops
            } finally {
                clients.remove(this);
                exchange.close();
            }
        }
    }
}

package dev.waymark.cli;

import dev.waymark.Pipeline;
import dev.waymark.diag.DisplayPath;
import dev.waymark.serve.DevServer;
import dev.waymark.write.OutputFolder;
import dev.waymark.write.OutputRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code waymark serve}: local preview on 127.0.0.1 with rebuild on save, live reload and an error overlay. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Preview the site locally; rebuild and reload on save.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "8080")
    int port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @CommandLine.Mixin
    SourceOptions source;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the preview is built (default: a temporary folder, so site/ is never touched).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * What to print when the address cannot be bound: the cause first, then what to do. The JDK's message says which
     * refusal it was ("Address already in use", "Permission denied", "Cannot assign requested address").
     */
    static List<String> bindRefused(String host, int port, String reason) {
        String why = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
        if (why.contains("in use")) {
            return List.of("port " + port + " on " + host + " is already in use by another process",
                    "pass --port N for another port (--port 0 picks a free one), or stop the process that holds " + port);
        }
        if (why.contains("permission") || why.contains("access")) {
            return List.of("not allowed to listen on port " + port + " on " + host
                            + " (ports below 1024 usually need administrator rights)",
                    "pass --port N with N of 1024 or more, e.g. --port 8080 (--port 0 picks a free one)");
        }
        if (why.contains("unresolved")) {
            return List.of("no address found for the host name " + host,
                    "leave --host out to serve on 127.0.0.1, or pass an address or name this machine has");
        }
        if (why.contains("assign")) {
            return List.of(host + " is not an address of this machine, so nothing can listen on it",
                    "leave --host out to serve on 127.0.0.1, or pass an address this machine has");
        }
        return List.of("cannot listen on port " + port + " on " + host + (reason == null ? "" : ": " + reason),
                "pass --port N for another port (--port 0 picks a free one), or leave --host out to serve on 127.0.0.1");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port + " (0 picks a free port)");
        }
        if (!Files.isDirectory(source.pipeline(Path.of("site")).content())) {
            // as build says it: there is no guide to preview, so nothing to serve (not "still serving the last good build")
            return Refused.print(spec.commandLine().getErr(), "serve", "no content folder at " + source.pipeline(Path.of("site")).content(),
                    "run `waymark init` to start a guide here, or pass --content DIR");
        }
        boolean temporary = out == null;
        Path target = temporary ? Files.createTempDirectory("waymark-serve").resolve("site") : out;
        Pipeline.Options options = source.pipeline(target);
        PrintWriter outw = spec.commandLine().getOut();
        if (!temporary) {
            try {
                OutputFolder.checkPlacement(out, source.surroundings(options));
            } catch (OutputRefusedException e) {
                spec.commandLine().getErr().println(e.format());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
        DevServer server;
        try {
            server = new DevServer(options, host, port, line -> {
                outw.println(line);
                outw.flush();
            });
        } catch (java.net.SocketException | java.nio.channels.UnresolvedAddressException e) {
            // not bad usage: the command was right, the system refused the address, so no "see --help" line
            if (temporary) dev.waymark.write.SiteWriter.deleteTree(target.getParent());
            List<String> refused = bindRefused(host, port, e instanceof java.net.SocketException ? e.getMessage() : "unresolved");
            return Refused.print(spec.commandLine().getErr(), "serve", refused.get(0), refused.get(1));
        }
        server.start();
        outw.printf("serving %s (built in %d ms); Ctrl+C to stop%n", server.url(), server.lastBuildMillis());
        outw.println("watching " + String.join(", ", server.watched().stream().map(p -> DisplayPath.of(p).toString()).toList()));
        outw.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (temporary) dev.waymark.write.SiteWriter.deleteTree(target.getParent());
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}

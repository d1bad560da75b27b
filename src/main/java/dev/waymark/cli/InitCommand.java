package dev.waymark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code waymark init [DIR]}: a new guide that is neutral about its topic and builds with {@code --strict}. It writes
 * only into an empty or new folder, and never replaces a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Start a new guide in DIR (default: the current folder), which must be empty.")
public final class InitCommand implements Callable<Integer> {
    private static final String SCAFFOLD = "/dev/waymark/init/";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder for the new guide (created if missing; must be empty).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One scaffold file: its resource name and its path in the new guide. */
    record Entry(String resource, String target) {
    }

    @Override
    public Integer call() throws IOException {
        Path root = dir == null ? Path.of("") : dir;
        Path shown = dev.waymark.diag.DisplayPath.of(root);
        String name = shown.toString().isEmpty() ? "." : shown.toString();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            return Refused.print(spec.commandLine().getErr(), "init", name + " is a file, not a folder (nothing was written)",
                    "run `waymark init NEW-FOLDER` with a folder name that does not exist yet");
        }
        if (Files.isDirectory(root) && !isEmpty(root)) {
            return Refused.print(spec.commandLine().getErr(), "init", name + " is not empty, and init never writes beside other files (nothing was written)",
                    "run `waymark init NEW-FOLDER` to start the guide in a new folder");
        }
        Files.createDirectories(root.toAbsolutePath());
        Properties release = release();
        for (Entry e : entries()) {
            Path file = root.resolve(e.target());
            Files.createDirectories(file.toAbsolutePath().getParent());
            String text = read(e.resource())
                    .replace("@VERSION@", release.getProperty("version", "0.1.0"))
                    .replace("@REPOSITORY@", release.getProperty("repository", "waymark-dev/waymark"));
            // CREATE_NEW: a file that appeared since the check above is never replaced
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        var out = spec.commandLine().getOut();
        String cd = name.equals(".") ? "" : "cd " + name + " && ";
        out.println("created a new guide in " + name + "; next: " + cd + "waymark serve");
        out.flush();
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (String line : read("files.txt").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+");
            out.add(new Entry(parts[0], parts[1]));
        }
        return List.copyOf(out);
    }

    static Properties release() {
        Properties p = new Properties();
        try (InputStream in = InitCommand.class.getResourceAsStream("/dev/waymark/release.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String read(String resource) {
        try (InputStream in = Objects.requireNonNull(InitCommand.class.getResourceAsStream(SCAFFOLD + resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

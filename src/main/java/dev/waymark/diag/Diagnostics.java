package dev.waymark.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A thread-safe collector of diagnostics. Stages add to it and keep going, so one run reports every problem.
 *
 * <p>A <em>cause</em> is a problem that stops a file from being read at all (a YAML syntax error, front matter that
 * never ends, bytes that are not UTF-8). Causes are listed first, and a later stage asks {@link #hasCause(Path)} to leave
 * out the errors that would only follow from one, so one mistake gives one error, not a flood.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final List<Diagnostic> causes = new ArrayList<>();
    private final Set<Path> unreadable = new HashSet<>();

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public void error(String code, SourcePosition at, String message, String hint) {
        add(Diagnostic.error(code, at, message, hint));
    }

    public void warning(String code, SourcePosition at, String message, String hint) {
        add(Diagnostic.warning(code, at, message, hint));
    }

    /** Adds a problem that stops its file from being read; it is reported before every other problem. */
    public synchronized void cause(Diagnostic d) {
        causes.add(d);
        unreadable.add(d.at().file());
    }

    /** The causes added so far, so a build that keeps diagnostics per file can add them again as causes. */
    public synchronized List<Diagnostic> causes() {
        return List.copyOf(causes);
    }

    /** Whether {@code file} (as shown in messages) could not be read because of a {@link #cause(Diagnostic)}. */
    public synchronized boolean hasCause(Path file) {
        return unreadable.contains(file);
    }

    public synchronized void addAll(Collection<Diagnostic> more) {
        items.addAll(more);
    }

    public synchronized boolean hasErrors() {
        return !causes.isEmpty() || items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized long errorCount() {
        return causes.size() + items.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics, causes first, each group in a stable order (path, line, column, message), duplicates removed. */
    public synchronized List<Diagnostic> sorted() {
        return Stream.concat(causes.stream().distinct().sorted(Diagnostic.ORDER),
                items.stream().distinct().filter(d -> !causes.contains(d)).sorted(Diagnostic.ORDER)).toList();
    }
}

package dev.waymark.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A thread-safe collector of diagnostics. Stages add to it and keep going, so one run reports every problem.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public void error(SourcePosition at, String message, String hint) {
        add(Diagnostic.error(at, message, hint));
    }

    public void warning(SourcePosition at, String message, String hint) {
        add(Diagnostic.warning(at, message, hint));
    }

    public synchronized void addAll(Collection<Diagnostic> more) {
        items.addAll(more);
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics in a stable order (path, line, column, message), duplicates removed. */
    public synchronized List<Diagnostic> sorted() {
        return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }
}

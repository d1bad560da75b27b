package dev.waymark.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command found, ready for a {@link Format}: the diagnostics in a stable order, a one-line summary for
 * people, and the same summary as named figures for machines.
 *
 * @param diagnostics what was found, in the order to print it (causes first, then by position)
 * @param summary     one line, e.g. {@code 0 errors, 1 warning in 11 pages}; empty for none
 * @param figures     the summary's figures by name, in a fixed order (numbers, strings, or maps of them)
 */
public record Report(List<Diagnostic> diagnostics, String summary, Map<String, Object> figures) {
    public Report {
        diagnostics = List.copyOf(diagnostics);
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    /** "1 page", "2 pages". */
    public static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

package dev.waymark.cli;

import dev.waymark.diag.Diagnostic;

import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics as {@code path:line:column: severity: message} with an indented hint. */
final class Reporter {
    private Reporter() {
    }

    static void print(List<Diagnostic> diagnostics, PrintWriter err, boolean quiet) {
        for (Diagnostic d : diagnostics) {
            if (quiet && !d.isError()) continue;
            err.println(d.format());
        }
        err.flush();
    }
}

package dev.waymark.diag;

import java.util.Comparator;

/**
 * One problem found in the content, with where it is and what to do about it.
 *
 * @param severity error or warning
 * @param at       the source position that caused it
 * @param message  what is wrong, in one line
 * @param hint     what to do about it, in one line (may be empty)
 */
public record Diagnostic(Severity severity, SourcePosition at, String message, String hint) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.at().displayPath())
            .thenComparingInt(d -> d.at().line())
            .thenComparingInt(d -> d.at().column())
            .thenComparing(Diagnostic::message);

    public static Diagnostic error(SourcePosition at, String message, String hint) {
        return new Diagnostic(Severity.ERROR, at, message, hint == null ? "" : hint);
    }

    public static Diagnostic warning(SourcePosition at, String message, String hint) {
        return new Diagnostic(Severity.WARNING, at, message, hint == null ? "" : hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:column: error: message} followed by an indented hint line when there is one. */
    public String format() {
        String head = at + ": " + severity.label() + ": " + message;
        return hint.isEmpty() ? head : head + System.lineSeparator() + "    hint: " + hint;
    }
}

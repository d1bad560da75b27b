package dev.waymark.diag;

import java.util.Comparator;
import java.util.Optional;

/**
 * One problem, found in the content by {@code build} or in a built site by {@code check}: where it is, how much it
 * matters, a stable code, what is wrong and what to do about it. Every command reports these, through one set of
 * formatters ({@link Format}).
 *
 * @param severity error or warning
 * @param at       the source position that caused it (the Markdown line when it is known)
 * @param code     a stable, kebab-case name for the kind of problem, e.g. {@code broken-link}. Every problem has one
 *                 (README, "Problem codes", lists them), so CI can filter and annotate by it
 * @param message  what is wrong, in one line
 * @param hint     what to do about it, in one line (may be empty)
 * @param output   where the problem shows in the built site, when that differs from {@code at}
 */
public record Diagnostic(Severity severity, SourcePosition at, String code, String message, String hint,
                         Optional<SourcePosition> output) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.at().displayPath())
            .thenComparingInt(d -> d.at().line())
            .thenComparingInt(d -> d.at().column())
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message)
            .thenComparing(d -> d.output().map(SourcePosition::toString).orElse(""));

    public Diagnostic {
        if (code == null || !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a diagnostic needs a stable kebab-case code, not \"" + code + "\"");
        }
        hint = hint == null ? "" : hint;
        output = output == null ? Optional.empty() : output;
    }

    public static Diagnostic error(String code, SourcePosition at, String message, String hint) {
        return new Diagnostic(Severity.ERROR, at, code, message, hint, Optional.empty());
    }

    public static Diagnostic warning(String code, SourcePosition at, String message, String hint) {
        return new Diagnostic(Severity.WARNING, at, code, message, hint, Optional.empty());
    }

    public Diagnostic withCode(String newCode) {
        return new Diagnostic(severity, at, newCode, message, hint, output);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(newSeverity, at, code, message, hint, output);
    }

    /** The same problem, also located in the built site (a {@code check} finding mapped back to its source). */
    public Diagnostic seenAt(SourcePosition where) {
        return new Diagnostic(severity, at, code, message, hint, Optional.of(where));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The text form: {@code path:line:column: error: message [code]}, then an indented hint line when there is one. */
    public String format() {
        return Format.text(this);
    }
}

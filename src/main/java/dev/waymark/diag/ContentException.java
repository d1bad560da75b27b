package dev.waymark.diag;

/** Thrown by a stage that cannot go on; carries the diagnostic that explains why. */
public final class ContentException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public ContentException(Diagnostic diagnostic) {
        super(diagnostic.format(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}

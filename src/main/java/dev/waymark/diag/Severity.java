package dev.waymark.diag;

/** How much a diagnostic matters. ERROR fails the build; WARNING is printed; OFF is dropped. */
public enum Severity {
    ERROR, WARNING, OFF;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

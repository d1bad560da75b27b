package dev.waymark.check;

import dev.waymark.diag.Severity;
import dev.waymark.diag.SourcePosition;

import java.util.Comparator;

/**
 * One problem in a built site.
 *
 * @param kind     what kind of problem, e.g. {@code broken-anchor}; severities are set per kind
 * @param at       where to fix it: the Markdown source and line when known, else the HTML file and line
 * @param htmlFile the built file it was found in, relative to the site root
 */
public record Finding(String kind, Severity severity, SourcePosition at, String message, String htmlFile, int htmlLine) {
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.at().displayPath())
            .thenComparingInt(f -> f.at().line()).thenComparingInt(f -> f.at().column())
            .thenComparing(Finding::kind).thenComparing(Finding::message).thenComparing(Finding::htmlFile);
}

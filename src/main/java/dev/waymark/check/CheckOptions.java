package dev.waymark.check;

import dev.waymark.diag.Severity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to check a site.
 *
 * @param basePath   the path the site is published under (e.g. {@code /guide/}); empty to detect it from the home
 *                   page's canonical URL
 * @param severities severity per finding kind; kinds not named are errors
 */
public record CheckOptions(Optional<String> basePath, Map<String, Severity> severities) {
    public CheckOptions {
        severities = Map.copyOf(severities);
    }

    public static CheckOptions defaults() {
        return new CheckOptions(Optional.empty(), Map.of());
    }

    public Severity severity(String kind) {
        return severities.getOrDefault(kind, Severity.ERROR);
    }

    public CheckOptions withSeverity(String kind, Severity severity) {
        Map<String, Severity> m = new HashMap<>(severities);
        m.put(kind, severity);
        return new CheckOptions(basePath, m);
    }
}

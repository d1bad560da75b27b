package dev.waymark.check;

import dev.waymark.diag.Severity;

import java.util.List;
import java.util.Map;

/** The result of checking a site: findings in a stable order, and what was checked. */
public record CheckReport(List<Finding> findings, int pages, int internalLinks, int externalLinks,
                          Map<String, Integer> externalDomains) {
    public CheckReport {
        findings = List.copyOf(findings);
        externalDomains = Map.copyOf(externalDomains);
    }

    public long errorCount() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** External domains, most linked first, then by name. */
    public List<Map.Entry<String, Integer>> topDomains() {
        return externalDomains.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}

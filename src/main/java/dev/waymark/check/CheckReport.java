package dev.waymark.check;

import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Report;
import dev.waymark.diag.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking a site: findings in a stable order, and what was checked.
 *
 * @param findings each problem, coded by its {@link CheckKind}, at its Markdown source when known and else in the
 *                 built file (then {@link Diagnostic#output()} names the built file too)
 */
public record CheckReport(List<Diagnostic> findings, int pages, int internalLinks, int externalLinks,
                          Map<String, Integer> externalDomains) {
    public CheckReport {
        findings = findings.stream().sorted(Diagnostic.ORDER).toList();
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

    /** This report for a {@link dev.waymark.diag.Format}: the findings, one summary line, and its figures. */
    public Report report() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("pages", pages);
        figures.put("internalLinks", internalLinks);
        Map<String, Object> domains = new LinkedHashMap<>();
        topDomains().forEach(e -> domains.put(e.getKey(), e.getValue()));
        figures.put("externalLinks", externalLinks);
        figures.put("externalDomains", domains);
        return new Report(findings, summary(), figures);
    }

    /** "0 errors, 1 warning in 11 pages; 120 internal references checked; 4 external links (not fetched): …" */
    public String summary() {
        return summary(errorCount(), warningCount());
    }

    /** The summary with the counts of a larger report (a build's warnings and its --strict findings together). */
    public String summary(long errors, long warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append(Report.counted(errors, "error")).append(", ").append(Report.counted(warnings, "warning"))
                .append(" in ").append(Report.counted(pages, "page")).append("; ")
                .append(Report.counted(internalLinks, "internal reference")).append(" checked; ")
                .append(Report.counted(externalLinks, "external link")).append(" (not fetched)");
        var top = topDomains();
        if (!top.isEmpty()) {
            sb.append(": ");
            for (int i = 0; i < Math.min(5, top.size()); i++) {
                if (i > 0) sb.append(", ");
                sb.append(top.get(i).getKey()).append(" (").append(top.get(i).getValue()).append(')');
            }
            if (top.size() > 5) sb.append(", and ").append(top.size() - 5).append(" more domains");
        }
        return sb.toString();
    }
}

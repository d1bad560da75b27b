package dev.waymark.check;

import dev.waymark.render.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stable JSON document: findings, summary and external domains, keys in a fixed order. */
public final class JsonFormat implements ReportFormat {
    @Override
    public String format(CheckReport r) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind());
            m.put("severity", f.severity().label());
            m.put("file", f.at().displayPath());
            m.put("line", f.at().line());
            m.put("column", f.at().column());
            m.put("message", f.message());
            m.put("htmlFile", f.htmlFile());
            m.put("htmlLine", f.htmlLine());
            findings.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", r.errorCount());
        summary.put("warnings", r.warningCount());
        summary.put("pages", r.pages());
        summary.put("internalLinks", r.internalLinks());
        Map<String, Object> domains = new LinkedHashMap<>();
        r.topDomains().forEach(e -> domains.put(e.getKey(), e.getValue()));
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("count", r.externalLinks());
        external.put("domains", domains);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("findings", findings);
        doc.put("summary", summary);
        doc.put("external", external);
        return Json.write(doc) + "\n";
    }
}

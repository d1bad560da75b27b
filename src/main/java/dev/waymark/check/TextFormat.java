package dev.waymark.check;

/** Human text, grouped by file: {@code  12:1  error  broken-anchor  message}. */
public final class TextFormat implements ReportFormat {
    @Override
    public String format(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        String current = null;
        for (Finding f : report.findings()) {
            String file = f.at().displayPath();
            if (!file.equals(current)) {
                if (current != null) sb.append('\n');
                sb.append(file).append('\n');
                current = file;
            }
            sb.append(String.format("  %d:%d  %-7s  %-19s  %s", f.at().line(), f.at().column(), f.severity().label(), f.kind(), f.message()));
            if (!f.htmlFile().equals(file)) sb.append("  (in ").append(f.htmlFile()).append(':').append(f.htmlLine()).append(')');
            sb.append('\n');
        }
        if (current != null) sb.append('\n');
        sb.append(ReportFormat.summary(report)).append('\n');
        return sb.toString();
    }
}

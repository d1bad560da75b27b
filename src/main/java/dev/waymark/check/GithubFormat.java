package dev.waymark.check;

/**
 * GitHub Actions workflow commands, so a pull request shows each problem on the Markdown line that caused it:
 * {@code ::error file=content/x.md,line=12,col=1,title=broken-anchor::message}.
 */
public final class GithubFormat implements ReportFormat {
    @Override
    public String format(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            sb.append("::").append(f.severity() == dev.waymark.diag.Severity.ERROR ? "error" : "warning")
                    .append(" file=").append(property(f.at().displayPath()))
                    .append(",line=").append(f.at().line())
                    .append(",col=").append(f.at().column())
                    .append(",title=").append(property(f.kind()))
                    .append("::").append(data(f.message())).append('\n');
        }
        sb.append(ReportFormat.summary(report)).append('\n');
        return sb.toString();
    }

    /** Escaping for the message part, per the workflow-command spec. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping for property values, which also reserve ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}

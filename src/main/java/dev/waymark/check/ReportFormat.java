package dev.waymark.check;

/** Turns a check report into text for one audience: a terminal, a machine, or a pull request. */
public interface ReportFormat {
    String format(CheckReport report);

    static ReportFormat named(String name) {
        return switch (name) {
            case "json" -> new JsonFormat();
            case "github" -> new GithubFormat();
            case "text" -> new TextFormat();
            default -> throw new IllegalArgumentException("unknown format \"" + name + "\"; use text, json or github");
        };
    }

    static String summary(CheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.errorCount()).append(" error").append(r.errorCount() == 1 ? "" : "s").append(", ")
                .append(r.warningCount()).append(" warning").append(r.warningCount() == 1 ? "" : "s").append(" in ")
                .append(r.pages()).append(r.pages() == 1 ? " page; " : " pages; ")
                .append(r.internalLinks()).append(r.internalLinks() == 1 ? " internal reference" : " internal references").append(" checked; ")
                .append(r.externalLinks()).append(r.externalLinks() == 1 ? " external link" : " external links").append(" (not fetched)");
        var top = r.topDomains();
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

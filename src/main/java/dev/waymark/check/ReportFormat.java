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

    /** "1 page", "2 pages". */
    private static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String summary(CheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(counted(r.errorCount(), "error")).append(", ").append(counted(r.warningCount(), "warning"))
                .append(" in ").append(counted(r.pages(), "page")).append("; ")
                .append(counted(r.internalLinks(), "internal reference")).append(" checked; ")
                .append(counted(r.externalLinks(), "external link")).append(" (not fetched)");
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

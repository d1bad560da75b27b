package dev.waymark.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ways any command prints what it found: {@code text} for a terminal, {@code json} for a machine and
 * {@code github} for a pull request. Each escapes everything it prints, so no file name or message, however hostile,
 * can add a line, a workflow command or a JSON key of its own.
 */
public enum Format {
    /** {@code path:line:column: error: message [code]}, an indented hint line, and the summary last. */
    TEXT {
        @Override
        public String diagnostics(List<Diagnostic> diagnostics) {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic d : diagnostics) sb.append(text(d)).append('\n');
            return sb.toString();
        }

        @Override
        public String report(Report report) {
            String body = shown(report.diagnostics());
            return report.summary().isEmpty() ? body : body + Escape.text(report.summary()) + '\n';
        }

        @Override
        public String shown(List<Diagnostic> diagnostics) {
            if (diagnostics.size() <= TEXT_LIMIT) return diagnostics(diagnostics);
            List<Diagnostic> ordered = new ArrayList<>(diagnostics.stream().filter(Diagnostic::isError).toList());
            diagnostics.stream().filter(d -> !d.isError()).forEach(ordered::add);
            long errors = diagnostics.stream().filter(Diagnostic::isError).count();
            int hidden = diagnostics.size() - TEXT_LIMIT;
            long hiddenErrors = Math.max(0, errors - TEXT_LIMIT);
            return diagnostics(ordered.subList(0, TEXT_LIMIT)) + "... and " + hidden + " more not shown ("
                    + Report.counted(hiddenErrors, "error") + ", " + Report.counted(hidden - hiddenErrors, "warning")
                    + "); fix these first, or see every one with --format json\n";
        }
    },
    /** One JSON document: {@code {"diagnostics":[…],"summary":{"errors":…,"warnings":…,…}}}, keys in a fixed order. */
    JSON {
        @Override
        public String diagnostics(List<Diagnostic> diagnostics) {
            return report(new Report(diagnostics, "", Map.of()));
        }

        @Override
        public String report(Report report) {
            StringBuilder sb = new StringBuilder("{\"diagnostics\":[");
            for (int i = 0; i < report.diagnostics().size(); i++) {
                if (i > 0) sb.append(',');
                Json.writeReport(json(report.diagnostics().get(i)), sb);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("errors", report.errorCount());
            summary.put("warnings", report.warningCount());
            summary.putAll(report.figures());
            sb.append("],\"summary\":");
            Json.writeReport(summary, sb);
            return sb.append("}\n").toString();
        }

        private Map<String, Object> json(Diagnostic d) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", d.severity().label());
            m.put("code", d.code());
            m.put("file", d.at().displayPath());
            m.put("line", d.at().line());
            m.put("column", d.at().column());
            m.put("message", d.message());
            m.put("hint", d.hint());
            d.output().ifPresent(o -> {
                Map<String, Object> seen = new LinkedHashMap<>(); // file, then line: Map.of's order changes from run to run
                seen.put("file", o.displayPath());
                seen.put("line", o.line());
                m.put("output", seen);
            });
            return m;
        }
    },
    /**
     * GitHub Actions workflow commands, so a pull request shows each problem on the line that caused it:
     * {@code ::error file=content/x.md,line=12,col=1,title=broken-anchor::message}. Escaped as the runner expects:
     * {@code %25 %0D %0A} everywhere, and {@code %3A %2C} in properties.
     */
    GITHUB {
        @Override
        public String diagnostics(List<Diagnostic> diagnostics) {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic d : diagnostics) {
                sb.append("::").append(d.isError() ? "error" : "warning")
                        .append(" file=").append(Escape.githubProperty(d.at().displayPath()))
                        .append(",line=").append(d.at().line())
                        .append(",col=").append(d.at().column());
                if (!d.code().isEmpty()) sb.append(",title=").append(Escape.githubProperty(d.code()));
                String message = d.message() + d.output().map(o -> " (in " + o.displayPath() + ":" + o.line() + ")").orElse("")
                        + (d.hint().isEmpty() ? "" : "\nhint: " + d.hint());
                sb.append("::").append(Escape.githubData(message)).append('\n');
            }
            return sb.toString();
        }

        @Override
        public String report(Report report) {
            String body = diagnostics(report.diagnostics());
            return report.summary().isEmpty() ? body : body + Escape.text(report.summary()) + '\n';
        }
    };

    /**
     * At most this many problems are printed as text, as javac prints 100 errors: one mistake repeated over a large
     * guide (a renamed page linked from everywhere) would otherwise bury the first lines, and the cause, in thousands.
     */
    public static final int TEXT_LIMIT = 100;

    /** The name users type: {@code --format github}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every diagnostic, one after the other, without a summary. */
    public abstract String diagnostics(List<Diagnostic> diagnostics);

    /**
     * What a person reads: in text at most {@link #TEXT_LIMIT} problems, errors first (each group in the given order),
     * and one line that counts the rest; json and github print every one, for the machine that reads them.
     */
    public String shown(List<Diagnostic> diagnostics) {
        return diagnostics(diagnostics);
    }

    /** The diagnostics (as {@link #shown}) and the summary, as one block of output. */
    public abstract String report(Report report);

    /** One diagnostic as text: the positioned line, then the hint (both free of control characters). */
    static String text(Diagnostic d) {
        StringBuilder sb = new StringBuilder();
        sb.append(Escape.text(d.at().toString())).append(": ").append(d.severity().label()).append(": ")
                .append(Escape.text(d.message()));
        d.output().ifPresent(o -> sb.append(" (in ").append(Escape.text(o.displayPath() + ":" + o.line())).append(')'));
        if (!d.code().isEmpty()) sb.append(" [").append(Escape.text(d.code())).append(']');
        if (!d.hint().isEmpty()) sb.append("\n    hint: ").append(Escape.text(d.hint()));
        return sb.toString();
    }
}

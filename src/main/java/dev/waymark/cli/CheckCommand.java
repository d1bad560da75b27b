package dev.waymark.cli;

import dev.waymark.check.CheckKind;
import dev.waymark.check.CheckOptions;
import dev.waymark.check.CheckReport;
import dev.waymark.check.ReportFormat;
import dev.waymark.check.SiteChecker;
import dev.waymark.diag.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code waymark check}: links, anchors and structure of any built site. Exit 1 when there are errors. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check links, anchors and page structure of a built site.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "Built site (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path site;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or github (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @Option(names = "--severity", paramLabel = "KIND=LEVEL", description = "Set a kind's severity to error, warning or off (repeatable). Kinds: "
            + "broken-link, broken-anchor, duplicate-id, h1-count, heading-skip, img-alt, missing-lang, missing-title, "
            + "missing-description, empty-link, orphan-page, tree-target.")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--base-path", paramLabel = "PATH", description = "Path the site is published under, e.g. /guide/ (default: from the home page's canonical URL).")
    String basePath;

    @Option(names = "--project", paramLabel = "DIR", description = "Folder the Markdown sources are relative to (default: current folder).", defaultValue = ".")
    Path project;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(site)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no site at " + site + "; build it first with `waymark build`");
        }
        CheckOptions options = options(spec.commandLine(), severities, basePath, project);
        ReportFormat formatter;
        try {
            formatter = ReportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CheckReport report = new SiteChecker().check(site, options);
        spec.commandLine().getOut().print(formatter.format(report));
        spec.commandLine().getOut().flush();
        return report.errorCount() > 0 ? 1 : 0;
    }

    static CheckOptions options(CommandLine cl, Map<String, String> severities, String basePath, Path project) {
        CheckOptions options = new CheckOptions(Optional.ofNullable(basePath), project, Map.of());
        for (Map.Entry<String, String> e : severities.entrySet()) {
            if (!CheckKind.ALL.contains(e.getKey())) {
                throw new CommandLine.ParameterException(cl, "unknown check kind \"" + e.getKey() + "\"; use one of " + String.join(", ", CheckKind.ALL));
            }
            Severity level;
            try {
                level = Severity.valueOf(e.getValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(cl, "severity must be error, warning or off, not \"" + e.getValue() + "\"");
            }
            options = options.withSeverity(e.getKey(), level);
        }
        return options;
    }
}

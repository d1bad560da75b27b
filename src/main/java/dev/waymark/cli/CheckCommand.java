package dev.waymark.cli;

import dev.waymark.check.CheckKind;
import dev.waymark.check.CheckOptions;
import dev.waymark.check.CheckReport;
import dev.waymark.check.SiteChecker;
import dev.waymark.diag.Format;
import dev.waymark.diag.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code waymark check}: links, anchors and structure of any built site. Exit 1 when there are errors. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check links, anchors and page structure of a built site.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "Built site (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path site;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = "--severity", paramLabel = "KIND=LEVEL", description = "Set a kind's severity to error, warning or off (repeatable). Kinds: "
            + "broken-link, broken-anchor, duplicate-id, h1-count, heading-skip, img-alt, missing-lang, missing-title, "
            + "missing-description, empty-link, orphan-page, tree-target.")
    Map<String, Severity> severities = new LinkedHashMap<>();

    @Option(names = "--base-path", paramLabel = "PATH", description = "Path the site is published under, e.g. /guide/ (default: from the home page's canonical URL).")
    String basePath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(site)) {
            return Refused.print(spec.commandLine().getErr(), "check", "no site at " + site,
                    "build it first with `waymark build`, or pass the built site's folder: `waymark check DIR`");
        }
        for (String kind : severities.keySet()) {
            if (!CheckKind.ALL.contains(kind)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown check kind \"" + kind + "\"; use one of " + String.join(", ", CheckKind.ALL));
            }
        }
        CheckReport report = new SiteChecker().check(site, options(severities, basePath));
        spec.commandLine().getOut().print(format.report(report.report()));
        spec.commandLine().getOut().flush();
        return report.errorCount() > 0 ? 1 : 0;
    }

    static CheckOptions options(Map<String, Severity> severities, String basePath) {
        CheckOptions options = new CheckOptions(Optional.ofNullable(basePath), Map.of());
        for (Map.Entry<String, Severity> e : severities.entrySet()) options = options.withSeverity(e.getKey(), e.getValue());
        return options;
    }
}

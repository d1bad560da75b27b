package dev.waymark.cli;

import dev.waymark.Pipeline;
import dev.waymark.diag.Diagnostic;
import dev.waymark.write.OutputFolder;
import dev.waymark.write.OutputRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code waymark build}: turns the content folder into the site folder. Exit 0 on success, 1 on content errors. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the site from Markdown content.")
public final class BuildCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SourceOptions source;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    boolean quiet;

    @Option(names = "--strict", description = "After building, check the site's links, anchors and structure; fail on errors.")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output of --strict findings: text, json or github (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        long start = System.nanoTime();
        Pipeline.Options options = source.pipeline(out);
        Pipeline.Result result;
        try {
            OutputFolder.check(out, source.surroundings(options));
            result = new Pipeline().build(options);
        } catch (OutputRefusedException e) {
            err.println(e.format());
            err.flush();
            return 2;
        }
        Reporter.print(result.diagnostics(), err, quiet);
        if (result.failed()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("build failed: " + errors + " error" + (errors == 1 ? "" : "s") + "; " + out + " was left unchanged");
            err.flush();
            return 1;
        }
        if (strict) {
            dev.waymark.check.CheckReport report = new dev.waymark.check.SiteChecker().check(out,
                    CheckCommand.options(spec.commandLine(), java.util.Map.of(), null, Path.of(".")));
            if (!quiet || report.errorCount() > 0) {
                outw.print(dev.waymark.check.ReportFormat.named(format).format(report));
                outw.flush();
            }
            if (report.errorCount() > 0) {
                err.println("check failed: " + report.errorCount() + " error" + (report.errorCount() == 1 ? "" : "s") + " in the built site");
                err.flush();
                return 1;
            }
        }
        if (!quiet) {
            int pages = result.site().pages().size();
            outw.printf("built %d page%s (%d files) into %s in %d ms%n", pages, pages == 1 ? "" : "s", result.files(), out,
                    (System.nanoTime() - start) / 1_000_000);
            outw.flush();
        }
        return 0;
    }
}

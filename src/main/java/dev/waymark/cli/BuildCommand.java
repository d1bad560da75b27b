package dev.waymark.cli;

import dev.waymark.Pipeline;
import dev.waymark.cache.BuildCache;
import dev.waymark.check.CheckReport;
import dev.waymark.check.RenderedPages;
import dev.waymark.check.SiteChecker;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Format;
import dev.waymark.diag.Report;
import dev.waymark.write.OutputFolder;
import dev.waymark.write.OutputRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--format", paramLabel = "FORMAT", description = "How problems are printed: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = "--no-cache", description = "Render every page; neither read nor write the build cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "The build cache's folder (default: $WAYMARK_CACHE/builds/…, else ~/.cache/waymark/builds/…, one per content folder).")
    Path cacheDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        long start = System.nanoTime();
        Pipeline.Options options = source.pipeline(out);
        Pipeline.Result result;
        // under --strict, each page is read into its facts as it is rendered, so the check parses no built file again
        RenderedPages rendered = new RenderedPages();
        if (!java.nio.file.Files.isDirectory(options.content())) {
            // nothing to build: a wrong --content, or a folder where no guide was started yet
            err.println("waymark: no content folder at " + options.content());
            err.println("    hint: run `waymark init` to start a guide here, or pass --content DIR");
            err.flush();
            return 2;
        }
        if (!noCache && cacheDir != null && BuildCache.inside(cacheDir, out)) {
            // the swap replaces the output folder whole: a cache inside it would be deleted by the build that fills it
            err.println("waymark: refusing --cache-dir " + cacheDir + ": it is inside the output folder " + out
                    + ", which every build replaces");
            err.println("    hint: give --cache-dir a folder outside " + out + ", or leave it out to use the default cache folder");
            err.flush();
            return 2;
        }
        try {
            OutputFolder.check(out, source.surroundings(options));
            BuildCache cache = noCache ? BuildCache.OFF : cacheDir != null ? BuildCache.at(cacheDir)
                    : BuildCache.at(BuildCache.pruned(BuildCache.defaultFolder(options.content())));
            Pipeline pipeline = strict ? new Pipeline(cache).recording(rendered) : new Pipeline(cache);
            result = pipeline.build(options);
        } catch (OutputRefusedException e) {
            err.println(e.format());
            err.flush();
            return 2;
        }
        List<Diagnostic> problems = new ArrayList<>(result.diagnostics());
        CheckReport strictReport = null;
        if (!result.failed() && strict) {
            strictReport = new SiteChecker().check(out, CheckCommand.options(java.util.Map.of(), null), rendered);
            problems.addAll(strictReport.findings());
        }
        Report report = new Report(quiet ? problems.stream().filter(Diagnostic::isError).toList() : problems, "", figures(result, strictReport));
        if (format == Format.JSON) {
            outw.print(format.report(report));
        } else {
            (format == Format.TEXT ? err : outw).print(format.shown(report.diagnostics()));
        }
        outw.flush();
        err.flush();
        if (result.failed()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("build failed: " + Report.counted(errors, "error") + "; " + out + " was left unchanged");
            err.flush();
            return 1;
        }
        if (strictReport != null && strictReport.errorCount() > 0) {
            err.println("check failed: " + Report.counted(strictReport.errorCount(), "error") + " in the built site");
            err.flush();
            return 1;
        }
        if (!quiet && format != Format.JSON) {
            if (strictReport != null) outw.println(strictReport.summary(report.errorCount(), report.warningCount()));
            outw.printf("built %s (%d files) into %s in %d ms%n", Report.counted(result.pages(), "page"), result.files(), out,
                    (System.nanoTime() - start) / 1_000_000);
            outw.flush();
        }
        return 0;
    }

    private static Map<String, Object> figures(Pipeline.Result result, CheckReport strict) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("pages", result.pages());
        figures.put("files", result.files());
        figures.put("written", result.written());
        if (strict != null) figures.putAll(strict.report().figures());
        return figures;
    }
}

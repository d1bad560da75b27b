package dev.waymark.cli;

import dev.waymark.Pipeline;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that say what to build, shared by {@code build} and {@code serve} as a picocli mixin. */
final class SourceOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--themes", paramLabel = "DIR", description = "Folder holding the themes (default: ${DEFAULT-VALUE}).", defaultValue = "themes")
    Path themes;

    @Option(names = "--theme", paramLabel = "NAME", description = "Theme folder under --themes (default: site.yaml's theme, else default).", defaultValue = "")
    String theme;

    @Option(names = "--overrides", paramLabel = "DIR", description = "Project overrides: templates/ and assets/ that win over the theme's (default: <themes>/local).")
    Path overrides;

    @Option(names = "--drafts", description = "Include pages marked draft: true.")
    boolean drafts;

    Pipeline.Options pipeline(Path out) {
        return new Pipeline.Options(content, out, themes, theme, drafts, overrides != null ? overrides : themes.resolve("local"));
    }
}

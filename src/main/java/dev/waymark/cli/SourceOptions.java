package dev.waymark.cli;

import dev.waymark.Pipeline;
import dev.waymark.write.OutputFolder;
import dev.waymark.write.Passthrough;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The options that say what to build, shared by {@code build} and {@code serve} as a picocli mixin. */
final class SourceOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--themes", paramLabel = "DIR",
            description = "Folder holding the themes (default: themes, or the themes installed with Waymark when there is no themes folder).")
    Path themes;

    @Option(names = "--theme", paramLabel = "NAME", description = "Theme folder under --themes (default: site.yaml's theme, else default).", defaultValue = "")
    String theme;

    @Option(names = "--overrides", paramLabel = "DIR", description = "Project overrides: templates/ and assets/ that win over the theme's (default: <themes>/local).")
    Path overrides;

    @Option(names = "--drafts", description = "Include pages marked draft: true.")
    boolean drafts;

    Pipeline.Options pipeline(Path out) {
        Path project = themes != null ? themes : Path.of("themes");
        return new Pipeline.Options(content, out, themesFolder(), theme, drafts, overrides != null ? overrides : project.resolve("local"));
    }

    /** What an output folder must stay clear of: every folder the build reads. */
    OutputFolder.Surroundings surroundings(Pipeline.Options options) {
        return OutputFolder.Surroundings.of(List.of(new OutputFolder.Input("content folder", options.content()),
                new OutputFolder.Input("themes folder", options.themes()),
                new OutputFolder.Input("overrides folder", options.overrides()),
                new OutputFolder.Input("passthrough folder", Passthrough.beside(options.content()))));
    }

    /**
     * {@code --themes}, else the project's {@code themes/}, else the themes installed next to the launcher (which sets
     * {@code waymark.home}), so a guide kept in its own repository builds without copying the shipped themes.
     */
    Path themesFolder() {
        if (themes != null) return themes;
        Path project = Path.of("themes");
        String home = System.getProperty("waymark.home");
        if (Files.isDirectory(project) || home == null || !Files.isDirectory(Path.of(home, "themes"))) return project;
        return Path.of(home, "themes");
    }
}

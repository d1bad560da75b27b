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
            description = "The guide's own themes folder, looked up before the themes installed with Waymark (default: themes, beside the content folder).")
    Path themes;

    @Option(names = "--theme", paramLabel = "NAME", description = "Theme folder under --themes (default: site.yaml's theme, else default).", defaultValue = "")
    String theme;

    @Option(names = "--overrides", paramLabel = "DIR", description = "Project overrides: templates/ and assets/ that win over the theme's (default: <themes>/local).")
    Path overrides;

    @Option(names = "--drafts", description = "Include pages marked draft: true.")
    boolean drafts;

    Pipeline.Options pipeline(Path out) {
        Path project = themesFolder();
        return new Pipeline.Options(content, out, project, theme, drafts, overrides != null ? overrides : project.resolve("local"),
                installedThemes());
    }

    /** {@code --themes}, else the {@code themes/} folder beside the content folder (it need not exist). */
    Path themesFolder() {
        if (themes != null) return themes;
        Path parent = content.normalize().getParent();
        return parent == null ? Path.of("themes") : parent.resolve("themes");
    }

    /** What an output folder must stay clear of: every folder the build reads. */
    OutputFolder.Surroundings surroundings(Pipeline.Options options) {
        return OutputFolder.Surroundings.of(List.of(new OutputFolder.Input("content folder", options.content()),
                new OutputFolder.Input("themes folder", options.themes()),
                new OutputFolder.Input("overrides folder", options.overrides()),
                new OutputFolder.Input("passthrough folder", Passthrough.beside(options.content())),
                new OutputFolder.Input("installed themes folder", options.installedThemes().isEmpty() ? null : options.installedThemes().get(0))));
    }

    /**
     * The themes installed next to the launcher (which sets {@code waymark.home}): a guide kept in its own repository
     * builds with them, and its own {@code themes/} adds to them rather than replacing them.
     */
    static List<Path> installedThemes() {
        String home = System.getProperty("waymark.home");
        if (home == null || !Files.isDirectory(Path.of(home, "themes"))) return List.of();
        return List.of(Path.of(home, "themes"));
    }
}

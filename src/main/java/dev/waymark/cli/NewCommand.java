package dev.waymark.cli;

import dev.waymark.content.SiteConfigReader;
import dev.waymark.content.Slug;
import dev.waymark.diag.Diagnostics;
import dev.waymark.model.SiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code waymark new profile NAME} and {@code waymark new page PATH}: a commented starting file that builds cleanly. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new profile or page from a commented template.")
public final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "profile or page")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "profile name (e.g. Litestar) or page path (e.g. guides/deploying.md)")
    String name;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--section", paramLabel = "DIR", defaultValue = "frameworks", description = "Folder for new profiles (default: ${DEFAULT-VALUE}).")
    String section;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path file;
        String text;
        switch (kind) {
            case "profile" -> {
                String slug = Slug.of(name);
                if (slug.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "the profile name needs letters or digits");
                file = content.resolve(section).resolve(slug + ".md");
                text = profile(name.strip(), new SiteConfigReader().read(content, content, new Diagnostics()));
            }
            case "page" -> {
                String rel = name.endsWith(".md") ? name : name + ".md";
                if (rel.startsWith("/") || rel.contains("..") || rel.contains("\\")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the page path must stay inside " + content + ", e.g. guides/deploying.md");
                }
                file = content.resolve(rel);
                String stem = file.getFileName().toString().replaceFirst("\\.md$", "").replace('-', ' ').replace('_', ' ');
                text = page(stem.isEmpty() ? "New page" : Character.toUpperCase(stem.charAt(0)) + stem.substring(1));
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "KIND must be profile or page, not \"" + kind + "\"");
        }
        if (Files.exists(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + " already exists; choose another name");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("created " + file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String profile(String name, SiteConfig config) {
        String includes = config.capabilityOrder().isEmpty() ? "[]" : "[" + String.join(", ", config.capabilityOrder().subList(0, Math.min(2, config.capabilityOrder().size()))) + "]";
        StringBuilder caps = new StringBuilder();
        for (String key : config.capabilityOrder()) caps.append("#   ").append(key).append(": ").append(config.capabilities().get(key)).append('\n');
        return """
                ---
                # A framework profile. Every key below is checked when the site builds.
                title: %1$s
                description: %1$s in one sentence, for search engines and link previews.
                weight: 100                 # sidebar order among profiles; lower comes first
                type: profile
                name: %1$s
                tagline: One line that sums up %1$s.
                philosophy: What %1$s optimises for, in a sentence or two.
                # What ships in the box, using the capability keys from content/site.yaml:
                %2$s# Remove the ones %1$s does not include; the comparison table is generated from this list.
                includes: %3$s
                notes: {}                   # optional: one short note per capability key, shown in the comparison table
                links:
                  - title: Official documentation
                    url: https://example.org/
                ---

                Two or three sentences introducing %1$s.

                ## Where it stands in 2026 {#in-2026}

                What changed recently, and what did not.

                ## When %1$s is the right choice {#right}

                - **A short title.** Why it fits, in a sentence or two. *Example:* a concrete project.

                ## When %1$s is the wrong choice {#wrong}

                - **A short title.** Why it does not fit. *Example:* a concrete project.
                """.formatted(name, caps, includes);
    }

    static String page(String title) {
        return """
                ---
                title: %1$s
                description: What this page covers, in one sentence.
                weight: 100       # sidebar order; lower comes first
                ---

                <!-- Link to other pages by their Markdown path, relative to this file,
                     e.g. [the profiles](../frameworks/index.md) or [a section](other.md#an-id).
                     The build fails on a link to a missing page or heading. -->

                Start with the point of the page.

                ## A first section {#first-section}

                Write here.
                """.formatted(title);
    }
}

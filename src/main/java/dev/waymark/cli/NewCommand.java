package dev.waymark.cli;

import dev.waymark.content.SiteConfigReader;
import dev.waymark.content.Slug;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.DisplayPath;
import dev.waymark.model.SiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/** {@code waymark new profile NAME} and {@code waymark new page PATH}: a commented starting file that builds cleanly. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new profile or page from a commented template.")
public final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "profile or page")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "profile name (e.g. \"Option C\") or page path (e.g. notes/faq.md)")
    String name;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--section", paramLabel = "DIR",
            description = "Folder for new profiles, under the content folder (default: where the guide's profiles are, else site.yaml's profiles:, else profiles).")
    String section;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(content) && (kind.equals("profile") || kind.equals("page"))) {
            // outside a guide (or with a mistyped --content): a stray content/ folder would help nobody
            return Refused.print(spec.commandLine().getErr(), "new", "no content folder at " + shown(content) + " (nothing was written)",
                    "run it in the guide's folder (the one that holds content/), pass --content DIR, or start a guide with `waymark init`");
        }
        Path file;
        String text;
        switch (kind) {
            case "profile" -> {
                String slug = Slug.ofName(name);
                if (slug.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "the profile name needs letters or digits");
                String folder = section != null ? section : ProfileFolder.of(content);
                file = content.resolve(folder).resolve(slug + ".md");
                // the file names site.yaml relative to itself: an absolute path would tie a committed file to one machine
                String siteYaml = file.toAbsolutePath().getParent().relativize(content.resolve("site.yaml").toAbsolutePath()).toString().replace('\\', '/');
                text = profile(name.strip(), new SiteConfigReader().read(content, content, new Diagnostics()), siteYaml);
            }
            case "page" -> {
                java.util.regex.Matcher other = OTHER_EXTENSION.matcher(name);
                if (other.find()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a page is a Markdown file ending in .md, not \""
                            + other.group(1) + "\"; give notes/faq for notes/faq.md, or the whole name (" + name + ".md) if the dot is meant");
                }
                String rel = name.endsWith(".md") ? name : name + ".md";
                if (rel.startsWith("/") || rel.contains("..") || rel.contains("\\")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the page path must stay inside " + shown(content) + ", e.g. notes/faq.md");
                }
                file = content.resolve(rel);
                String stem = file.getFileName().toString().replaceFirst("\\.md$", "").replace('-', ' ').replace('_', ' ');
                text = page(stem.isEmpty() ? "New page" : Character.toUpperCase(stem.charAt(0)) + stem.substring(1));
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "KIND must be profile or page, not \"" + kind + "\"");
        }
        if (Files.exists(file)) {
            return Refused.print(spec.commandLine().getErr(), "new", shown(file) + " already exists (nothing was written)",
                    "choose another name, or edit " + shown(file));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        spec.commandLine().getOut().println("created " + shown(file));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A last path segment that ends in an extension with a letter in it, other than .md (faq.txt, notes.markdown). */
    private static final java.util.regex.Pattern OTHER_EXTENSION =
            java.util.regex.Pattern.compile("(?:^|/)([^/]+\\.(?!md$)[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*)$");

    private static String shown(Path p) {
        return DisplayPath.of(p).toString().replace('\\', '/');
    }

    static String profile(String name, SiteConfig config, String siteYaml) {
        String includes = config.capabilityOrder().isEmpty() ? "[]" : "[" + String.join(", ", config.capabilityOrder().subList(0, Math.min(2, config.capabilityOrder().size()))) + "]";
        StringBuilder caps = new StringBuilder();
        for (String key : config.capabilityOrder()) caps.append("#   ").append(key).append(": ").append(config.capabilities().get(key)).append('\n');
        return """
                ---
                # A profile: one of the options this guide compares. Every key below is checked when the site builds.
                title: %1$s
                description: %1$s in one sentence, for search engines and link previews.
                weight: 100                 # order among the profiles; lower comes first
                type: profile
                name: %1$s
                tagline: One line that sums up %1$s.
                philosophy: What %1$s is for, in a sentence or two.
                # What %1$s includes, using the capability keys from %4$s:
                %2$s# Remove the ones %1$s does not include; the comparison table is generated from this list.
                includes: %3$s
                notes: {}                   # optional: one short note per capability key, shown in the comparison table
                links:
                  - title: %1$s's website
                    url: https://example.org/
                ---

                Two or three sentences introducing %1$s.

                ## When %1$s is the right choice {#right}

                - **A short title.** Why it fits, in a sentence or two. *Example:* a concrete situation.

                ## When %1$s is the wrong choice {#wrong}

                - **A short title.** Why it does not fit. *Example:* a concrete situation.
                """.formatted(name, caps, includes, siteYaml);
    }

    static String page(String title) {
        return """
                ---
                title: %1$s
                description: What this page covers, in one sentence.
                weight: 100       # sidebar order; lower comes first
                ---

                <!-- Link to other pages by their Markdown path, relative to this file,
                     e.g. [another page](other.md) or [one of its headings](other.md#an-id).
                     The build fails on a link to a missing page or heading. -->

                Start with the point of the page.

                ## A first section {#first-section}

                Write here.
                """.formatted(title);
    }
}

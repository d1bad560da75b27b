package dev.waymark.render;

import gg.jte.CodeResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A theme and the themes it extends, most specific first (a project's local overrides, the theme, its parents).
 * A template or asset is taken from the first folder that has it, so a theme or a project overrides single files.
 */
public record ThemeChain(String name, List<Path> folders) implements CodeResolver {
    public ThemeChain {
        folders = List.copyOf(folders);
    }

    public Optional<Path> template(String name) {
        return find("templates/" + name);
    }

    public Optional<Path> asset(String name) {
        return find("assets/" + name);
    }

    private Optional<Path> find(String rel) {
        for (Path f : folders) {
            Path p = f.resolve(rel);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Every template name any folder defines, sorted. */
    public List<String> templateNames() {
        return names("templates");
    }

    public List<String> assetNames() {
        return names("assets");
    }

    private List<String> names(String sub) {
        TreeSet<String> out = new TreeSet<>();
        for (Path f : folders) {
            Path dir = f.resolve(sub);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String resolve(String name) {
        return template(name).map(p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }

    @Override
    public String resolveRequired(String name) {
        String s = resolve(name);
        if (s == null) {
            throw new gg.jte.TemplateNotFoundException(name + " not found in theme " + this.name + " (" + folders + ")");
        }
        return s;
    }

    @Override
    public long getLastModified(String name) {
        return template(name).map(p -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    @Override
    public List<String> resolveAllTemplateNames() {
        return templateNames().stream().filter(n -> n.endsWith(".jte")).toList();
    }

    @Override
    public boolean exists(String name) {
        return template(name).isPresent();
    }
}

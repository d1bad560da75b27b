package dev.waymark.cli;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a guide keeps its profiles, for {@code new profile}: the folder that already holds the most {@code type: profile}
 * pages, else site.yaml's {@code profiles:}, else {@code profiles}.
 */
final class ProfileFolder {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---", Pattern.DOTALL);
    private static final Pattern PROFILE = Pattern.compile("(?m)^type:\\s*[\"']?profile[\"']?\\s*(#.*)?$");

    private ProfileFolder() {
    }

    static String of(Path content) throws IOException {
        TreeMap<String, Integer> counts = new TreeMap<>();
        if (Files.isDirectory(content)) {
            try (Stream<Path> walk = Files.walk(content)) {
                for (Path md : walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList()) {
                    Matcher m = FRONT_MATTER.matcher(Files.readString(md, StandardCharsets.UTF_8));
                    if (m.find() && PROFILE.matcher(m.group(1)).find()) {
                        Path parent = content.relativize(md).getParent();
                        counts.merge(parent == null ? "" : parent.toString().replace('\\', '/'), 1, Integer::sum);
                    }
                }
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
        }
        if (best != null) return best;
        return configured(content.resolve("site.yaml"));
    }

    private static String configured(Path siteYaml) throws IOException {
        if (Files.isRegularFile(siteYaml)) {
            try {
                Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(siteYaml, StandardCharsets.UTF_8));
                if (doc instanceof Map<?, ?> map && map.get("profiles") instanceof String s && !s.isBlank()
                        && !s.contains("..") && !s.startsWith("/")) {
                    return s.strip();
                }
            } catch (RuntimeException e) {
                // an unreadable site.yaml is reported by the build; here it only means "no setting"
            }
        }
        return "profiles";
    }
}

package dev.waymark;

import dev.waymark.support.Run;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built page, and every stylesheet a theme ships, has zero errors under the W3C Nu Html Checker, run in-process. */
class HtmlValidityTest {
    private static final Pattern ERROR = Pattern.compile("\\{\"type\":\"error\"[^}]*?\"message\":\"([^\"]*)\"");

    @Test
    void builtSitesHaveNoHtmlErrors(@TempDir Path tmp) throws Exception {
        List<String> errors = new ArrayList<>();
        int pages = 0;
        for (Path content : new Path[]{SiteStructureTest.MINI, Run.GUIDE, CodeHighlightTest.CODE, LanguagesTest.CONTENT}) {
            if (!Files.isDirectory(content) || !Files.exists(content.resolve("index.md"))) continue;
            Path site = tmp.resolve(content.getParent().getFileName().toString());
            assertEquals(0, Run.build(content, site, "--quiet").exitCode());
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            for (Path file : Run.htmlFiles(site)) {
                String json = validator.validate(file);
                Matcher m = ERROR.matcher(json);
                while (m.find()) errors.add(site.relativize(file) + ": " + m.group(1));
                pages++;
            }
        }
        assertTrue(pages >= 7, "pages validated: " + pages);
        assertEquals(List.of(), errors);
    }

    /** The current Nu checker's jar, from the npm registry (installed by .ci/run, pinned in .ci/package-lock.json). */
    static final Path VNU = Run.ROOT.resolve(".ci/node_modules/vnu-jar/build/dist/vnu.jar");

    /**
     * The checker's CSS mode too ({@code vnu --css}, or {@code --also-check-css} on a site), in its current release:
     * the one on Maven Central above lags the npm one by months, and knows fewer properties. A property the checker
     * does not know, such as SVG's {@code paint-order}, is an error there, so the theme sets that one as an SVG
     * presentation attribute instead.
     */
    @Test
    void stylesheetsHaveNoCssErrors(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isRegularFile(VNU), VNU + " is missing: run `cd .ci && npm ci` (bash .ci/run does)");
        Path site = tmp.resolve("site");
        assertEquals(0, Run.build(Run.GUIDE, site, "--quiet").exitCode());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", VNU.toString(), "--css", "--errors-only", "--format", "json"));
        int sheets = 0;
        for (Path root : new Path[]{Run.THEMES, site}) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".css")).sorted().toList()) {
                    command.add(p.toString());
                    sheets++;
                }
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        assertTrue(sheets >= 4, "stylesheets checked: " + sheets);
        assertTrue(report.startsWith("{") && report.contains("\"messages\":["), "vnu's report: " + report);
        List<String> errors = new ArrayList<>();
        Matcher m = ERROR.matcher(report);
        while (m.find()) errors.add(m.group(1));
        assertEquals(List.of(), errors);
        assertEquals(0, exit, "vnu's exit code; its report: " + report);
    }
}

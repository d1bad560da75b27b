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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built page has zero errors under the W3C Nu Html Checker, run in-process. */
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
}

package dev.waymark;

import dev.waymark.support.Run;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * GFM task lists, as CONTRIBUTING documents them. flexmark's default marker is a checkbox with `readonly`, which the
 * Nu checker rejects on a checkbox, and an input without a label, which axe reports. Waymark writes a text marker.
 */
class TaskListTest {

    @Test
    void taskItemsCarryAValidLabelFreeMarker(@TempDir Path tmp) throws Exception {
        Path content = Run.guide(tmp, "index.md", """
                ---
                title: Tasks
                description: A page with a task list.
                ---

                - [x] Back up the database
                - [ ] Rotate the keys
                - [link](other.md) stays a link
                - [x](other.md) is a link too: a task marker needs a space after it, as in GitHub
                """, "other.md", "---\ntitle: Other\ndescription: d\n---\n\nText.\n");
        Path site = tmp.resolve("site");
        Run.Outcome r = Run.build(content, site, "--quiet");
        assertEquals(0, r.exitCode(), r.err());

        Document page = Run.html(site.resolve("index.html"));
        assertEquals(List.of("☑ Back up the database", "☐ Rotate the keys"),
                page.select("li.task-list-item").eachText());
        assertEquals(List.of("☑", "☐"), page.select("li.task-list-item > span.task-list-item-checkbox").eachText());
        assertFalse(page.select("input").stream().anyMatch(i -> i.hasClass("task-list-item-checkbox")));
        assertEquals(List.of("other/index.html", "other/index.html"),
                page.select("main li:not(.task-list-item) > a[href^=other]").eachAttr("href"));

        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        String report = validator.validate(site.resolve("index.html"));
        assertEquals(List.of(), report.lines().filter(l -> l.contains("error")).toList());
    }
}

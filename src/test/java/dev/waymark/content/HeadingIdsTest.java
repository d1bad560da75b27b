package dev.waymark.content;

import dev.waymark.diag.Diagnostics;
import dev.waymark.model.Heading;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Heading ids: the slug, else the slug with the smallest suffix no other id on the page has. */
class HeadingIdsTest {
    private static final Markdown MARKDOWN = new Markdown();

    private static List<String> ids(String body) {
        Diagnostics d = new Diagnostics();
        String text = "---\ntitle: T\ndescription: d\n---\n\n" + body;
        ParsedPage parsed = new PageParser(MARKDOWN).parse(new SourceFile("index.md", Path.of("content/index.md"), text), d);
        List<String> ids = new StructureReader().read(parsed, d).headings().stream().map(Heading::id).toList();
        assertEquals(List.of(), d.sorted());
        return ids;
    }

    @Test
    void repeatedHeadingsTakeTheSmallestFreeSuffix() {
        assertEquals(List.of("same-2", "same", "same-1", "same-1-1", "same-3", "same-4"),
                ids("## Other {#same-2}\n\n## Same\n\n## Same\n\n## Same 1\n\n## Same\n\n## Same\n"));
    }

    @Test
    void sixtyThousandHeadingsWithTheSameTextGetDistinctIds() {
        // a hang guard, not a speed test: trying -1, -2, … again for every heading took minutes here
        List<String> ids = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ids("## Same\n\n".repeat(60_000)));
        assertEquals(60_000, ids.size());
        assertEquals(List.of("same", "same-1", "same-2"), ids.subList(0, 3));
        assertEquals("same-59999", ids.get(59_999));
    }
}

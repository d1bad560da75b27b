package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A code fence left open swallows the rest of the page: the build says so once, at the opening fence. */
class UnclosedFenceTest {

    @Test
    void aFenceLeftOpenIsOneWarningAtItsLine(@TempDir Path tmp) throws Exception {
        Path content = Run.guide(tmp, "index.md", """
                ---
                title: Home
                description: d
                ---

                ```sql
                SELECT 1;
                ```

                > ~~~yaml
                > a: 1
                > ~~~
                """, "notes/open.md", """
                ---
                title: Open
                description: d
                ---

                ```sql
                SELECT 1;
                ```

                ````python
                print("never closed")

                ## A heading that became code
                """);
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(new Run.Outcome(0, "built 5 pages (N files) into site in N ms\n", """
                content/notes/open.md:10:1: warning: this code block is never closed, so the rest of the page is shown as code [unclosed-fence]
                    hint: end the block with ```` on a line of its own
                """), new Run.Outcome(r.exitCode(),
                r.out().replace(tmp.toString() + "/", "").replaceAll("\\d+ files", "N files").replaceAll("in \\d+ ms", "in N ms"),
                r.err().replace(tmp.toString() + "/", "")));
    }
}

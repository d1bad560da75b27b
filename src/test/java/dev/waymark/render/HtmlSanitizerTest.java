package dev.waymark.render;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void unsafeMarkupIsRemovedAndRelativeLinksKept() {
        assertEquals(new HtmlSanitizer.Result("<p><a href=\"x.html\" rel=\"noopener nofollow\">a</a><img src=\"//e.org/i.png\"></p>\n", true,
                        "the onclick attribute of <a> and 1 more unsafe part"),
                sanitizer.cleanBlock("<p><a href='x.html' onclick='y'>a</a><img src='//e.org/i.png'><script>z()</script></p>"));
    }

    @Test
    void htmlNestedTwoHundredThousandDeepIsCleaned() {
        int n = 200_000;
        String html = "<div>".repeat(n) + "x" + "</div>".repeat(n);
        // a hang guard, not a speed test: each clone walked up to the root for its base URI, minutes at this depth
        HtmlSanitizer.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> sanitizer.cleanBlock(html));
        assertEquals(new HtmlSanitizer.Result(html + "\n", false, ""), r);
    }
}

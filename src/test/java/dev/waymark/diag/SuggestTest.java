package dev.waymark.diag;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Did you mean": offered only when the name is plausibly a typo of the candidate. */
class SuggestTest {
    private static final List<String> PAGES = List.of("index.md", "profiles/index.md", "profiles/redis.md",
            "profiles/rabbitmq.md", "guide/choosing-a-queue.md");

    private static List<String> closest(String... words) {
        return Arrays.stream(words).map(w -> String.valueOf(Suggest.closest(w, PAGES))).toList();
    }

    @Test
    void aDistantFileNameInTheSameFolderGetsNoSuggestion() {
        assertEquals(List.of("null", "null", "null"), closest("profiles/render.md", "profiles/kafka.md", "guide/other.md"));
    }

    @Test
    void typosInTheFileOrFolderNameAreStillSuggested() {
        assertEquals(List.of("profiles/redis.md", "profiles/rabbitmq.md", "profiles/redis.md", "guide/choosing-a-queue.md",
                        "profiles/index.md"),
                closest("profiles/rdis.md", "profiles/rabitmq.md", "profile/redis.md", "guide/chosing-a-queue.md", "Profiles/Index.md"));
    }

    @Test
    void keysWithoutAPathKeepTheirThreshold() {
        assertEquals("description", Suggest.closest("descripton", List.of("title", "description", "type")));
        assertEquals("orms", Suggest.closest("orm", List.of("orms", "queues")));
        assertEquals(null, Suggest.closest("colour", List.of("title", "description", "type")));
        assertEquals(List.of("render", "x", "x", "a.b"), List.of(Suggest.stem("profiles/render.md"), Suggest.stem("x/"),
                Suggest.stem("x"), Suggest.stem("a.b.md")));
    }

    @Test
    void aWordCutShortSuggestsTheShortestNameItBegins() {
        assertEquals("language", Suggest.closest("lang", List.of("languages", "language", "title")));
        assertEquals("right-routing-by-topic-and-header",
                Suggest.closest("right-routing-by-topic", List.of("wrong-routing", "right-routing-by-topic-and-header")));
        assertEquals(null, Suggest.closest("la", List.of("language")));
        assertEquals(null, Suggest.closest("index", List.of("index"), "index"));
    }
}

package dev.waymark.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An incremental build writes only the search shards whose entries changed; together they equal a full index. */
class SearchShardsTest {
    private static List<SearchIndex.Entry> entries(int n, int changed) {
        List<SearchIndex.Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SearchIndex.Entry("p" + i + "/index.html", "Page " + i, "", i == changed ? "edited" : "text " + i, "page"));
        }
        return out;
    }

    private static Map<String, byte[]> byPath(List<RenderedFile> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f.path(), f.bytes()));
        return out;
    }

    @Test
    void anEditWritesItsShardAndTheManifestOnly() {
        int n = SearchIndex.SHARD_SIZE * 2 + 100;
        List<SearchIndex.Entry> before = entries(n, -1);
        List<SearchIndex.Entry> after = entries(n, SearchIndex.SHARD_SIZE + 5);
        Map<String, byte[]> changed = byPath(SearchIndex.files(after, before));
        assertEquals(List.of("search/shard-1.json", "search/index.json"), List.copyOf(changed.keySet()));
        Map<String, byte[]> merged = byPath(SearchIndex.files(before));
        merged.putAll(changed);
        Map<String, byte[]> clean = byPath(SearchIndex.files(after));
        assertEquals(clean.keySet(), merged.keySet());
        clean.forEach((path, bytes) -> assertArrayEquals(bytes, merged.get(path), path));
        assertEquals(List.copyOf(clean.keySet()).stream().sorted().toList(), SearchIndex.paths(n).stream().sorted().toList());
    }

    @Test
    void aShorterIndexRewritesItsLastShard() {
        int n = SearchIndex.SHARD_SIZE + 10;
        Map<String, byte[]> changed = byPath(SearchIndex.files(entries(n - 1, -1), entries(n, -1)));
        assertEquals(List.of("search/shard-1.json", "search/index.json"), List.copyOf(changed.keySet()));
        assertEquals(List.of("search/shard-0.json", "search/index.json"),
                List.copyOf(byPath(SearchIndex.files(entries(0, -1), entries(n, -1))).keySet()));
    }
}

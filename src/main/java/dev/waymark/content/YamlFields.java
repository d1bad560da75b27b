package dev.waymark.content;

import dev.waymark.diag.Suggest;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.Positioned;
import dev.waymark.diag.SourcePosition;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, position-aware access to a YAML mapping. Every wrong type or unknown key becomes a diagnostic
 * at the line of the offending key, so a typo such as {@code titel:} never passes silently.
 */
public final class YamlFields {
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Path file;
    private final int lineOffset;
    private final Diagnostics diagnostics;
    private final int mapLine;

    public YamlFields(MappingNode map, Path file, int lineOffset, Diagnostics diagnostics) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.diagnostics = diagnostics;
        this.mapLine = line(map);
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                diagnostics.error("yaml-key", at(t.getKeyNode()), "a key must be a plain word", "write keys as `name: value`");
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                diagnostics.error("duplicate-key", at(key), "duplicate key \"" + key.getValue() + "\"", "keep one of them");
            }
            entries.put(key.getValue(), t);
        }
    }

    public int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1) + lineOffset;
    }

    public SourcePosition at(Node node) {
        int col = node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
        return new SourcePosition(file, line(node), col);
    }

    public SourcePosition mapPosition() {
        return SourcePosition.of(file, mapLine);
    }

    public Path file() {
        return file;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The line of a key, or of the mapping when the key is absent. */
    public SourcePosition keyPosition(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? mapPosition() : at(t.getKeyNode());
    }

    public Optional<Node> node(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(t.getValueNode());
    }

    /** Reports every key not in {@code allowed}, with a "did you mean" hint. */
    public void rejectUnknown(Set<String> allowed, String what) {
        for (NodeTuple t : entries.values()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                String near = Suggest.closest(key, allowed);
                String hint = near == null ? "allowed keys in " + what + ": " + String.join(", ", allowed.stream().sorted().toList())
                        : "did you mean \"" + near + "\"?";
                diagnostics.error("unknown-key", at(t.getKeyNode()), "unknown key \"" + key + "\" in " + what, hint);
            }
        }
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(n -> asString(key, n));
    }

    public Optional<String> asString(String key, Node n) {
        // Any scalar reads as text: `title: 1984` or `tagline: yes` mean the words, not a number or a boolean.
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return Optional.of(s.getValue());
        }
        typeError(key, n, "a text value");
        return Optional.empty();
    }

    public Optional<Integer> integer(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
                try {
                    return Optional.of(Integer.parseInt(s.getValue()));
                } catch (NumberFormatException e) {
                    diagnostics.error("number-out-of-range", at(n), key + " is out of range", "use a whole number between -2147483648 and 2147483647");
                    return Optional.empty();
                }
            }
            typeError(key, n, "a whole number such as 10");
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
                return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)));
            }
            typeError(key, n, "true or false");
            return Optional.empty();
        });
    }

    public Optional<LocalDate> date(String key) {
        return string(key).flatMap(v -> {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                diagnostics.error("bad-date", at(entries.get(key).getValueNode()), key + " is not a date: \"" + v + "\"", "write dates as YYYY-MM-DD, e.g. 2026-11-24");
                return Optional.empty();
            }
        });
    }

    /** A list of scalars; each element keeps its own position. */
    public List<Positioned<String>> stringList(String key) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode seq)) {
            typeError(key, node.get(), "a list, e.g. `" + key + ": [a, b]`");
            return List.of();
        }
        List<Positioned<String>> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            asString(key, item).ifPresent(v -> out.add(new Positioned<>(v, at(item))));
        }
        return List.copyOf(out);
    }

    /** A nested mapping, or empty when absent or of the wrong type (the latter is reported). */
    public Optional<YamlFields> mapping(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof MappingNode m) {
                return Optional.of(new YamlFields(m, file, lineOffset, diagnostics));
            }
            typeError(key, n, "a mapping of `key: value` lines");
            return Optional.empty();
        });
    }

    /** A list of mappings, e.g. {@code links: [{title: ..., url: ...}]}. */
    public List<YamlFields> mappingList(String key) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode seq)) {
            typeError(key, node.get(), "a list of entries, each starting with `- `");
            return List.of();
        }
        List<YamlFields> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof MappingNode m) {
                out.add(new YamlFields(m, file, lineOffset, diagnostics));
            } else {
                typeError(key, item, "an entry of `key: value` lines");
            }
        }
        return List.copyOf(out);
    }

    /** Keys of this mapping, in source order, with positions. */
    public List<Positioned<String>> keys() {
        List<Positioned<String>> out = new ArrayList<>();
        for (NodeTuple t : entries.values()) {
            out.add(new Positioned<>(((ScalarNode) t.getKeyNode()).getValue(), at(t.getKeyNode())));
        }
        return out;
    }

    private void typeError(String key, Node n, String expected) {
        diagnostics.error("wrong-type", at(n), key + " must be " + expected + ", not " + describe(n), example(key, n, expected));
    }

    /** What to write instead, with the key and, where it can be kept, the value that was written. */
    private static String example(String key, Node n, String expected) {
        if (expected.startsWith("a list of entries")) {
            return "write one entry per item under `" + key + ":`, each starting with `- ` and indented by two spaces";
        }
        if (expected.startsWith("an entry")) return "write the entry as `key: value` lines after its `- `";
        if (expected.startsWith("a list")) {
            if (n instanceof ScalarNode s && !isNull(s) && !s.getValue().isBlank()) {
                List<String> items = new ArrayList<>();
                for (String part : s.getValue().split(",")) if (!part.isBlank()) items.add(part.strip());
                return "write the items in brackets: `" + key + ": [" + String.join(", ", items) + "]`";
            }
            return "write `" + key + ": [a, b]`, or one `- item` line per item under `" + key + ":`";
        }
        if (expected.startsWith("a whole number")) return "write a number without quotes, e.g. `" + key + ": 10`";
        if (expected.startsWith("true or false")) return "write `" + key + ": true` or `" + key + ": false`";
        if (expected.startsWith("a text")) return "write the text on the key's own line, e.g. `" + key + ": Some words` (quote it if it contains `: `)";
        if (expected.startsWith("a mapping")) return "write one `name: value` line per entry under `" + key + ":`, each indented by two spaces";
        return "write `" + key + ":` as " + expected;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) return "the number " + s.getValue();
            if (s.getTag().equals(Tag.BOOL)) return "the boolean " + s.getValue();
            if (s.getTag().equals(Tag.NULL)) return "an empty value";
            return "the text \"" + s.getValue() + "\"";
        }
        return "a value";
    }

}

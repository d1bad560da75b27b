package dev.waymark.content;

import dev.waymark.diag.Suggest;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Diagnostics;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.LinkRef;
import dev.waymark.model.PageKind;
import dev.waymark.model.ProfileData;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a page into YAML front matter and Markdown body, and reads the front matter into a typed record.
 * The body keeps its line numbers: front-matter lines are replaced by empty lines.
 */
public final class FrontMatterReader {
    /** Deeper YAML is refused: no setting needs it, and the composer recurses once per level. */
    static final int MAX_DEPTH = 64;
    static final Set<String> PAGE_KEYS = Set.of("title", "description", "weight", "draft", "type", "reviewed", "slug", "toc");
    static final Set<String> PROFILE_KEYS = Set.of("name", "tagline", "philosophy", "includes", "notes", "links");
    private static final Set<String> LINK_KEYS = Set.of("title", "url");
    /** Upper bound on YAML size; front matter is a handful of lines, and aliases must not blow up memory. */
    private static final int MAX_YAML_CHARS = 64 * 1024;

    /** A page split into its parts. */
    public record Split(FrontMatter frontMatter, String body) {
    }

    public Split read(SourceFile source, Diagnostics diagnostics) {
        String text = source.text();
        SourcePosition top = SourcePosition.ofFile(source.displayPath());
        if (!text.startsWith("---\n") && !text.equals("---")) {
            return new Split(defaults(top, Optional.empty(), Optional.empty()), text);
        }
        int close = findClosing(text);
        if (close < 0) {
            diagnostics.cause(Diagnostic.error("front-matter-unclosed", top, "front matter starts with --- but never ends",
                    "add a line with only --- after the last front-matter key"));
            return new Split(defaults(top, stem(source), Optional.empty()), "");
        }
        String yaml = text.substring(4, close);
        int afterClose = text.indexOf('\n', close);
        String rest = afterClose < 0 ? "" : text.substring(afterClose + 1);
        int fmLines = (int) text.substring(0, afterClose < 0 ? text.length() : afterClose + 1).chars().filter(c -> c == '\n').count();
        String body = "\n".repeat(fmLines) + rest;
        if (yaml.length() > MAX_YAML_CHARS) {
            diagnostics.cause(Diagnostic.error("front-matter-size", top, "front matter is larger than 64 KB", "move long text into the page body"));
            return new Split(defaults(top, stem(source), Optional.empty()), body);
        }
        Optional<MappingNode> map = compose(yaml, source, diagnostics);
        if (map.isEmpty()) {
            // The YAML error is already reported; a placeholder title avoids a second, misleading "missing title".
            return new Split(defaults(top, stem(source), Optional.empty()), body);
        }
        YamlFields f = new YamlFields(map.get(), source.displayPath(), 1, diagnostics);
        return new Split(toFrontMatter(f, top), body);
    }

    private static int findClosing(String text) {
        int pos = text.indexOf('\n') + 1;
        while (pos > 0 && pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
                return pos;
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
        }
        return -1;
    }

    /** Composes YAML into a node tree that keeps marks; reports syntax errors at their line. */
    public static Optional<MappingNode> compose(String yaml, SourceFile source, Diagnostics diagnostics) {
        return compose(yaml, source.displayPath(), 1, diagnostics);
    }

    public static Optional<MappingNode> compose(String yaml, java.nio.file.Path file, int lineOffset, Diagnostics diagnostics) {
        LoadSettings settings = LoadSettings.builder()
                .setMaxAliasesForCollections(10)
                .setAllowDuplicateKeys(true) // reported by YamlFields with a position instead
                .setCodePointLimit(MAX_YAML_CHARS * 2)
                .build();
        try {
            Optional<SourcePosition> tooDeep = tooDeep(yaml, settings, file, lineOffset);
            if (tooDeep.isPresent()) {
                diagnostics.error("yaml-depth", tooDeep.get(), "YAML is nested more than " + MAX_DEPTH + " levels deep",
                        "flatten the structure; no Waymark setting needs more than a few levels");
                return Optional.empty();
            }
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            if (!composer.hasNext()) {
                return Optional.of(new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(),
                        org.snakeyaml.engine.v2.common.FlowStyle.BLOCK));
            }
            Node node = composer.next();
            if (composer.hasNext()) {
                diagnostics.cause(Diagnostic.error("yaml-syntax", SourcePosition.of(file, lineOffset + 1), "front matter holds more than one YAML document",
                        "remove the extra --- line inside the front matter"));
                return Optional.empty();
            }
            if (node instanceof MappingNode m) {
                return Optional.of(m);
            }
            int line = node.getStartMark().map(mk -> mk.getLine() + 1).orElse(1) + lineOffset;
            diagnostics.cause(Diagnostic.error("yaml-syntax", SourcePosition.of(file, line), "front matter must be `key: value` lines",
                    "write e.g. `title: My page`"));
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            String problem = Optional.ofNullable(e.getProblem()).orElse("invalid YAML");
            // At the end of the input the problem mark points past the YAML; the context mark shows where it began.
            var mark = problem.contains("stream end") && e.getContextMark().isPresent() ? e.getContextMark() : e.getProblemMark().or(e::getContextMark);
            int line = mark.map(mk -> mk.getLine() + 1).orElse(1) + lineOffset;
            int col = mark.map(mk -> mk.getColumn() + 1).orElse(1);
            YamlProblem plain = YamlProblem.of(problem, yaml, mark.map(mk -> mk.getLine()).orElse(-1), mark.map(mk -> mk.getColumn()).orElse(-1));
            diagnostics.cause(Diagnostic.error("yaml-syntax", new SourcePosition(file, line, plain.column() > 0 ? plain.column() : col),
                    "invalid YAML: " + plain.words(), plain.hint()));
            return Optional.empty();
        } catch (YamlEngineException e) {
            // a problem without a mark, such as the alias limit: reported at the start of the YAML
            String problem = firstLine(e.getMessage());
            YamlProblem plain = YamlProblem.of(problem);
            diagnostics.cause(Diagnostic.error("yaml-syntax", SourcePosition.of(file, lineOffset),
                    "invalid YAML: " + plain.words(), plain.hint()));
            return Optional.empty();
        }
    }

    /**
     * Where the YAML first goes deeper than {@link #MAX_DEPTH}, if it does. snakeyaml-engine's composer recurses once
     * per level and has no depth limit (its LoadSettings offer none), so 3,000 nested {@code [} overflowed the stack.
     * The parser underneath is an iterator of events, so counting the depth on it first needs no recursion.
     */
    private static Optional<SourcePosition> tooDeep(String yaml, LoadSettings settings, java.nio.file.Path file, int lineOffset) {
        int depth = 0;
        ParserImpl events = new ParserImpl(settings, new StreamReader(settings, yaml));
        while (events.hasNext()) {
            Event e = events.next();
            if (e.getEventId() == Event.ID.MappingStart || e.getEventId() == Event.ID.SequenceStart) {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(e.getStartMark().map(mk -> new SourcePosition(file, mk.getLine() + 1 + lineOffset, mk.getColumn() + 1))
                            .orElse(SourcePosition.of(file, lineOffset + 1)));
                }
            } else if (e.getEventId() == Event.ID.MappingEnd || e.getEventId() == Event.ID.SequenceEnd) {
                depth--;
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private FrontMatter toFrontMatter(YamlFields f, SourcePosition top) {
        Optional<PageKind> known = f.string("type").map(t -> kind(t, f)).orElse(Optional.of(PageKind.PAGE));
        PageKind kind = known.orElse(PageKind.PAGE);
        Set<String> allowed = new java.util.HashSet<>(PAGE_KEYS);
        if (kind == PageKind.PROFILE || known.isEmpty()) {
            // with a mistyped type, which keys belong is unknown: the type's error is the only one
            allowed.addAll(PROFILE_KEYS);
        }
        f.rejectUnknown(allowed, kind == PageKind.PROFILE ? "profile front matter" : "front matter");
        Optional<ProfileData> profile = kind == PageKind.PROFILE ? Optional.of(profile(f, allowed)) : Optional.empty();
        Optional<String> title = f.string("title");
        return new FrontMatter(
                title.map(String::strip).filter(s -> !s.isEmpty()),
                f.string("description").map(String::strip),
                f.integer("weight").orElse(0),
                f.bool("draft").orElse(false),
                kind,
                f.date("reviewed"),
                slug(f),
                f.bool("toc").orElse(true),
                profile, top, f.has("title") ? f.keyPosition("title") : top, f.has("title") && title.isEmpty(),
                f.node("slug").map(f::at).orElse(top));
    }

    /**
     * The {@code slug:}, which names the page's last address segment. A slash would not make a folder (it used to
     * become a dash without a word), and one with no letter or digit would be dropped for the file name: both are
     * errors at the value, with what to write instead. Other characters are normalised as a heading's id is (case,
     * spaces and punctuation to dashes).
     */
    private static Optional<String> slug(YamlFields f) {
        Optional<String> slug = f.string("slug").map(String::strip);
        if (slug.isEmpty()) return slug;
        String s = slug.get();
        SourcePosition at = f.node("slug").map(f::at).orElse(f.keyPosition("slug"));
        if (s.contains("/") || s.contains("\\")) {
            String one = Slug.of(s);
            f.diagnostics().error("bad-value", at, "slug \"" + s + "\" contains a slash; a slug names only the last part of the page's address",
                    "write one segment of letters, digits and dashes" + (one.isEmpty() ? "" : ", e.g. slug: " + one)
                            + "; to publish the page inside a folder, move its file into that folder under the content folder");
            return Optional.empty();
        }
        if (Slug.of(s).isEmpty()) {
            f.diagnostics().error("bad-value", at, "slug \"" + s + "\" has no letter or digit, so it cannot name an address",
                    "write letters, digits and dashes, e.g. slug: my-page, or remove `slug:` to use the file name");
            return Optional.empty();
        }
        return slug;
    }

    /** The page kind {@code type:} names; empty, after an error, for one that does not exist. */
    private static Optional<PageKind> kind(String value, YamlFields f) {
        List<String> names = new ArrayList<>();
        for (PageKind k : PageKind.values()) {
            if (k == PageKind.SECTION) continue;
            if (k.templateName().equals(value.strip().toLowerCase(Locale.ROOT))) return Optional.of(k);
            names.add(k.templateName());
        }
        String asked = value.strip().toLowerCase(Locale.ROOT);
        String near = Suggest.closest(asked, names);
        // the comparison table is not a kind of page but a line on one: say where it goes instead
        String directive = asked.startsWith("compar") ? "the comparison table is not a page type: leave `type:` out and put"
                + " {{< comparison >}} on its own line where the table belongs; " : "";
        f.diagnostics().error("unknown-type", f.node("type").map(f::at).orElse(f.keyPosition("type")), "unknown page type \"" + value + "\"",
                directive + (near == null || !directive.isEmpty() ? "" : "did you mean \"" + near + "\"? ") + "use one of: " + String.join(", ", names));
        return Optional.empty();
    }

    /**
     * One error for all of a profile's missing required fields, not one per field: they have one cause (the author
     * has not met the profile's fields yet), and the hint shows a line to paste for each. A field whose key is there
     * but mistyped ({@code tagine:}) is not missing: its unknown-key error, "did you mean tagline?", is the cause, and
     * "add tagline" would have the author write it twice.
     */
    private static void missingProfileFields(YamlFields f, Set<String> allowed) {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("name", "name: " + f.string("title").map(String::strip).filter(t -> !t.isEmpty()).orElse("Option A"));
        examples.put("tagline", "tagline: One line on what it is.");
        examples.put("philosophy", "philosophy: What it puts first.");
        examples.put("includes", "includes: [key, key]");
        examples.keySet().removeIf(f::has);
        for (var key : f.keys()) {
            if (!allowed.contains(key.value())) examples.remove(Suggest.closest(key.value(), allowed));
        }
        if (examples.isEmpty()) return;
        List<String> names = examples.keySet().stream().map(k -> "\"" + k + "\"").toList();
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        f.diagnostics().error("profile-missing-field", f.mapPosition(),
                "profile is missing required field" + (names.size() == 1 ? " " : "s ") + list,
                "add to the front matter: " + String.join(" / ", examples.values().stream().map(e -> "`" + e + "`").toList())
                        + (examples.containsKey("includes") ? " (includes lists keys of `capabilities:` in site.yaml)" : ""));
    }

    private static ProfileData profile(YamlFields f, Set<String> allowed) {
        missingProfileFields(f, allowed);
        Map<String, String> notes = new LinkedHashMap<>();
        List<dev.waymark.diag.Positioned<String>> noteKeys = new ArrayList<>();
        f.mapping("notes").ifPresent(n -> {
            for (dev.waymark.diag.Positioned<String> key : n.keys()) {
                noteKeys.add(key);
                n.string(key.value()).ifPresent(v -> notes.put(key.value(), v));
            }
        });
        List<LinkRef> links = new ArrayList<>();
        for (YamlFields link : f.mappingList("links")) {
            link.rejectUnknown(LINK_KEYS, "a profile link");
            Optional<String> title = link.string("title");
            Optional<String> url = link.string("url");
            if (title.isEmpty() || url.isEmpty()) {
                f.diagnostics().error("profile-link", link.mapPosition(), "a profile link needs both title and url", "write `- {title: Docs, url: https://…}`");
            } else {
                links.add(new LinkRef(title.get(), url.get(), link.keyPosition("url")));
            }
        }
        return new ProfileData(f.string("name").orElse(""), f.string("tagline").orElse(""),
                f.string("philosophy").orElse(""), f.stringList("includes"), notes, links, noteKeys);
    }

    private static Optional<String> stem(SourceFile source) {
        String name = source.relPath().substring(source.relPath().lastIndexOf('/') + 1);
        return Optional.of(name.endsWith(".md") ? name.substring(0, name.length() - 3) : name);
    }

    private static FrontMatter defaults(SourcePosition top, Optional<String> title, Optional<String> description) {
        return new FrontMatter(title, description, 0, false, PageKind.PAGE, Optional.empty(), Optional.empty(), true,
                Optional.empty(), top, top, false, top);
    }
}

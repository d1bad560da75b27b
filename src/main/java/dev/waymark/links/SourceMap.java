package dev.waymark.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where each built page's links come from: for every page built from Markdown, its source file and every href and src
 * its body carries, in document order, each with the Markdown line and column that produced it. The build records it
 * while it renders (so the positions are exact, not guessed from the HTML) and writes it into the output as
 * {@value #FILE_NAME}; {@code check} reads it to report a finding on a Waymark-built site at the Markdown line.
 *
 * <p>The file is plain text, one record a line, fields separated by tabs (tab, newline and backslash escaped):
 * a {@code content} line with the content folder relative to the site folder, then per page a {@code page} line
 * (site path, content-relative source) followed by its {@code ref} lines (URL, line, column). Pages come in site-path
 * order, so the same content gives the same bytes.
 */
public final class SourceMap {
    public static final String FILE_NAME = ".waymark-sources";
    private static final String HEADER = "# waymark sources 1: where each page's links come from in its Markdown; read by `waymark check`.";

    /** A URL on a built page and the Markdown position that produced it. */
    public record Ref(String url, int line, int column) {
    }

    /** One built page: its content-relative Markdown source and its body's references in document order. */
    public record Page(String source, List<Ref> refs) {
        public Page {
            refs = List.copyOf(refs);
        }

        /**
         * The position of the {@code occurrence}-th (0-based) reference to {@code url} on the page, counted in
         * document order, or empty when the body has no reference to it (it came from the theme's template).
         */
        public Optional<Ref> find(String url, int occurrence) {
            Ref last = null;
            int seen = 0;
            for (Ref r : refs) {
                if (!r.url().equals(url)) continue;
                if (seen++ == occurrence) return Optional.of(r);
                last = r;
            }
            return Optional.ofNullable(last);
        }
    }

    private final Path content;
    private final Map<String, Page> pages;

    /**
     * @param content the content folder as seen from the site folder, e.g. {@code ../content}
     * @param pages   by site path, e.g. {@code guide/index.html}
     */
    public SourceMap(Path content, Map<String, Page> pages) {
        this.content = content;
        this.pages = new TreeMap<>(pages);
    }

    /** The content folder as seen from the output folder: relative, so the pair can move together. */
    public static Path contentFrom(Path out, Path content) {
        Path o = out.toAbsolutePath().normalize();
        Path c = content.toAbsolutePath().normalize();
        return o.getRoot() != null && o.getRoot().equals(c.getRoot()) ? o.relativize(c) : c;
    }

    /** The content folder, relative to the site folder (or absolute when the two share no root). */
    public Path content() {
        return content;
    }

    public Optional<Page> page(String sitePath) {
        return Optional.ofNullable(pages.get(sitePath));
    }

    /** The Markdown file of a page, as a path relative to the site folder. */
    public Path sourceFile(Page page) {
        return content.resolve(page.source()).normalize();
    }

    /** Collects pages as they render, from several threads; {@link #map} puts them in a stable order. */
    public static final class Recorder {
        private final ConcurrentMap<String, Page> pages = new ConcurrentHashMap<>();

        public void page(String sitePath, String source, List<Ref> refs) {
            pages.put(sitePath, new Page(source, refs));
        }

        /** The record of one page, or null when none was recorded. */
        public Page get(String sitePath) {
            return pages.get(sitePath);
        }

        /** What has been recorded so far, to {@link #restore} after a round whose output was not written. */
        public Map<String, Page> snapshot() {
            return Map.copyOf(pages);
        }

        public void restore(Map<String, Page> snapshot) {
            pages.clear();
            pages.putAll(snapshot);
        }

        /** Forgets the pages whose site path is not in {@code pages}. */
        public void retain(java.util.Set<String> pages) {
            this.pages.keySet().retainAll(pages);
        }

        public SourceMap map(Path content) {
            return new SourceMap(content, pages);
        }
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("content\t").append(escape(content.toString().replace('\\', '/'))).append('\n');
        for (Map.Entry<String, Page> e : pages.entrySet()) {
            sb.append("page\t").append(escape(e.getKey())).append('\t').append(escape(e.getValue().source())).append('\n');
            for (Ref r : e.getValue().refs()) {
                sb.append("ref\t").append(escape(r.url())).append('\t').append(r.line()).append('\t').append(r.column()).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The source map of a built site, or empty when it has none (any other generator's site) or it is not ours. */
    public static Optional<SourceMap> read(Path siteRoot) {
        Path file = siteRoot.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) { // not UTF-8: not ours
            return Optional.empty();
        }
        return parse(lines);
    }

    /** A source map from its lines, as {@link #bytes()} writes them; empty when they are not one. */
    public static Optional<SourceMap> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) return Optional.empty();
        Path content = null;
        Map<String, Page> pages = new TreeMap<>();
        String path = null;
        String source = null;
        List<Ref> refs = new ArrayList<>();
        try {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "content" -> content = Path.of(unescape(f[1]));
                    case "page" -> {
                        if (path != null) pages.put(path, new Page(source, refs));
                        path = unescape(f[1]);
                        source = unescape(f[2]);
                        refs = new ArrayList<>();
                    }
                    case "ref" -> refs.add(new Ref(unescape(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) { // a damaged file maps nothing, rather than wrongly
            return Optional.empty();
        }
        if (path != null) pages.put(path, new Page(source, refs));
        return content == null ? Optional.empty() : Optional.of(new SourceMap(content, pages));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            sb.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> n;
            });
        }
        return sb.toString();
    }
}

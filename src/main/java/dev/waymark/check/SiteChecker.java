package dev.waymark.check;

import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.Severity;
import dev.waymark.model.RelativePath;
import dev.waymark.model.UrlParts;
import dev.waymark.diag.SourcePosition;
import dev.waymark.links.SourceMap;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks any built static site: every internal reference resolves to a file, every fragment to an id, and every page
 * has the structure readers and tools rely on. External links are counted, never fetched.
 */
public final class SiteChecker {

    public CheckReport check(Path siteDir, CheckOptions options) {
        return check(siteDir, options, new RenderedPages());
    }

    /**
     * Checks a site just built, taking each page the build {@code rendered} from its recorded facts instead of reading
     * and parsing its file again; any other page is read from disk. The report is the same as {@link #check(Path,
     * CheckOptions)}'s.
     */
    public CheckReport check(Path siteDir, CheckOptions options, RenderedPages rendered) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return check(siteDir.toAbsolutePath().normalize(), options, rendered, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private CheckReport check(Path root, CheckOptions options, RenderedPages rendered, ExecutorService pool) {
        Map<String, String> files = new HashMap<>(); // each path to itself: lookups return the one shared instance
        List<String> css = new ArrayList<>();
        PageScanner scanner = rendered.scanner;
        Map<String, Future<PageFacts>> scans = new TreeMap<>();
        Map<String, PageFacts> pages = new HashMap<>();
        // The source map and the base path do not depend on the walk: read them on the pool while it runs.
        Future<Optional<SourceMap>> sourceMap = pool.submit(() -> SourceMap.read(root));
        Future<String> detected = options.basePath().isPresent() ? null : pool.submit(() -> detectBasePath(root));
        // Each folder at the top is walked on the pool, so the walk (a directory read and a stat per file) uses every
        // core; pages are read on the pool too while the walk is still finding the rest. The parts are merged into the
        // same maps a single walk fills, each of which is sorted or only looked up, so the order of the parts is moot.
        String prefix = root.toString().endsWith(root.getFileSystem().getSeparator()) ? root.toString()
                : root + root.getFileSystem().getSeparator();
        List<Future<Walked>> parts = new ArrayList<>();
        Walked top = new Walked();
        try {
            Files.walkFileTree(root, Set.of(), 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    if (attrs.isDirectory()) {
                        parts.add(pool.submit(() -> walk(p, prefix, rendered, scanner, pool)));
                    } else {
                        top.visit(p, attrs, prefix, rendered, scanner, pool);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Walked> walked = new ArrayList<>(List.of(top));
        for (Future<Walked> part : parts) walked.add(await(part));
        for (Walked w : walked) {
            for (String rel : w.files) files.put(rel, rel);
            css.addAll(w.css);
            scans.putAll(w.scans);
        }
        for (Map.Entry<String, Future<PageFacts>> scan : scans.entrySet()) pages.put(scan.getKey(), await(scan.getValue()));
        css.sort(null);
        String basePath = detected == null ? options.basePath().get() : await(detected);
        if (!basePath.endsWith("/")) basePath = basePath + "/";
        if (!basePath.startsWith("/")) basePath = "/" + basePath;
        MarkdownPositions mapper = new MarkdownPositions(root, await(sourceMap));
        List<Diagnostic> findings = new ArrayList<>();
        Map<String, Integer> domains = new TreeMap<>();
        // the link graph for orphan pages: page i links to the pages whose indexes are set in links[i]
        List<PageFacts> ordered = new ArrayList<>(new TreeMap<>(pages).values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) index.put(ordered.get(i).file(), i);
        BitSet[] links = new BitSet[ordered.size()];
        Targets targets = new Targets();
        int[] counts = new int[2];
        List<String> withFindings = new ArrayList<>();
        // Pages are checked in parallel, each into its own result, then merged in file order: same report every run.
        String base = basePath;
        List<PageCheck> checked = parallel(pool, ordered, page -> {
            // sized for every page at once: a page's links reach across the site, so a growing set would be copied each time
            PageCheck c = new PageCheck(page.file(), new ArrayList<>(), new HashMap<>(), new BitSet(ordered.size()), new int[2]);
            checkPage(page, base, files, pages, index, targets, options, mapper, c.findings(), c.domains(), c.links(), c.counts());
            return c;
        });
        for (int i = 0; i < checked.size(); i++) {
            PageCheck c = checked.get(i);
            links[i] = c.links();
            if (!c.findings().isEmpty()) withFindings.add(c.file());
            findings.addAll(c.findings());
            c.domains().forEach((host, n) -> domains.merge(host, n, Integer::sum));
            counts[0] += c.counts()[0];
            counts[1] += c.counts()[1];
        }
        if (!withFindings.isEmpty()) {
            // Read the few pages with findings again, with positions, and report their findings at exact lines.
            Map<String, PageFacts> tracked = new TreeMap<>();
            for (PageFacts page : parallel(pool, withFindings,
                    file -> scanner.read(file, root.resolve(file), true))) {
                tracked.put(page.file(), page);
            }
            findings.removeIf(f -> tracked.containsKey(htmlFile(f)));
            int[] ignored = new int[2];
            for (PageFacts page : tracked.values()) {
                checkPage(page, basePath, files, pages, index, targets, options, mapper, findings, new TreeMap<>(), new BitSet(), ignored);
            }
        }
        for (String sheet : css) {
            checkCss(root, sheet, basePath, files, options, findings, counts);
        }
        orphans(ordered, index, links, options, mapper, findings);
                return new CheckReport(findings, pages.size(), counts[0], counts[1], domains);
    }

    private static void checkPage(PageFacts page, String basePath, Map<String, String> files, Map<String, PageFacts> pages,
                                  Map<String, Integer> index, Targets targets,
                                  CheckOptions options, MarkdownPositions mapper, List<Diagnostic> findings, Map<String, Integer> domains,
                                  BitSet links, int[] counts) {
        for (PageFacts.Local local : page.problems()) {
            add(findings, options, local.kind(), mapper.local(page, local), local.message(), page.file(), local.line());
        }
        int depth = Targets.depth(page.file());
        List<PageFacts.Ref> refs = page.refs();
        for (int i = 0; i < refs.size(); i++) {
            resolve(page, depth, refs.get(i), i, basePath, files, pages, index, targets, options, mapper, findings, domains, links, counts);
        }
    }

    /**
     * How many references to the same URL come before the {@code i}th on its page: with the URL, the source map's key.
     * Counted only for a reference with a finding, which is rare, so a page without any costs no count at all.
     */
    private static int occurrence(PageFacts page, int i) {
        String url = page.refs().get(i).url();
        int n = 0;
        for (int j = 0; j < i; j++) if (page.refs().get(j).url().equals(url)) n++;
        return n;
    }

    /** Walks the folder {@code dir} of the site whose root path ends at {@code prefix}. */
    private static Walked walk(Path dir, String prefix, RenderedPages rendered, PageScanner scanner, ExecutorService pool) {
        Walked w = new Walked();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    w.visit(p, attrs, prefix, rendered, scanner, pool);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w;
    }

    /** What a walk of part of a site found: its files, style sheets, and pages (known, or being read on the pool). */
    private static final class Walked {
        final List<String> files = new ArrayList<>();
        final List<String> css = new ArrayList<>();
        final Map<String, Future<PageFacts>> scans = new HashMap<>();

        void visit(Path p, BasicFileAttributes attrs, String prefix, RenderedPages rendered, PageScanner scanner, ExecutorService pool) {
            // a symbolic link is followed, as Files.isRegularFile does; the path relative to the root is the walk's
            // path minus the root's (no Path.relativize per file)
            if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(p))) {
                String rel = p.toString().substring(prefix.length()).replace('\\', '/');
                files.add(rel);
                if (RenderedPages.isPage(rel)) {
                    java.util.Optional<PageFacts> known = rendered.facts(rel);
                    scans.put(rel, known.isPresent() ? java.util.concurrent.CompletableFuture.completedFuture(known.get())
                            : pool.submit(() -> scanner.read(rel, p, false)));
                }
                if (rel.endsWith(".css")) css.add(rel);
            }
        }
    }

    /** What checking one page found; merged into the report in file order. */
    private record PageCheck(String file, List<Diagnostic> findings, Map<String, Integer> domains, BitSet links, int[] counts) {
    }

    /** A site file's bytes. */
    private static byte[] bytes(Path root, String file) {
        try {
            return Files.readAllBytes(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies {@code work} to every item on the pool; results come back in the items' order. */
    private static <T, R> List<R> parallel(ExecutorService pool, List<T> items, java.util.function.Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> out = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The path of the home page's canonical URL, e.g. {@code /guide/}; "/" when there is none. Reads the head only. */
    static String detectBasePath(Path root) {
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) return "/";
        try (var in = new java.io.InputStreamReader(Files.newInputStream(index), StandardCharsets.UTF_8);
             StreamParser stream = new StreamParser(Parser.htmlParser()).parse(in, "")) {
            for (Element el : (Iterable<Element>) stream::iterator) {
                if (el.normalName().equals("link") && el.attr("rel").equalsIgnoreCase("canonical")) {
                    String href = el.attr("href").replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
                    return href.startsWith("/") ? href.replaceFirst("[?#].*$", "").replaceFirst("[^/]*$", "") : "/";
                }
                if (el.normalName().equals("head")) break; // a canonical link belongs in the head
                el.remove();
            }
            return "/";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "/";
        }
    }

    private static void resolve(PageFacts page, int depth, PageFacts.Ref ref, int at, String basePath, Map<String, String> files,
                                Map<String, PageFacts> pages, Map<String, Integer> index, Targets targets,
                                CheckOptions options, MarkdownPositions mapper, List<Diagnostic> findings, Map<String, Integer> domains,
                                BitSet links, int[] counts) {
        String url = ref.url().strip();
        if (url.isEmpty()) return;
        Targets.Hit hit = targets.get(depth, url);
        if (hit == null) {
            String scheme = url.startsWith("//") ? "https" : UrlParts.scheme(url);
            if (scheme != null) {
                if (scheme.equals("http") || scheme.equals("https")) {
                    counts[1]++;
                    String host = url.replaceFirst("^[a-zA-Z]*:?//", "").replaceFirst("[/?#].*$", "").toLowerCase(Locale.ROOT);
                    domains.merge(host, 1, Integer::sum);
                }
                return;
            }
            hit = locate(page, depth, url, basePath, files, targets);
        }
        counts[0]++;
        String target = hit.target();
        String fragment = hit.fragment();
        if (target == Targets.OUTSIDE || target == Targets.MISSING) {
            add(findings, options, CheckKind.BROKEN_LINK, mapper.ref(page, ref, occurrence(page, at)), ref.attribute() + " \"" + PageScanner.abbreviate(url)
                    + (target == Targets.OUTSIDE ? "\" is outside the site's base path " + basePath : "\" points to a file that does not exist"),
                    page.file(), ref.line());
            return;
        }
        if (ref.attribute().equals("a href") || ref.tree()) {
            Integer to = index.get(target);
            if (to != null) links.set(to);
        }
        if (fragment != null && !fragment.isEmpty() && !fragment.equals("top")) {
            PageFacts targetPage = pages.get(target);
            String id = UrlParts.decode(fragment);
            if (targetPage != null && !targetPage.ids().contains(id) && !targetPage.ids().contains(fragment)) {
                add(findings, options, CheckKind.BROKEN_ANCHOR, mapper.ref(page, ref, occurrence(page, at)), "link to \"#" + PageScanner.abbreviate(fragment)
                        + "\": no element with that id in " + target, page.file(), ref.line());
            }
        }
    }

    /** Where an internal URL on a page leads; remembered for every page of its depth when that does not depend on the page. */
    private static Targets.Hit locate(PageFacts page, int depth, String url, String basePath, Map<String, String> files, Targets targets) {
        UrlParts parts = UrlParts.of(url);
        String path = parts.path();
        if (path.isEmpty()) return new Targets.Hit(page.file(), parts.fragment());
        String decoded = UrlParts.decode(path);
        Targets.Hit hit;
        if (decoded.startsWith("/")) {
            String base = UrlParts.decode(basePath);
            if (!decoded.startsWith(base) && !(decoded + "/").equals(base)) {
                hit = new Targets.Hit(Targets.OUTSIDE, parts.fragment());
            } else {
                hit = found(decoded.length() >= base.length() ? decoded.substring(base.length()) : "", files, parts.fragment());
            }
        } else {
            hit = found(RelativePath.dirOf(page.file()) + decoded, files, parts.fragment());
        }
        targets.put(depth, url, decoded, hit);
        return hit;
    }

    private static Targets.Hit found(String joined, Map<String, String> files, String fragment) {
        String target = findFile(RelativePath.normalize(joined), files);
        return new Targets.Hit(target == null ? Targets.MISSING : target, fragment);
    }

    private static void checkCss(Path root, String sheet, String basePath, Map<String, String> files, CheckOptions options,
                                 List<Diagnostic> findings, int[] counts) {
        String text;
        try {
            text = Files.readString(root.resolve(sheet), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        for (String url : CssUrls.of(text)) {
            if (UrlParts.scheme(url) != null || url.startsWith("//")) continue;
            counts[0]++;
            String path = UrlParts.decode(url.replaceFirst("[?#].*$", ""));
            String joined = path.startsWith("/") ? (path.startsWith(basePath) ? path.substring(basePath.length()) : null) : RelativePath.dirOf(sheet) + path;
            String target = joined == null ? null : findFile(RelativePath.normalize(joined), files);
            if (target == null) {
                int line = CssUrls.lineOf(text, text.indexOf(url));
                add(findings, options, CheckKind.BROKEN_LINK, SourcePosition.of(Path.of(sheet), line),
                        "css url(\"" + PageScanner.abbreviate(url) + "\") points to a file that does not exist", sheet, line);
            }
        }
    }

    private static void orphans(List<PageFacts> ordered, Map<String, Integer> index, BitSet[] links, CheckOptions options,
                                MarkdownPositions mapper, List<Diagnostic> findings) {
        Integer home = index.get("index.html");
        if (home == null) return;
        BitSet reached = new BitSet(ordered.size());
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(home));
        while (!todo.isEmpty()) {
            int p = todo.pop();
            if (reached.get(p)) continue;
            reached.set(p);
            links[p].stream().filter(t -> !reached.get(t)).forEach(todo::push);
        }
        for (int i = 0; i < ordered.size(); i++) {
            PageFacts page = ordered.get(i);
            if (!reached.get(i) && !page.file().equals("404.html")) {
                add(findings, options, CheckKind.ORPHAN_PAGE, mapper.pageLevel(page, 1),
                        "no page links to " + page.file() + "; readers cannot reach it from the home page", page.file(), 1);
            }
        }
    }

    private static void add(List<Diagnostic> findings, CheckOptions options, String kind, SourcePosition at, String message,
                            String htmlFile, int htmlLine) {
        Severity severity = options.severity(kind);
        if (severity != Severity.OFF) {
            Diagnostic d = new Diagnostic(severity, at, kind, message, "", java.util.Optional.empty());
            SourcePosition built = SourcePosition.of(Path.of(htmlFile), htmlLine);
            findings.add(at.equals(built) ? d : d.seenAt(built));
        }
    }

    /** The built file a finding was seen in. */
    private static String htmlFile(Diagnostic d) {
        return d.output().orElse(d.at()).displayPath();
    }

    /** The file a site path serves: itself, its index.html, or the .html file of the same name. */
    private static String findFile(String path, Map<String, String> files) {
        if (path == null) return null;
        boolean file = !path.isEmpty() && !path.endsWith("/");
        String found = file ? files.get(path) : null;
        if (found != null) return found;
        String dir = file ? path + "/" : path;
        found = files.get(dir + "index.html");
        if (found != null) return found;
        return file ? files.get(path + ".html") : null;
    }


}

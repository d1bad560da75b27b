package dev.waymark.render;

import dev.waymark.diag.ContentException;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.SourcePosition;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loaded theme: the jte engine over the theme chain, with HTML output escaping on, and the theme's assets with
 * fingerprinted names. Compiled templates are cached per content hash of the templates, so a second build skips javac.
 */
public final class Theme {
    private static final Pattern EXTENDS = Pattern.compile("(?m)^extends:\\s*([A-Za-z0-9_-]+)\\s*$");
    public static final String LOCAL_OVERRIDES = "local";

    private final ThemeChain chain;
    private final TemplateEngine engine;
    private final Map<String, String> fingerprinted;

    private Theme(ThemeChain chain, TemplateEngine engine, Map<String, String> fingerprinted) {
        this.chain = chain;
        this.engine = engine;
        this.fingerprinted = Map.copyOf(fingerprinted);
    }

    /** Loads theme {@code name} from {@code themesDir} with {@code themes/local} as the project's overrides, if present. */
    public static Theme load(Path themesDir, String name) {
        return load(themesDir, name, themesDir.resolve(LOCAL_OVERRIDES));
    }

    /** Loads theme {@code name} from {@code themesDir}; see {@link #load(List, String, Path)}. */
    public static Theme load(Path themesDir, String name, Path overrides) {
        return load(List.of(themesDir), name, overrides);
    }

    /**
     * Loads theme {@code name}, following {@code extends:} in each theme's theme.yaml. Each theme is taken from the
     * first of {@code roots} that has a folder of that name, so a guide's own {@code themes/} adds themes to the ones
     * installed with Waymark (and a folder of the same name overrides an installed theme). Files in {@code overrides}
     * (a folder with {@code templates/} and {@code assets/}) win over every theme's own.
     */
    public static Theme load(List<Path> roots, String name, Path overrides) {
        List<Path> folders = new ArrayList<>();
        String current = name;
        while (current != null) {
            Path dir = current.matches("[A-Za-z0-9_-]+") ? find(roots, current) : null;
            if (dir == null) {
                Path shown = roots.isEmpty() ? Path.of(current) : roots.get(0).resolve(current);
                List<String> installed = installed(roots);
                String near = dev.waymark.diag.Suggest.closest(current, installed);
                String where = String.join(" or ", roots.stream().map(Path::toString).toList());
                throw new ContentException(Diagnostic.error("theme-not-found", SourcePosition.ofFile(shown),
                        "theme \"" + current + "\" not found in " + where,
                        (near != null ? "did you mean " + near + "? Themes" : "themes") + " here: " + String.join(", ", installed)
                                + "; a theme of your own is a folder in " + (roots.isEmpty() ? "themes" : roots.get(0).toString())));
            }
            if (folders.contains(dir)) {
                throw new ContentException(Diagnostic.error("theme-loop", SourcePosition.ofFile(dir.resolve("theme.yaml")),
                        "theme \"" + current + "\" extends itself in a loop", "fix `extends:` in theme.yaml"));
            }
            folders.add(dir);
            current = parent(dir);
        }
        if (overrides != null && Files.isDirectory(overrides) && !folders.contains(overrides)) {
            folders.add(0, overrides);
        }
        ThemeChain chain = new ThemeChain(name, folders);
        return new Theme(chain, engine(chain), fingerprint(chain));
    }

    /** The theme names a build can use: the folders of every root, the project's overrides folder aside. */
    static List<String> installed(List<Path> roots) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Path root : roots) {
            try (java.util.stream.Stream<Path> s = Files.list(root)) {
                s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("[A-Za-z0-9_-]+") && !n.equals(LOCAL_OVERRIDES)).forEach(names::add);
            } catch (IOException e) {
                // a root that cannot be listed offers no names
            }
        }
        return List.copyOf(names);
    }

    private static Path find(List<Path> roots, String theme) {
        for (Path root : roots) {
            if (Files.isDirectory(root.resolve(theme))) return root.resolve(theme);
        }
        return null;
    }

    private static String parent(Path dir) {
        Path yaml = dir.resolve("theme.yaml");
        if (!Files.isRegularFile(yaml)) return null;
        try {
            Matcher m = EXTENDS.matcher(Files.readString(yaml, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateEngine engine(ThemeChain chain) {
        String hash = hashTemplates(chain);
        Path cache = cacheRoot().resolve(hash);
        String pkg = "dev.waymark.theme.t" + hash.substring(0, 12);
        ClassLoader parent = Theme.class.getClassLoader();
        if (Files.isRegularFile(cache.resolve("complete"))) {
            return TemplateEngine.createPrecompiled(cache, ContentType.Html, parent, pkg);
        }
        try {
            Path tmp = Files.createDirectories(cache.getParent()).resolve(hash + ".tmp-" + ProcessHandle.current().pid());
            TemplateEngine compiling = TemplateEngine.create(chain, tmp, ContentType.Html, parent, pkg);
            compiling.setTrimControlStructures(true);
            compiling.setBinaryStaticContent(true); // markup pre-encoded as UTF-8, see Utf8Output
            compiling.precompileAll();
            Files.writeString(tmp.resolve("complete"), hash);
            try {
                Files.move(tmp, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another build compiled the same theme first; use ours for this run
                return TemplateEngine.createPrecompiled(tmp, ContentType.Html, parent, pkg);
            }
            return TemplateEngine.createPrecompiled(cache, ContentType.Html, parent, pkg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (gg.jte.TemplateException e) {
            throw new ContentException(compileError(chain, e.getMessage() == null ? "" : e.getMessage()));
        }
    }

    private static final Pattern COMPILE_AT = Pattern.compile("error at ([^\\s:]+\\.jte):(\\d+)");
    private static final Pattern PARSE_AT = Pattern.compile("Failed to compile (\\S+\\.jte), error at line (\\d+): (.+)");
    private static final Pattern REASON = Pattern.compile("(?m)(?:error|Error):\\s*(.+)$");
    private static final Pattern SYMBOL = Pattern.compile("(?m)^\\s*symbol:\\s*(.+)$");

    /**
     * A template that does not compile, at its line, with the compiler's reason: jte says where
     * ({@code error at tag/x.jte:2}) and then quotes javac or its own parser.
     */
    static Diagnostic compileError(ThemeChain chain, String message) {
        Matcher parse = PARSE_AT.matcher(message);
        if (parse.find()) {
            message = "error at " + parse.group(1) + ":" + parse.group(2) + "\nerror: " + parse.group(3);
        }
        Matcher at = COMPILE_AT.matcher(message);
        SourcePosition where = SourcePosition.ofFile(chain.folders().get(0));
        if (at.find()) {
            Path file = chain.template(at.group(1)).orElse(chain.folders().get(0).resolve("templates").resolve(at.group(1)));
            where = SourcePosition.of(dev.waymark.diag.DisplayPath.of(file), Integer.parseInt(at.group(2)));
        }
        String rest = at.find(0) ? message.substring(at.end()) : message;
        Matcher reason = REASON.matcher(rest);
        String why = reason.find() ? reason.group(1).strip() : firstLine(rest.strip());
        Matcher symbol = SYMBOL.matcher(rest);
        if (symbol.find()) why = why + " (" + symbol.group(1).strip() + ")";
        if (why.isEmpty()) why = firstLine(message);
        return Diagnostic.error("template-compile", where, "theme template does not compile: " + why,
                "fix this line of the template; templates take the parameters their @param lines declare");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Where compiled templates are cached: $WAYMARK_CACHE, else ~/.cache/waymark/jte, else the temp folder. */
    private static Path cacheRoot() {
        String override = System.getenv("WAYMARK_CACHE");
        if (override != null && !override.isBlank()) return Path.of(override);
        Path home = Path.of(System.getProperty("user.home"), ".cache", "waymark", "jte");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) return home;
        } catch (IOException | SecurityException e) {
            // a read-only or missing home (some CI sandboxes): fall back below
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "waymark-jte-" + System.getProperty("user.name", "user"));
    }

    private static String hashTemplates(ThemeChain chain) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("waymark-jte-4|" + Theme.class.getPackage().getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
            // the classes are compiled for the running JDK: a JDK 25 build's class files (version 69) fail on Java 17
            md.update(("|java " + Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
            md.update(classpathStamp().getBytes(StandardCharsets.UTF_8));
            for (String name : chain.templateNames()) {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(chain.template(name).orElseThrow()));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view-model classes are part of the compiled templates' contract; a changed jar must not reuse old classes. */
    public static String classpathStamp() {
        try {
            var src = Theme.class.getProtectionDomain().getCodeSource();
            if (src == null) return "";
            Path p = Path.of(src.getLocation().toURI());
            if (Files.isRegularFile(p)) {
                return Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            }
            // Classes run from a folder (tests, IDEs): templates call view records and helpers from several packages,
            // so every class of Waymark's counts, not one folder of them.
            Path classes = p.resolve("dev/waymark");
            StringBuilder sb = new StringBuilder();
            if (Files.isDirectory(classes)) {
                try (var files = Files.walk(classes)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sb.append(classes.relativize(f)).append(Files.getLastModifiedTime(f).toMillis()).append(';');
                    }
                }
            }
            return sb.toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static Map<String, String> fingerprint(ThemeChain chain) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : chain.assetNames()) {
            try {
                byte[] bytes = Files.readAllBytes(chain.asset(name).orElseThrow());
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
                int dot = name.lastIndexOf('.');
                String hashed = dot < 0 ? name + "." + hash : name.substring(0, dot) + "." + hash + name.substring(dot);
                out.put(name, "assets/" + hashed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Renders a template to UTF-8 bytes, the form pages are written in. */
    public byte[] renderBytes(String template, String paramName, Object param) {
        Utf8Output out = new Utf8Output(32 * 1024);
        engine.render(template, Map.of(paramName, param), out);
        return out.toByteArray();
    }

    /** Renders a template to a string, e.g. a fragment that goes inside a page body. */
    public String render(String template, String paramName, Object param) {
        return new String(renderBytes(template, paramName, param), StandardCharsets.UTF_8);
    }

    public boolean hasTemplate(String name) {
        return chain.exists(name);
    }

    /** Site path of a fingerprinted asset, e.g. {@code assets/style.1a2b3c4d5e.css}; empty when the theme lacks it. */
    public String assetPath(String name) {
        return fingerprinted.getOrDefault(name, "");
    }

    /** Asset site path to its source file, for copying. */
    public Map<String, Path> assetFiles() {
        Map<String, Path> out = new LinkedHashMap<>();
        fingerprinted.forEach((name, path) -> out.put(path, chain.asset(name).orElseThrow()));
        return out;
    }

    /** The theme's folders, most specific first: the project's overrides, the theme, the themes it extends. */
    public List<Path> folders() {
        return chain.folders();
    }

    public String name() {
        return chain.name();
    }
}

// The check `build --strict` runs after its render (SiteChecker.check with every page's facts already recorded), timed
// alone for two or more jars, alternated in one JVM (the order reversed every other round). Each round records the
// built site's pages into a fresh RenderedPages first, as the build does, then times only the check.
// Usage (from the repository root, after a build of the 10,000-page corpus into SITE):
//   CP=$(ls target/lib/*.jar | tr '\n' ':'); javac -d /tmp/pc bench/PostCheck.java
//   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP/tmp/pc" PostCheck SITE 8 OLD/waymark-0.1.0.jar target/waymark-0.1.0.jar
// A jar's label is "old" when its path contains "old", else "new".
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/** Times SiteChecker.check(site, defaults, rendered) after the build, old jar vs new jar alternated in one JVM. */
public class PostCheck {
    public static void main(String[] a) throws Exception {
        Path site = Path.of(a[0]);
        int rounds = Integer.parseInt(a[1]);
        String[] jars = Arrays.copyOfRange(a, 2, a.length);
        List<String> pages = new ArrayList<>();
        try (var s = Files.walk(site)) { s.filter(p -> p.toString().endsWith(".html")).forEach(p -> pages.add(site.relativize(p).toString())); }
        Map<String, byte[]> bytes = new HashMap<>();
        for (String p : pages) bytes.put(p, Files.readAllBytes(site.resolve(p)));
        ClassLoader[] loaders = new ClassLoader[jars.length];
        for (int i = 0; i < jars.length; i++) loaders[i] = new URLClassLoader(new URL[]{Path.of(jars[i]).toUri().toURL()}, PostCheck.class.getClassLoader());
        Set<String> reports = new HashSet<>(); // each report's record text: one, if every jar reports the same
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < jars.length; k++) {
                int i = (r % 2 == 0) ? k : jars.length - 1 - k;
                ClassLoader cl = loaders[i];
                Class<?> rp = cl.loadClass("dev.waymark.check.RenderedPages");
                Object rendered = rp.getConstructor().newInstance();
                Method rend = rp.getMethod("rendered", String.class, byte[].class);
                for (String p : pages) rend.invoke(rendered, p, bytes.get(p));
                Class<?> opts = cl.loadClass("dev.waymark.check.CheckOptions");
                Object o = opts.getMethod("defaults").invoke(null);
                Class<?> sc = cl.loadClass("dev.waymark.check.SiteChecker");
                Object checker = sc.getConstructor().newInstance();
                Method check = sc.getMethod("check", Path.class, opts, rp);
                System.gc();
                long t0 = System.nanoTime();
                Object report = check.invoke(checker, site, o, rendered);
                long t = System.nanoTime() - t0;
                reports.add(String.valueOf(report));
                System.out.printf("round %d %s wall %d ms  load %s%n", r + 1, jars[i].contains("old") ? "old" : "new", t / 1_000_000,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
        System.out.println(reports.size() == 1 ? "every report identical" : "REPORTS DIFFER: " + reports.size() + " versions");
    }
}

package dev.waymark;

import dev.waymark.support.Axe;
import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** axe-core (WCAG 2 A/AA and best practices) on every page of the guide, in both themes, light and dark. */
class AccessibilityTest {
    static final Path AXE = Axe.SCRIPT;

    @Test
    void everyPageHasNoAxeViolationsAndNoCspErrors(@TempDir Path tmp) throws Exception {
        String axe = Axe.script();
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String theme : List.of("default", "editorial")) {
            Path site = tmp.resolve(theme);
            assertEquals(0, Run.build(Run.GUIDE, site, "--theme", theme, "--quiet").exitCode());
            ChromeDriver driver = Browser.start(true);
            try (StaticServer server = new StaticServer(site)) {
                for (Path file : Run.htmlFiles(site)) {
                    String rel = site.relativize(file).toString().replace('\\', '/');
                    if (rel.equals("404.html")) continue;
                    for (String scheme : List.of("light", "dark")) {
                        driver.get(server.url(rel));
                        ((JavascriptExecutor) driver).executeScript("document.documentElement.setAttribute('data-theme', arguments[0]);", scheme);
                        ((JavascriptExecutor) driver).executeScript(axe);
                        Object violations = ((JavascriptExecutor) driver).executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "axe.run(document, {runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice']})"
                                        + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));");
                        for (Object v : (List<?>) violations) problems.add(theme + "/" + scheme + " " + rel + " -> " + v);
                        pages++;
                    }
                }
                for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                    if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")) {
                        problems.add(theme + " CSP: " + e.getMessage());
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertTrue(pages >= 20, "pages checked: " + pages);
        assertEquals(List.of(), problems);
    }
}

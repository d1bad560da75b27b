package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing makes a phone's page scroll sideways: every page of the guide and of a fixture of wide content (many-column
 * tables, long words, URLs and code) at 320 and 390 CSS pixels is no wider than the viewport. Wide things scroll inside
 * their own box instead, and that box can be reached from the keyboard and has a name.
 */
class PhoneWidthTest {
    @Test
    void noPageIsWiderThanAPhone(@TempDir Path tmp) throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path content : List.of(Run.GUIDE, CodeHighlightTest.CODE, LanguagesTest.CONTENT)) {
            Path site = tmp.resolve(content.getParent().getFileName().toString());
            Run.Outcome r = Run.build(content, site, "--quiet");
            assertEquals(0, r.exitCode(), r.err());
            ChromeDriver driver = Browser.start(true);
            try (StaticServer server = new StaticServer(site)) {
                for (int width : List.of(320, 390)) {
                    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                            Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
                    for (Path file : Run.htmlFiles(site)) {
                        String rel = site.relativize(file).toString().replace('\\', '/');
                        driver.get(server.url(rel));
                        Object wide = ((JavascriptExecutor) driver).executeScript(
                                "const w = document.documentElement.scrollWidth;"
                                        + "if (w <= arguments[0]) return null;"
                                        + "const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > arguments[0] + 0.5)"
                                        + ".filter(e => e.parentElement.getBoundingClientRect().right <= arguments[0] + 0.5).slice(0, 3)"
                                        + ".map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));"
                                        + "return w + 'px wide: ' + out.join(', ');", width);
                        if (wide != null) problems.add(width + "px " + content.getParent().getFileName() + "/" + rel + ": " + wide);
                        checked++;
                    }
                    if (content == CodeHighlightTest.CODE) {
                        driver.get(server.url("wide/index.html"));
                        Object table = ((JavascriptExecutor) driver).executeScript(
                                "const t = document.querySelector('.table-wrap');"
                                        + "return [t.scrollWidth > t.clientWidth, t.tabIndex, t.getAttribute('role'), t.getAttribute('aria-label'),"
                                        + " getComputedStyle(t).backgroundImage.includes('gradient')];");
                        assertEquals(List.of(true, 0L, "region", "Table: Framework, Language, Async, ORM, \u2026", true), table,
                                "the wide table scrolls in a named, focusable region with edge shadows at " + width + "px");
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertTrue(checked >= 28, "pages checked: " + checked);
        assertEquals(List.of(), problems);
    }
}

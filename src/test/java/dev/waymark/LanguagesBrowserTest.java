package dev.waymark;

import dev.waymark.support.Axe;
import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three-language fixture in real headless Chromium: the language switcher (by keyboard, at phone width, and
 * without JavaScript), hreflang alternates that lead to pages in their language, one search index per language, the
 * fallback notice, and axe on every page of every language, light and dark.
 */
class LanguagesBrowserTest {
    @TempDir
    static Path tmp;
    static Path site;
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        site = tmp.resolve("site");
        Run.Outcome r = LanguagesTest.build(site);
        assertEquals(0, r.exitCode(), r.err());
        server = new StaticServer(site);
        driver = Browser.start(true);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void theSwitcherStaysOnThePageByKeyboardAndFitsAPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            driver.get(server.url("fr/tools/alpha/index.html"));
            WebElement english = driver.findElement(By.cssSelector("nav.languages a[hreflang=en]"));
            assertTrue(english.isDisplayed());
            assertTrue(fits(), "the French page fits 390 px");
            // Tab from the page's start until the English link has focus, then Enter
            driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            for (int i = 0; i < 20 && !english.equals(driver.switchTo().activeElement()); i++) {
                driver.switchTo().activeElement().sendKeys(Keys.TAB);
            }
            assertEquals(english, driver.switchTo().activeElement(), "the switcher is reachable by Tab");
            english.sendKeys(Keys.ENTER);
            waitFor(server.url("tools/alpha/index.html"));
            assertEquals("en", lang());
            driver.findElement(By.cssSelector("nav.languages a[hreflang=ar]")).click();
            waitFor(server.url("ar/tools/alpha/index.html"));
            assertEquals("ar rtl", lang() + " " + ((JavascriptExecutor) driver).executeScript("return document.documentElement.dir"));
            assertTrue(fits(), "the right-to-left page fits 390 px");
            Object mirrored = ((JavascriptExecutor) driver).executeScript(
                    "const t = document.querySelector('.site-title').getBoundingClientRect();"
                            + "return t.right > innerWidth / 2 && t.left > 0;");
            assertEquals(Boolean.TRUE, mirrored, "the header starts on the right");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void theSwitcherIsPlainLinksThatWorkWithoutJavaScript() throws Exception {
        ChromeDriver noJs = Browser.start(false);
        try {
            noJs.get(server.url("tools/beta/index.html"));
            noJs.findElement(By.cssSelector("nav.languages a[hreflang=fr]")).click();
            new WebDriverWait(noJs, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(server.url("fr/tools/beta/index.html")));
            assertEquals("true", noJs.findElement(By.cssSelector("nav.languages a[hreflang=fr]")).getAttribute("aria-current"));
            WebElement notice = noJs.findElement(By.cssSelector(".page__fallback"));
            assertTrue(notice.isDisplayed());
            assertEquals("Cette page n’est pas encore traduite en français. Elle est affichée en anglais.", notice.getText());
        } finally {
            noJs.quit();
        }
    }

    @Test
    void hreflangAlternatesLeadToThePageInThatLanguage() {
        driver.get(server.url("fr/tools/alpha/index.html"));
        List<String> pairs = new ArrayList<>();
        for (WebElement link : driver.findElements(By.cssSelector("link[rel=alternate][hreflang]"))) {
            pairs.add(link.getAttribute("hreflang") + " " + link.getAttribute("href"));
        }
        assertEquals(List.of("en https://example.org/guide/tools/alpha/", "fr https://example.org/guide/fr/tools/alpha/",
                "x-default https://example.org/guide/tools/alpha/"), pairs);
        for (String pair : pairs) {
            String[] p = pair.split(" ");
            driver.get(server.url(p[1].replace("https://example.org/guide/", "") + "index.html"));
            assertEquals(p[0].equals("x-default") ? "en" : p[0], lang(), pair);
            assertEquals("Alpha", driver.findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    void searchUsesTheIndexOfThePageLanguage() {
        List<WebElement> fr = search("fr/compare/index.html", "boîte");
        assertTrue(fr.get(0).getText().startsWith("Alpha"), fr.get(0).getText());
        assertEquals(server.url("fr/tools/alpha/index.html"), fr.get(0).findElement(By.tagName("a")).getAttribute("href"));
        assertEquals("Aucun résultat", searchText("fr/compare/index.html", "kit"), "no English text in the French index");
        List<WebElement> en = search("compare/index.html", "kit");
        assertEquals(server.url("tools/alpha/index.html"), en.get(0).findElement(By.tagName("a")).getAttribute("href"));
        assertEquals("No results", searchText("compare/index.html", "boîte"));
    }

    @Test
    void everyPageInEveryLanguageHasNoAxeViolationsAndNoCspErrors() throws Exception {
        String axe = Axe.script();
        List<String> problems = new ArrayList<>();
        int pages = 0;
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
                for (Object v : (List<?>) violations) problems.add(scheme + " " + rel + " -> " + v);
                pages++;
            }
        }
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")) problems.add("CSP: " + e.getMessage());
        }
        assertEquals(2 * 24, pages, "24 pages (7 per language, 3 embed pages) in two modes");
        assertEquals(List.of(), problems);
    }

    private static List<WebElement> search(String page, String query) {
        type(page, query);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#wm-search-results [role=option]")).isEmpty());
        return driver.findElements(By.cssSelector("#wm-search-results [role=option]"));
    }

    private static String searchText(String page, String query) {
        type(page, query);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#wm-search-results .search__none")).isEmpty());
        return driver.findElement(By.cssSelector("#wm-search-results .search__none")).getText();
    }

    private static void type(String page, String query) {
        driver.get(server.url(page));
        new Actions(driver).sendKeys("/").perform();
        driver.switchTo().activeElement().sendKeys(query);
    }

    private static boolean fits() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth <= innerWidth;");
    }

    private static String lang() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang");
    }

    private static void waitFor(String url) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(url));
    }
}

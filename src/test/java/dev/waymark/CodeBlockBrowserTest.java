package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Highlighted code in Chromium: axe (contrast included) in both themes and modes, and the copy button. */
class CodeBlockBrowserTest {
    @Test
    void highlightedCodePassesAxeInBothThemesAndModes(@TempDir Path tmp) throws Exception {
        String axe = dev.waymark.support.Axe.script();
        List<String> problems = new ArrayList<>();
        for (String theme : List.of("default", "editorial")) {
            Path site = tmp.resolve(theme);
            assertEquals(0, Run.build(CodeHighlightTest.CODE, site, "--theme", theme, "--quiet").exitCode());
            ChromeDriver driver = Browser.start(true);
            try (StaticServer server = new StaticServer(site)) {
                JavascriptExecutor js = driver;
                List<String> colours = new ArrayList<>();
                for (String scheme : List.of("light", "dark")) {
                    driver.get(server.url("index.html"));
                    js.executeScript("document.documentElement.setAttribute('data-theme', arguments[0]);", scheme);
                    // The palette really changes with the mode: a keyword is not the same colour in light and dark.
                    colours.add((String) js.executeScript("return getComputedStyle(document.querySelector('.language-python .hl-k')).color;"));
                    js.executeScript(axe);
                    Object violations = js.executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "axe.run(document, {runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice']})"
                                    + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));");
                    for (Object v : (List<?>) violations) problems.add(theme + "/" + scheme + " -> " + v);
                }
                assertNotEquals(colours.get(0), colours.get(1), theme + " keyword colour in light and dark");
                for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                    if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")) {
                        problems.add(theme + " CSP: " + e.getMessage());
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void copyButtonWorksFromTheKeyboardAndIsAnnounced(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        assertEquals(0, Run.build(CodeHighlightTest.CODE, site, "--quiet").exitCode());
        try (StaticServer server = new StaticServer(site)) {
            ChromeDriver driver = Browser.start(true);
            try {
                driver.get(server.url("index.html"));
                int blocks = driver.findElements(By.cssSelector(".code > pre")).size();
                List<WebElement> buttons = driver.findElements(By.cssSelector(".code > button.code__copy"));
                assertEquals(blocks, buttons.size());
                WebElement status = driver.findElement(By.cssSelector("[role=status][aria-live=polite]"));
                assertEquals("", status.getText() + status.getAttribute("textContent"));
                // Reach the first button with the keyboard and press it.
                ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", buttons.get(0));
                assertEquals(buttons.get(0), driver.switchTo().activeElement());
                buttons.get(0).sendKeys(Keys.ENTER);
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !status.getAttribute("textContent").isEmpty());
                assertEquals("Code copied to the clipboard", status.getAttribute("textContent"));
                assertEquals("Copied", buttons.get(0).getText());
                // What was copied is the code itself, without markup and without the block's final newline.
                WebElement paste = (WebElement) ((JavascriptExecutor) driver).executeScript(
                        "const t = document.createElement('textarea'); document.body.appendChild(t); return t;");
                paste.click();
                paste.sendKeys(Keys.chord(Keys.CONTROL, "v"));
                assertEquals("@app.get(\"/items/{item_id}\")", paste.getAttribute("value").lines().findFirst().orElse(""));
            } finally {
                driver.quit();
            }
            ChromeDriver noJs = Browser.start(false);
            try {
                noJs.get(server.url("index.html"));
                assertTrue(noJs.findElements(By.cssSelector(".code > pre")).size() > 5);
                assertEquals(0, noJs.findElements(By.cssSelector("button.code__copy")).size());
            } finally {
                noJs.quit();
            }
        }
    }
}

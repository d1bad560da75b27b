package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site opened straight from disk (file://): the browser will not fetch the search index there, so the search box
 * says how to preview the site instead, and nothing throws. Pages and their other scripts still work.
 */
class SearchFromDiskTest {
    static final String EXPLAIN = "Search needs the site to be served, not opened as a file. Preview it with \u201cwaymark serve\u201d,"
            + " or press Search for a list of every page.";

    @Test
    void searchBoxExplainsHowToPreviewAndNothingThrows(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        assertEquals(0, Run.build(Run.GUIDE, site, "--quiet").exitCode());
        ChromeDriver driver = Browser.start(true);
        try {
            List<String> errors = new ArrayList<>();
            for (String page : List.of("index.html", "search/index.html?q=admin")) {
                driver.get(site.resolve("index.html").toUri().toString().replace("index.html", page));
                WebElement input = driver.findElement(By.id("wm-search-input"));
                if (!page.contains("?q=")) {
                    input.click();
                    input.sendKeys("admin");
                }
                WebElement message = new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> d.findElements(By.cssSelector(".search__results:not([hidden]) .search__none")).stream().findFirst().orElse(null));
                assertEquals(EXPLAIN, message.getText(), page);
                assertEquals("true", input.getAttribute("aria-expanded"));
                assertEquals(EXPLAIN, driver.findElement(By.cssSelector("form.search [role=status]")).getAttribute("textContent"));
                for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                    if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(page + ": " + e.getMessage());
                }
            }
            assertEquals(List.of(), errors);
            // The rest of the page's script still runs from disk: the theme toggle is wired up.
            assertTrue(driver.findElement(By.id("wm-theme-toggle")).isDisplayed());
        } finally {
            driver.quit();
        }
    }
}

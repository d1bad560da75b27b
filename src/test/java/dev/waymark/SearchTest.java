package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline search: what the built index holds, its size budget, and the UI in real Chromium. */
class SearchTest {
    @TempDir
    static Path tmp;
    static Path site;
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        assertEquals(0, Run.build(Run.GUIDE, site, "--quiet").exitCode());
        server = new StaticServer(site);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    static String shard() throws Exception {
        return Files.readString(site.resolve("search/shard-0.json"));
    }

    @Test
    void indexHoldsTitlesHeadingsTextChoiceItemsAndOutcomes() throws Exception {
        String manifest = Files.readString(site.resolve("search/index.json"));
        assertTrue(manifest.contains("\"shards\":[\"shard-0.json\"]"), manifest);
        String index = shard();
        assertTrue(index.contains("[\"frameworks/django/index.html\",\"Django\",\"\""), "page entry");
        assertTrue(index.contains("\"glossary/index.html#alembic\",\"Glossary\",\"Alembic\""), "heading entry");
        assertTrue(index.contains("\"frameworks/fastapi/index.html#right-machine-learning-model-serving\""), "choice item");
        assertTrue(index.contains("\"Recommendation: Start with Django\""), "decision outcome");
        assertTrue(index.contains("fraud-scoring model"), "body text");
        assertTrue(!index.contains("<"), "markup characters are escaped in the JSON");
    }

    @Test
    void indexAndScriptStayUnder30KbGzipped() throws Exception {
        long total = gz(Files.readAllBytes(site.resolve("search/shard-0.json")))
                + gz(Files.readAllBytes(site.resolve("search/index.json")));
        try (var s = Files.list(site.resolve("assets"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("search.")).toList()) total += gz(Files.readAllBytes(p));
        }
        assertTrue(total < 30 * 1024, "search index + JS gzipped: " + total + " bytes");
    }

    @Test
    void withoutJavaScriptTheSearchBoxLeadsToAnIndexOfEveryPage() {
        Document home = Run.html(site.resolve("index.html"));
        assertEquals("search/index.html", home.selectFirst("form.search").attr("action"));
        Document all = Run.html(site.resolve("search/index.html"));
        assertTrue(all.select("ul.search-all > li").size() >= 9);
        assertTrue(all.select("ul.search-all a[href=../glossary/index.html#pydantic]").size() == 1);
    }

    private static long gz(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(bytes);
        }
        return out.size();
    }

    static List<WebElement> resultsFor(String query) throws Exception {
        if (driver == null) driver = Browser.start(true);
        driver.get(server.url("frameworks/django/index.html"));
        new Actions(driver).sendKeys("/").perform();
        WebElement input = driver.switchTo().activeElement();
        assertEquals("wm-search-input", input.getAttribute("id"), "/ focuses the search box");
        input.sendKeys(query);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#wm-search-results [role=option]")).isEmpty());
        return driver.findElements(By.cssSelector("#wm-search-results [role=option]"));
    }

    @Test
    void typeAQueryPressEnterAndLandOnTheHeading() throws Exception {
        List<WebElement> results = resultsFor("alembic");
        assertTrue(results.get(0).getText().startsWith("Glossary › Alembic"), results.get(0).getText());
        assertTrue(results.get(0).findElements(By.tagName("mark")).size() >= 1, "matched terms are highlighted");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("glossary/index.html#alembic"));
        assertEquals("Alembic", driver.findElement(By.id("alembic")).getText().replace("#", "").strip());
    }

    @Test
    void prefixesAndLightTyposMatch() throws Exception {
        assertTrue(resultsFor("asynchro").get(0).getText().toLowerCase().contains("async"));
        assertTrue(resultsFor("pydantik").get(0).getText().contains("Pydantic"));
        List<WebElement> r = resultsFor("admin");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertEquals("true", r.get(1).getAttribute("aria-selected"), "arrow keys move through results");
    }
}

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision widget in real headless Chromium: every path by clicking, back, restart, shared URLs, keyboard, no-JS. */
class DecisionWidgetBrowserTest {
    @TempDir
    static Path tmp;
    static StaticServer server;
    static ChromeDriver driver;
    static String decidePath;

    @BeforeAll
    static void setUp() throws Exception {
        Path content = Files.exists(Run.GUIDE.resolve("decide.md")) ? Run.GUIDE : SiteStructureTest.MINI;
        Path site = tmp.resolve("site");
        assertEquals(0, Run.build(content, site, "--quiet").exitCode());
        decidePath = "decide/index.html";
        server = new StaticServer(site);
        driver = Browser.start(true);
    }

    @AfterAll
    static void tearDown() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> treeData(WebDriver d) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeScript(
                "return JSON.parse(document.querySelector('script.wm-tree-data').textContent);");
    }

    /** Every path from the start to an outcome, as lists of answer indexes, with the outcome title. */
    @SuppressWarnings("unchecked")
    static List<Map.Entry<List<Integer>, String>> allPaths(Map<String, Object> data) {
        Map<String, Map<String, Object>> nodes = new java.util.HashMap<>();
        for (Object n : (List<Object>) data.get("nodes")) {
            Map<String, Object> m = (Map<String, Object>) n;
            nodes.put((String) m.get("id"), m);
        }
        List<Map.Entry<List<Integer>, String>> out = new ArrayList<>();
        walk(nodes, (String) data.get("start"), new ArrayList<>(), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Map<String, Map<String, Object>> nodes, String id, List<Integer> path,
                             List<Map.Entry<List<Integer>, String>> out) {
        Map<String, Object> node = nodes.get(id);
        if ("outcome".equals(node.get("type"))) {
            out.add(Map.entry(List.copyOf(path), (String) node.get("title")));
            return;
        }
        List<Object> answers = (List<Object>) node.get("answers");
        for (int i = 0; i < answers.size(); i++) {
            path.add(i);
            walk(nodes, (String) ((Map<String, Object>) answers.get(i)).get("target"), path, out);
            path.remove(path.size() - 1);
        }
    }

    static WebElement visibleNode(WebDriver d) {
        List<WebElement> shown = d.findElements(By.cssSelector(".decision__node:not([hidden])"));
        assertEquals(1, shown.size(), "exactly one step is visible");
        return shown.get(0);
    }

    static void open(String path) {
        driver.get(server.url(path));
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector(".decision--enhanced")).isEmpty());
    }

    @Test
    void everyOutcomeIsReachableByClicking() {
        open(decidePath);
        List<Map.Entry<List<Integer>, String>> paths = allPaths(treeData(driver));
        assertTrue(paths.size() >= 2, "paths: " + paths);
        java.util.Set<String> outcomes = new java.util.TreeSet<>();
        for (Map.Entry<List<Integer>, String> p : paths) {
            open(decidePath);
            for (int index : p.getKey()) {
                visibleNode(driver).findElements(By.cssSelector("button.decision__answer")).get(index).click();
            }
            WebElement node = visibleNode(driver);
            assertTrue(node.getAttribute("class").contains("decision__outcome"), "ends on an outcome: " + p);
            // textContent, not getText(): the step fades in, and Selenium reports no text while its opacity is 0
            assertTrue(node.findElement(By.tagName("h2")).getAttribute("textContent").contains(p.getValue()), node.getAttribute("textContent"));
            assertEquals(p.getKey().size(), driver.findElements(By.cssSelector(".decision__trail li")).size(), "breadcrumb per answer");
            outcomes.add(p.getValue());
        }
        long declared = ((List<?>) treeData(driver).get("nodes")).stream()
                .filter(n -> "outcome".equals(((Map<?, ?>) n).get("type"))).count();
        assertEquals(declared, outcomes.size(), "every outcome reached: " + outcomes);
    }

    @Test
    void backRestartAndSharedUrls() {
        open(decidePath);
        List<Map.Entry<List<Integer>, String>> paths = allPaths(treeData(driver));
        Map.Entry<List<Integer>, String> longest = paths.stream().max(java.util.Comparator.comparingInt(e -> e.getKey().size())).orElseThrow();
        String firstQuestion = visibleNode(driver).getAttribute("id");
        for (int index : longest.getKey()) {
            visibleNode(driver).findElements(By.cssSelector("button.decision__answer")).get(index).click();
        }
        String shared = driver.getCurrentUrl();
        assertTrue(visibleNode(driver).getAttribute("textContent").contains(longest.getValue()));
        // reload the shared URL: same outcome
        open(shared.substring(shared.indexOf(decidePath)));
        assertTrue(visibleNode(driver).getAttribute("textContent").contains(longest.getValue()), "shared URL restores the outcome");
        // the widget's Back button goes one step back
        driver.findElement(By.cssSelector("button.decision__back")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleNode(d).getAttribute("class").contains("decision__question"));
        // the browser's back button works too
        open(decidePath);
        visibleNode(driver).findElements(By.cssSelector("button.decision__answer")).get(0).click();
        String afterOne = visibleNode(driver).getAttribute("id");
        assertFalse(afterOne.equals(firstQuestion));
        driver.navigate().back();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleNode(d).getAttribute("id").equals(firstQuestion));
        // restart returns to the first question
        visibleNode(driver).findElements(By.cssSelector("button.decision__answer")).get(0).click();
        driver.findElement(By.cssSelector("button.decision__restart")).click();
        assertEquals(firstQuestion, visibleNode(driver).getAttribute("id"));
    }

    @Test
    void aLinkToAnOutcomeOpensItWithItsPath() {
        open(decidePath);
        List<Map.Entry<List<Integer>, String>> paths = allPaths(treeData(driver));
        Map.Entry<List<Integer>, String> deepest = paths.stream().max(java.util.Comparator.comparingInt(e -> e.getKey().size())).orElseThrow();
        // find the id of that outcome from the data, then arrive by a plain #id link, as from another page
        @SuppressWarnings("unchecked")
        String id = ((List<Map<String, Object>>) treeData(driver).get("nodes")).stream()
                .filter(n -> deepest.getValue().equals(n.get("title"))).map(n -> (String) n.get("id")).findFirst().orElseThrow();
        open(decidePath + "#" + id);
        assertEquals(id, visibleNode(driver).getAttribute("id"));
        assertTrue(driver.findElements(By.cssSelector(".decision__trail li")).size() >= 1, "the answers leading there are shown");
        // the outline's links work with JavaScript on, too
        open(decidePath);
        WebElement link = driver.findElement(By.cssSelector(".decision__outline a[href='#" + id + "']"));
        link.sendKeys(Keys.ENTER); // activate it from the keyboard, as a reader tabbing through the outline would
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleNode(d).getAttribute("id").equals(id));
    }

    @Test
    void fullWalkWithTheKeyboardAlone() {
        open(decidePath);
        List<Integer> path = allPaths(treeData(driver)).get(0).getKey();
        String expected = allPaths(treeData(driver)).get(0).getValue();
        for (int index : path) {
            WebElement section = visibleNode(driver);
            // focus lands on the step (after the first); Tab moves into its answers
            new Actions(driver).sendKeys(Keys.TAB).perform();
            for (int i = 0; i < 40 && !isAnswerButton(driver.switchTo().activeElement(), section, index); i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
            }
            assertTrue(isAnswerButton(driver.switchTo().activeElement(), section, index), "reached answer " + index + " by Tab");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            WebElement next = visibleNode(driver);
            assertEquals(next, driver.switchTo().activeElement(), "focus moves to the new step");
        }
        assertTrue(visibleNode(driver).getAttribute("textContent").contains(expected));
        assertFalse(driver.findElement(By.cssSelector(".decision [aria-live]")).getAttribute("textContent").isBlank(), "the change is announced");
    }

    private static boolean isAnswerButton(WebElement active, WebElement section, int index) {
        List<WebElement> buttons = section.findElements(By.cssSelector("button.decision__answer"));
        return index < buttons.size() && buttons.get(index).equals(active);
    }

    @Test
    void noContentSecurityPolicyViolationsAndNoAxeViolations() throws Exception {
        open(decidePath);
        visibleNode(driver).findElements(By.cssSelector("button.decision__answer")).get(0).click();
        List<String> csp = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")) csp.add(e.getMessage());
        }
        assertEquals(List.of(), csp);
        String axe = Axe.script();
        open(decidePath);
        ((JavascriptExecutor) driver).executeScript(axe);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: ['wcag2a','wcag2aa','best-practice']}).then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
        assertEquals(List.of(), result);
    }

    @Test
    void withoutJavaScriptEveryOutcomeIsReachableThroughLinks() throws Exception {
        ChromeDriver noJs = Browser.start(false);
        try {
            noJs.get(server.url(decidePath));
            assertTrue(noJs.findElements(By.cssSelector(".decision--enhanced")).isEmpty(), "JS is really off");
            // follow the first answer link of each question until an outcome
            String current = noJs.findElement(By.cssSelector(".decision__question")).getAttribute("id");
            for (int step = 0; step < 20; step++) {
                WebElement section = noJs.findElement(By.id(current));
                if (section.getAttribute("class").contains("decision__outcome")) break;
                WebElement link = section.findElement(By.cssSelector("a.decision__answer"));
                String target = link.getAttribute("data-target");
                link.click();
                assertTrue(noJs.getCurrentUrl().endsWith("#" + target), noJs.getCurrentUrl());
                current = target;
            }
            assertTrue(noJs.findElement(By.id(current)).getAttribute("class").contains("decision__outcome"));
            int outcomes = noJs.findElements(By.cssSelector(".decision__outcome")).size();
            assertTrue(outcomes >= 2);
            for (WebElement o : noJs.findElements(By.cssSelector(".decision__outcome"))) {
                assertTrue(o.isDisplayed(), "every outcome is its own visible section without JS");
            }
        } finally {
            noJs.quit();
        }
    }
}

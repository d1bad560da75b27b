package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision widget's reader features in Chromium, with JavaScript on and off, on a phone (390 px) and a desktop
 * (1280 px) screen: numbering in the reader's order, the URL state, editing an earlier answer, the what-if preview, the
 * Markdown record, print, the share link and the staleness notice. The fixture tree is small so every expectation is
 * written out in full.
 */
class DecisionWidgetFeaturesTest {
    static final Path FIXTURE = Run.ROOT.resolve("src/test/resources/sites/widget/content");
    static final List<Dimension> SCREENS = List.of(new Dimension(390, 844), new Dimension(1280, 900));

    @TempDir
    static Path tmp;
    static Path site;
    static Run.Outcome build;
    static StaticServer server;
    static ChromeDriver js;
    static ChromeDriver noJs;

    @BeforeAll
    static void setUp() throws Exception {
        // a copy outside git: review ages are measured against the newest date in the content itself
        Path content = tmp.resolve("content");
        Run.copyTree(FIXTURE, content);
        site = tmp.resolve("site");
        build = Run.build(content, site);
        assertEquals(0, build.exitCode(), build.err());
        server = new StaticServer(site);
        js = Browser.start(true);
        noJs = Browser.start(false);
    }

    @AfterAll
    static void tearDown() {
        if (js != null) js.quit();
        if (noJs != null) noJs.quit();
        if (server != null) server.close();
    }

    static void open(WebDriver d, String path) {
        d.get(server.url(path));
        if (d == js) {
            new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !x.findElements(By.cssSelector(".decision--enhanced")).isEmpty());
        }
    }

    static void screen(WebDriver d, Dimension size) {
        d.manage().window().setSize(size);
    }

    /** The one visible step of the n-th widget on the page. */
    static WebElement shown(WebDriver d, int widget) {
        List<WebElement> shown = d.findElements(By.cssSelector(".decision")).get(widget)
                .findElements(By.cssSelector(".decision__node:not([hidden])"));
        assertEquals(1, shown.size(), "exactly one step is visible");
        return shown.get(0);
    }

    static WebElement shown(WebDriver d) {
        return shown(d, 0);
    }

    static void answer(WebDriver d, int widget, String label) {
        WebElement button = shown(d, widget).findElements(By.cssSelector("button.decision__answer")).stream()
                .filter(b -> b.getAttribute("textContent").startsWith(label)).findFirst().orElseThrow(() -> new AssertionError("no answer " + label));
        button.click();
    }

    static String text(WebElement e) {
        return e.getAttribute("textContent").strip().replaceAll("\\s+", " ");
    }

    static String hash(WebDriver d) {
        return (String) ((JavascriptExecutor) d).executeScript("return location.hash");
    }

    static String live(WebDriver d) {
        return text(d.findElement(By.cssSelector(".decision [aria-live]")));
    }

    @Test
    void stepsAreNumberedInTheReadersOrder() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html");
            assertEquals("Question 1", text(shown(js).findElement(By.cssSelector(".decision__step"))));
            answer(js, 0, "No, big");
            assertEquals("team", shown(js).getAttribute("id"));
            assertEquals("Question 2", text(shown(js).findElement(By.cssSelector(".decision__step"))), size.toString());
            js.findElement(By.cssSelector("button.decision__restart")).click();
            answer(js, 0, "Yes, small");
            answer(js, 0, "No, this week");
            assertEquals("team", shown(js).getAttribute("id"));
            assertEquals("Question 3", text(shown(js).findElement(By.cssSelector(".decision__step"))), size.toString());
            assertEquals("Question 3: Is there a team?", live(js));
        }
        // Without JavaScript a question every path reaches at the same step carries that number; one reached at
        // different steps carries none rather than a wrong one.
        open(noJs, "pick/index.html");
        assertEquals("Question 1", text(noJs.findElement(By.cssSelector("#size .decision__step"))));
        assertEquals("Question 2", text(noJs.findElement(By.cssSelector("#urgent .decision__step"))));
        assertEquals("Question", text(noJs.findElement(By.cssSelector("#team .decision__step"))));
    }

    @Test
    void theAddressNamesTheNodesAndTwoWidgetsKeepTheirOwnParts() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html");
            answer(js, 0, "No, big");
            answer(js, 0, "Yes, a team");
            assertEquals("#pick=team/plan", hash(js));
            // the home page holds the same tree twice
            open(js, "index.html");
            answer(js, 0, "No, big");
            assertEquals("#pick=team", hash(js));
            answer(js, 1, "Yes, small");
            assertEquals("#pick=team&pick-2=urgent", hash(js));
            assertEquals("pick-team", shown(js, 0).getAttribute("id"));
            assertEquals("pick-2-urgent", shown(js, 1).getAttribute("id"));
            Object duplicates = ((JavascriptExecutor) js).executeScript(
                    "const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
                            + "return ids.filter((id, i) => ids.indexOf(id) !== i);");
            assertEquals(List.of(), duplicates);
            // the address restores both
            open(js, "index.html#pick=team/plan&pick-2=urgent");
            assertEquals("pick-plan", shown(js, 0).getAttribute("id"));
            assertEquals("pick-2-urgent", shown(js, 1).getAttribute("id"));
            // Back in the second widget leaves the first one's part alone
            js.findElements(By.cssSelector("button.decision__back")).get(1).click();
            assertEquals("#pick=team/plan", hash(js));
        }
    }

    @Test
    void controlsThatNeedJavaScriptAreAbsentWithoutIt() {
        open(noJs, "pick/index.html");
        assertTrue(noJs.findElements(By.cssSelector(".decision--enhanced")).isEmpty(), "JavaScript is really off");
        assertEquals(0, noJs.findElements(By.cssSelector(".decision button, .decision select, .decision__controls, .decision__trail, .decision__actions")).size());
        assertTrue(noJs.findElement(By.cssSelector("#now .decision__restart-link a")).isDisplayed(), "the no-JS way back is a link");
        open(js, "pick/index.html");
        assertEquals(2, js.findElements(By.cssSelector(".decision__controls button")).size());
    }

    @Test
    void changingAnEarlierAnswerKeepsTheLaterOnesStillOnThePath() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html#pick=urgent/team/plan");
            assertEquals("plan", shown(js).getAttribute("id"));
            List<WebElement> selects = js.findElements(By.cssSelector(".decision__trail select"));
            assertEquals(3, selects.size());
            assertEquals("1. Is the job small?", text(js.findElement(By.cssSelector(".decision__trail label"))));
            new Select(selects.get(0)).selectByVisibleText("No, big");
            // "Is there a team?" is still on the new path: its answer is kept and the outcome follows at once
            assertEquals("plan", shown(js).getAttribute("id"), size.toString());
            assertEquals("#pick=team/plan", hash(js));
            assertEquals(2, js.findElements(By.cssSelector(".decision__trail select")).size());
            assertEquals("Kept 1 later answer. Recommendation: Write a plan", live(js));
            // by keyboard: focus stays on the answer being changed, and an arrow key changes it
            WebElement first = js.findElement(By.cssSelector(".decision__trail select"));
            assertEquals(first, js.switchTo().activeElement());
            first.sendKeys(Keys.ARROW_UP);
            // "Is it urgent?" was not on the last path, so the reader is asked it
            assertEquals("urgent", shown(js).getAttribute("id"));
            assertEquals("#pick=urgent", hash(js));
            assertEquals("Question 2: Is it urgent?", live(js));
        }
    }

    @Test
    void eachAnswerShowsWhereItLeadsBeforeItIsChosen() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html");
            assertEquals(List.of("More questions", "More questions"), previews(shown(js)));
            answer(js, 0, "No, big");
            assertEquals(List.of("Leads to: Write a plan", "Leads to: Do it later"), previews(shown(js)));
            answer(js, 0, "Yes, a team");
            // back at the start, the answers given since are taken into account
            js.findElement(By.cssSelector("button.decision__back")).click();
            js.findElement(By.cssSelector("button.decision__back")).click();
            assertEquals(List.of("More questions", "Leads to: Write a plan"), previews(shown(js)), size.toString());
            assertTrue(shown(js).findElements(By.cssSelector("button.decision__answer")).get(1).getAttribute("textContent")
                    .contains("Leads to: Write a plan"), "the preview is part of the answer's accessible name");
            screen(noJs, size);
            open(noJs, "pick/index.html");
            assertEquals(List.of("Leads to: Write a plan", "Leads to: Do it later"), previews(noJs.findElement(By.id("team"))));
            assertTrue(noJs.findElement(By.cssSelector("#team .decision__preview")).isDisplayed());
        }
    }

    static List<String> previews(WebElement step) {
        return step.findElements(By.cssSelector(".decision__preview")).stream().map(DecisionWidgetFeaturesTest::text).toList();
    }

    static final String RECORD = """
            # Decision: Write a plan

            From [Widget fixture: Pick a plan](https://guide.example/pick/#pick=team/plan), reviewed 2026-03-01.

            ## Questions and answers

            1. Is the job small? **No, big**
            2. Is there a team? **Yes, a team**

            ## Outcome

            Write a plan

            ## Why

            A team needs a plan.

            It also needs a date.

            ## Evidence

            - [Big things](https://guide.example/notes/#big)
            - [Small things](https://guide.example/notes/#small)
            """;

    @Test
    void theDecisionRecordIsCopiedAsMarkdown() {
        js.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html");
            answer(js, 0, "No, big");
            answer(js, 0, "Yes, a team");
            WebElement copy = shown(js).findElement(By.cssSelector("button.decision__copy"));
            assertEquals(RECORD, shown(js).findElement(By.cssSelector(".decision__actions")).getAttribute("data-record"));
            copy.click();
            new WebDriverWait(js, Duration.ofSeconds(5)).until(d -> live(d).equals("Decision record copied as Markdown"));
            Object clipboard = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "navigator.clipboard.readText().then(done, e => done('read failed: ' + e));");
            assertEquals(RECORD, clipboard, size.toString());
        }
        // embedded on another page, the record still names the tree's own page
        open(js, "index.html#pick=team/plan");
        assertEquals(RECORD, js.findElement(By.cssSelector(".decision__actions")).getAttribute("data-record"));
    }

    @Test
    void theShareLinkCarriesTheAnswers() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "index.html");
            answer(js, 1, "No, big");
            answer(js, 1, "No, alone");
            WebElement share = shown(js, 1).findElement(By.cssSelector("a.decision__share"));
            // from the home page's second widget, the link opens the tree's own page with only these answers
            assertEquals(server.url("pick/index.html#pick=team/later"), share.getAttribute("href"));
            share.click();
            new WebDriverWait(js, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/pick/"));
            new WebDriverWait(js, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".decision--enhanced")).isEmpty());
            assertEquals("later", shown(js).getAttribute("id"));
            assertEquals(2, js.findElements(By.cssSelector(".decision__trail select")).size());
        }
    }

    @Test
    void theResultPrintsOnOnePage() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            for (String page : List.of("pick/index.html#pick=team/plan", "index.html#pick=urgent/now")) {
                open(js, page);
                byte[] pdf = Base64.getDecoder().decode(js.print(new PrintOptions()).getContent());
                assertEquals(1, pages(pdf), page + " at " + size);
            }
        }
        // without a result, printing keeps every step (more than one page is fine then)
        open(js, "pick/index.html");
        assertTrue(pages(Base64.getDecoder().decode(js.print(new PrintOptions()).getContent())) >= 1);
    }

    static int pages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void aStaleOutcomeCarriesANoticeAndTheBuildWarnsAtItsLine() {
        String warning = "pick.md:38:1: warning: outcome \"later\" was last reviewed 2025-06-01, 273 days before 2026-03-01 (review_max_age_days: 90) [outcome-stale]";
        assertTrue((build.out() + build.err()).contains(warning), build.out() + build.err());
        assertEquals(1, (build.out() + build.err()).split("warning:", -1).length - 1, "only the stale outcome warns");
        String notice = "This recommendation was last reviewed on 2025-06-01, 273 days before this guide was last updated "
                + "(2026-03-01); the guide asks for a review every 90 days. Check the evidence before relying on it.";
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html#pick=team/later");
            WebElement stale = shown(js).findElement(By.cssSelector(".decision__stale"));
            assertTrue(stale.isDisplayed());
            assertEquals(notice, text(stale));
            open(js, "pick/index.html#pick=team/plan");
            assertTrue(shown(js).findElements(By.cssSelector(".decision__stale")).isEmpty(), "a fresh outcome has no notice");
            screen(noJs, size);
            open(noJs, "pick/index.html#later");
            assertEquals(notice, text(noJs.findElement(By.cssSelector("#later .decision__stale"))));
            assertTrue(noJs.findElement(By.cssSelector("#later .decision__stale")).isDisplayed());
            assertEquals("Reviewed 2025-06-01", text(noJs.findElement(By.cssSelector("#later .decision__reviewed"))));
            assertTrue(noJs.findElements(By.cssSelector("#plan .decision__stale")).isEmpty());
        }
    }

    @Test
    void theMapShowsEveryAnswerAndFollowsTheReader() {
        for (Dimension size : SCREENS) {
            screen(js, size);
            open(js, "pick/index.html#pick=team/plan");
            WebElement map = js.findElement(By.cssSelector(".decision__map svg"));
            assertEquals(List.of("size", "urgent", "team", "now", "plan", "later"), attrs(map, "[data-node]", "data-node"));
            assertEquals(List.of("size>0", "size>1", "urgent>0", "urgent>1", "team>0", "team>1"), attrs(map, "[data-edge]", "data-edge"));
            assertEquals(List.of("size", "team", "plan"), attrs(map, "[data-node].is-path", "data-node"), size.toString());
            assertEquals(List.of("size>1", "team>0"), attrs(map, "[data-edge].is-path", "data-edge"));
            assertEquals(List.of("plan"), attrs(map, ".is-current", "data-node"));
            // with JavaScript a node of the map is a link: it opens that step, by the reader's own path when the node is on it
            assertEquals(List.of("#size", "#urgent", "#team", "#now", "#plan", "#later"), attrs(map, "a", "href"));
            map.findElement(By.cssSelector("a > [data-node='team']")).click();
            new WebDriverWait(js, Duration.ofSeconds(5)).until(d -> shown(d).getAttribute("id").equals("team"));
            assertEquals("#pick=team", hash(js));
            assertEquals(List.of("team"), attrs(map, ".is-current", "data-node"));
            assertEquals("Outcome: Do it now", map.findElement(By.cssSelector("a:has(> [data-node='now'])")).getDomAttribute("aria-label"));
            map.findElement(By.cssSelector("a > [data-node='now']")).click();
            new WebDriverWait(js, Duration.ofSeconds(5)).until(d -> shown(d).getAttribute("id").equals("now"));
            assertEquals("#pick=urgent/now", hash(js));
            assertEquals(List.of("size", "urgent", "now"), attrs(map, "[data-node].is-path", "data-node"));
        }
        for (Dimension size : SCREENS) {
            screen(noJs, size);
            open(noJs, "pick/index.html");
            WebElement map = noJs.findElement(By.cssSelector(".decision__map svg"));
            assertTrue(map.isDisplayed());
            assertEquals(List.of(), attrs(map, ".is-path", "data-node"));
            assertEquals(6, map.findElements(By.cssSelector("[data-node]")).size());
            assertEquals(List.of(), map.findElements(By.cssSelector("a")), "without JavaScript the map is static");
            List<String> alternative = noJs.findElements(By.cssSelector(".decision__map details li li")).stream().map(DecisionWidgetFeaturesTest::text).toList();
            assertEquals(List.of("Yes, small \u2192 Is it urgent?", "No, big \u2192 Is there a team?", "Yes, today \u2192 Do it now",
                    "No, this week \u2192 Is there a team?", "Yes, a team \u2192 Write a plan", "No, alone \u2192 Do it later"), alternative);
        }
    }

    static List<String> attrs(WebElement in, String css, String attr) {
        return in.findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute(attr)).toList();
    }

    @Test
    void aMapOfThirtyOneNodesStaysLegibleOnAPhone() throws Exception {
        Path content = tmp.resolve("big");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), "title: Big tree\n");
        StringBuilder md = new StringBuilder("---\ntitle: Big tree\ntype: decision\n---\n\n");
        for (int q = 1; q <= 15; q++) {
            md.append("## Question: Does the project in front of you need option number ").append(q).append("? {#q").append(q).append("}\n\n");
            for (int c : new int[]{2 * q, 2 * q + 1}) {
                md.append("- [Answer leading to ").append(c).append("](#").append(c < 16 ? "q" : "o").append(c).append(")\n");
            }
            md.append('\n');
        }
        for (int o = 16; o <= 31; o++) {
            md.append("## Outcome: The recommendation numbered ").append(o).append(" {#o").append(o).append("}\n\n- [Why](#q1)\n\n");
        }
        Files.writeString(content.resolve("index.md"), md);
        Path out = tmp.resolve("big-site");
        assertEquals(0, Run.build(content, out, "--quiet").exitCode());
        try (StaticServer big = new StaticServer(out)) {
            for (Dimension size : SCREENS) {
                screen(js, size);
                js.get(big.url("index.html"));
                WebElement svg = js.findElement(By.cssSelector(".decision__map svg"));
                assertEquals(31, svg.findElements(By.cssSelector("[data-node]")).size());
                long drawn = Long.parseLong(svg.getAttribute("width"));
                Number shown = (Number) js.executeScript("return arguments[0].getBoundingClientRect().width", svg);
                assertEquals(drawn, Math.round(shown.doubleValue()), "the map is never scaled down at " + size);
                Number font = (Number) js.executeScript("return parseFloat(getComputedStyle(arguments[0]).fontSize)",
                        svg.findElement(By.cssSelector(".diagram__title")));
                assertTrue(font.doubleValue() >= 13, "title text " + font + "px");
                Map<?, ?> box = (Map<?, ?>) js.executeScript("const b = document.querySelector('.decision__map-box');"
                        + "return {scroll: b.scrollWidth, client: b.clientWidth, page: document.documentElement.scrollWidth, view: innerWidth};");
                assertTrue(((Number) box.get("scroll")).longValue() > ((Number) box.get("client")).longValue(), "the box scrolls: " + box);
                assertTrue(((Number) box.get("page")).longValue() <= ((Number) box.get("view")).longValue(), "the page itself does not: " + box);
            }
        }
    }

    @Test
    void theEmbedPageWorksInAnIframeOnAnotherOrigin() throws Exception {
        String snippet = "<iframe src=\"https://guide.example/pick/embed/\" title=\"Pick a plan\" width=\"100%\" height=\"720\" loading=\"lazy\"></iframe>";
        open(noJs, "pick/index.html");
        assertEquals(snippet, noJs.findElement(By.cssSelector("textarea.decision__snippet")).getAttribute("value"));
        Path host = tmp.resolve("host");
        Files.createDirectories(host);
        Files.writeString(host.resolve("404.html"), "<!DOCTYPE html><title>404</title>");
        Files.writeString(host.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><title>Host</title><h1>Another site</h1>"
                + snippet.replace("https://guide.example/", server.url("")) + "</html>");
        try (StaticServer other = new StaticServer(host)) {
            assertFalse(other.url("").equals(server.url("")), "two origins");
            for (ChromeDriver d : List.of(js, noJs)) {
                for (Dimension size : SCREENS) {
                    screen(d, size);
                    d.get(other.url("index.html"));
                    d.switchTo().frame(d.findElement(By.tagName("iframe")));
                    assertTrue(d.findElements(By.cssSelector(".site-header, .sidebar, .site-footer, .pager")).isEmpty(), "the widget and nothing else");
                    assertEquals(1, d.findElements(By.cssSelector(".decision")).size());
                    if (d == js) {
                        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !x.findElements(By.cssSelector(".decision--enhanced")).isEmpty());
                        answer(d, 0, "No, big");
                        answer(d, 0, "Yes, a team");
                        assertEquals("plan", shown(d).getAttribute("id"));
                        assertEquals("_top", shown(d).findElement(By.cssSelector("a.decision__share")).getAttribute("target"));
                        assertEquals(server.url("pick/index.html#pick=team/plan"), shown(d).findElement(By.cssSelector("a.decision__share")).getAttribute("href"));
                    } else {
                        d.findElement(By.cssSelector("#size a.decision__answer[data-target='team']")).click();
                        assertTrue(d.findElement(By.id("team")).isDisplayed());
                    }
                    for (WebElement a : d.findElements(By.cssSelector(".decision__evidence a, .decision__full a"))) {
                        assertEquals("_top", a.getAttribute("target"), a.getAttribute("href"));
                    }
                    // a link out of the widget opens the full guide in the top window, not inside the frame
                    if (d == noJs) d.findElement(By.cssSelector("#team a.decision__answer[data-target='plan']")).click();
                    WebElement evidence = d.findElement(By.cssSelector("#plan .decision__evidence a"));
                    String expected = evidence.getAttribute("href");
                    assertTrue(expected.startsWith(server.url("notes/")), expected);
                    evidence.click();
                    d.switchTo().defaultContent();
                    new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.getCurrentUrl().equals(expected));
                }
            }
        }
    }

    @Test
    void axeFindsNothingOnAnyStateOfTheWidget() throws Exception {
        Path axe = Run.ROOT.resolve(".ci/node_modules/axe-core/axe.min.js");
        assertTrue(Files.exists(axe), "run `cd .ci && npm ci` once");
        List<String> found = new ArrayList<>();
        for (Dimension size : SCREENS) {
            screen(js, size);
            for (String page : List.of("pick/index.html", "pick/index.html#pick=team/plan", "pick/index.html#pick=team/later",
                    "index.html#pick=team&pick-2=urgent/now", "pick/embed/index.html#pick=team/plan")) {
                open(js, page);
                found.addAll(axe(js, axe).stream().map(v -> size.getWidth() + " " + page + ": " + v).toList());
            }
        }
        screen(noJs, SCREENS.get(0));
        assertEquals(List.of(), found);
    }

    @SuppressWarnings("unchecked")
    static List<String> axe(ChromeDriver d, Path axe) throws Exception {
        d.executeScript(Files.readString(axe));
        return (List<String>) d.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: ['wcag2a','wcag2aa','best-practice']}).then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
    }

    @Test
    void noJavaScriptErrors() {
        open(js, "index.html");
        answer(js, 0, "No, big");
        var errors = js.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).map(Object::toString).toList();
        assertEquals(List.of(), errors);
        assertFalse(hash(js).contains("tree-"));
    }
}

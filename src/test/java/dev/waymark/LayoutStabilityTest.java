package dev.waymark;

import dev.waymark.support.Browser;
import dev.waymark.support.Run;
import dev.waymark.support.StaticServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing moves once painted: the cumulative layout shift of every page of the guide, on a 390 px phone and on a
 * desktop, in both themes, stays under 0.1 (the "good" threshold Lighthouse and Core Web Vitals use). The page loads
 * over a slow connection with the cache off, as a first visit does, so the first paint comes before the deferred
 * scripts have run; on a fast local load the two coincide and a shift would go unseen.
 */
class LayoutStabilityTest {
    private static final String CLS = "const done = arguments[arguments.length - 1];"
            + "let total = 0;"
            + "new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })"
            + ".observe({type: 'layout-shift', buffered: true});"
            + "setTimeout(() => done(total), 400);";

    @Test
    void noPageShiftsItsLayoutWhileLoading(@TempDir Path tmp) throws Exception {
        List<String> shifted = new ArrayList<>();
        int measured = 0;
        for (String theme : List.of("default", "editorial")) {
            Path site = tmp.resolve(theme);
            assertEquals(0, Run.build(Run.GUIDE, site, "--theme", theme, "--quiet").exitCode());
            ChromeDriver driver = Browser.start(true);
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                    "downloadThroughput", 200_000, "uploadThroughput", 100_000));
            driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            try (StaticServer server = new StaticServer(site)) {
                for (Dimension screen : List.of(new Dimension(390, 844), new Dimension(1280, 900))) {
                    boolean phone = screen.getWidth() < 600;
                    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.getWidth(),
                            "height", screen.getHeight(), "deviceScaleFactor", phone ? 3 : 1, "mobile", phone));
                    for (Path file : Run.htmlFiles(site)) {
                        String rel = site.relativize(file).toString().replace('\\', '/');
                        driver.get(server.url(rel));
                        double cls = ((Number) ((JavascriptExecutor) driver).executeAsyncScript(CLS)).doubleValue();
                        measured++;
                        if (cls >= 0.1) shifted.add(theme + " " + screen.getWidth() + "px " + rel + ": CLS " + String.format("%.3f", cls));
                    }
                }
            } finally {
                driver.quit();
            }
        }
        assertTrue(measured >= 40, "pages measured: " + measured);
        assertEquals(List.of(), shifted);
    }
}

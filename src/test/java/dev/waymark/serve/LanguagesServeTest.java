package dev.waymark.serve;

import dev.waymark.Pipeline;
import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `serve` previews a guide in several languages: every language under its prefix, rebuilt on a save. */
class LanguagesServeTest {
    @Test
    void servesEveryLanguageAndRebuildsATranslationOnSave(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Run.copyTree(Run.ROOT.resolve("src/test/resources/sites/languages/content"), content);
        try (DevServer server = new DevServer(new Pipeline.Options(content, tmp.resolve("out"), Run.THEMES, "", false), "127.0.0.1", 0)) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + "/guide/";
            HttpResponse<String> beta = http.send(HttpRequest.newBuilder(URI.create(base + "fr/tools/beta/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, beta.statusCode());
            assertTrue(beta.body().contains("<html lang=\"fr\" dir=\"ltr\""), beta.body());
            assertTrue(beta.body().contains("class=\"page__fallback\""));
            Path alpha = content.resolve("fr/tools/alpha.md");
            Files.writeString(alpha, Files.readString(alpha).replace("title: Alpha\n", "title: Alpha en français\n"));
            server.rebuild(Set.of(alpha));
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "fr/tools/alpha/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("<h1 id=\"wm-page-title\">Alpha en français</h1>"), page);
        }
    }
}

package dev.waymark;

import dev.waymark.support.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A theme that is not installed names the themes there are, and, when site.yaml's {@code theme:} asked for it, points
 * at that value (the line to change), not at a folder that does not exist.
 */
class ThemeNotFoundTest {

    @Test
    void aMistypedThemeInSiteYamlIsReportedAtTheValueWithTheThemesThereAre(@TempDir Path tmp) throws Exception {
        Path content = Run.guide(tmp, "index.md", "---\ntitle: Home\ndescription: d\n---\n\nHello.\n");
        Files.writeString(content.resolve("site.yaml"), "title: T\ndescription: D\ntheme: editoral\n");
        Run.Outcome r = Run.build(content, tmp.resolve("site"));
        assertEquals(new Run.Outcome(1, "", """
                content/site.yaml:3:8: error: theme "editoral" not found in THEMES [theme-not-found]
                    hint: did you mean editorial? Themes here: default, editorial; a theme of your own is a folder in THEMES
                build failed: 1 error; site was left unchanged
                """), new Run.Outcome(r.exitCode(), r.out(), r.err().replace(tmp + "/", "").replace(Run.THEMES.toString(), "THEMES")));
    }

    @Test
    void aThemeGivenWithTheOptionKeepsItsFolderAndListsTheThemes(@TempDir Path tmp) {
        Path content = Run.guide(tmp, "index.md", "---\ntitle: Home\ndescription: d\n---\n\nHello.\n");
        Run.Outcome r = Run.build(content, tmp.resolve("site"), "--theme", "dark");
        assertEquals(new Run.Outcome(1, "", """
                THEMES/dark:1:1: error: theme "dark" not found in THEMES [theme-not-found]
                    hint: themes here: default, editorial; a theme of your own is a folder in THEMES
                build failed: 1 error; site was left unchanged
                """), new Run.Outcome(r.exitCode(), r.out(), r.err().replace(tmp + "/", "").replace(Run.THEMES.toString(), "THEMES")));
    }
}

package dev.waymark.render.card;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The colours of a social card. A theme sets them in its {@code theme.yaml}; a theme that does not inherits its
 * parent's, and the defaults are the default theme's light palette:
 * <pre>
 * card:
 *   background: "#ffffff"
 *   foreground: "#1c1e21"
 *   accent: "#0b57d0"
 *   muted: "#4a4f57"
 * </pre>
 */
public record CardStyle(Color background, Color foreground, Color accent, Color muted) {
    public static final CardStyle DEFAULT = new CardStyle(new Color(0xffffff), new Color(0x1c1e21), new Color(0x0b57d0),
            new Color(0x4a4f57));

    /** Reads the {@code card:} colours from the theme folders, most specific first; each key from the first that sets it. */
    public static CardStyle read(List<Path> themeFolders) {
        Color[] c = {null, null, null, null};
        String[] keys = {"background", "foreground", "accent", "muted"};
        for (Path folder : themeFolders) {
            Path yaml = folder.resolve("theme.yaml");
            if (!Files.isRegularFile(yaml)) continue;
            Map<?, ?> card = cardSection(yaml);
            for (int i = 0; i < keys.length; i++) {
                if (c[i] == null && card.get(keys[i]) instanceof String s && s.matches("#[0-9a-fA-F]{6}")) {
                    c[i] = new Color(Integer.parseInt(s.substring(1), 16));
                }
            }
        }
        return new CardStyle(c[0] != null ? c[0] : DEFAULT.background, c[1] != null ? c[1] : DEFAULT.foreground,
                c[2] != null ? c[2] : DEFAULT.accent, c[3] != null ? c[3] : DEFAULT.muted);
    }

    private static Map<?, ?> cardSection(Path yaml) {
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(yaml, StandardCharsets.UTF_8));
            return doc instanceof Map<?, ?> m && m.get("card") instanceof Map<?, ?> card ? card : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Map.of(); // not YAML: the theme keeps the default colours
        }
    }

    /** A stable text form, part of the cache key. */
    String key() {
        return String.format("%06x%06x%06x%06x", background.getRGB() & 0xffffff, foreground.getRGB() & 0xffffff,
                accent.getRGB() & 0xffffff, muted.getRGB() & 0xffffff);
    }
}

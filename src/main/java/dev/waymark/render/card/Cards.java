package dev.waymark.render.card;

import dev.waymark.Work;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.model.SiteConfig;
import dev.waymark.render.RenderedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A social card for every page, {@code <page>/card.png}, drawn on the build's pool. Drawing a card costs far more than
 * rendering its page, so each PNG is kept in a cache folder under a hash of everything that goes into it (the text,
 * the colours and the card design's version); a build only draws the cards whose text changed. The cache is only an
 * optimisation: deleting it changes nothing but the time.
 */
public final class Cards {
    public static final String FILE = "card.png";
    /** Bump when the drawing changes, so cached cards of the old design are not reused. */
    private static final String DESIGN = "waymark-card-1";

    private final CardStyle style;
    private final Optional<Path> cache;

    /** @param cache the folder cached cards are kept in; empty to draw every card */
    public Cards(CardStyle style, Optional<Path> cache) {
        this.style = style;
        this.cache = cache;
    }

    /** The card's site path, e.g. {@code tools/alpha/card.png}. */
    public static String path(Page page) {
        return page.path() + FILE;
    }

    /** What the card of {@code page} says; the same text is the page's {@code og:image:alt}. */
    public static SocialCard.Text text(Site site, Page page) {
        SiteConfig config = site.config();
        String summary = page.profile().map(p -> p.tagline()).filter(t -> !t.isBlank()).orElse(page.description());
        String host = config.baseUrl().replaceFirst("(?i)^https?://", "").replaceAll("/+$", "");
        return new SocialCard.Text(config.title(), page.title(), page.path().isEmpty() ? config.description() : summary,
                host.startsWith("/") ? "" : host);
    }

    /** Draws (or takes from the cache) every page's card and hands each to {@code sink}; returns how many. */
    public int render(Site site, ExecutorService pool, Consumer<RenderedFile> sink) {
        return render(site, pool, p -> true, sink);
    }

    /** Draws the cards of the pages {@code which} accepts, for a build that keeps the others' cards from before. */
    public int render(Site site, ExecutorService pool, java.util.function.Predicate<Page> which, Consumer<RenderedFile> sink) {
        List<Future<?>> futures = new ArrayList<>();
        for (Page page : site.pages()) {
            if (!which.test(page)) continue;
            futures.add(pool.submit(() -> sink.accept(new RenderedFile(path(page), card(text(site, page))))));
        }
        futures.forEach(Work::join);
        return futures.size();
    }

    byte[] card(SocialCard.Text text) {
        if (cache.isEmpty()) return SocialCard.png(text, style);
        Path file = cache.get().resolve(key(text) + ".png");
        try {
            if (Files.isRegularFile(file)) return Files.readAllBytes(file);
        } catch (IOException e) {
            // unreadable cache entry: draw it again below
        }
        byte[] png = SocialCard.png(text, style);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "card", ".tmp");
            Files.write(tmp, png);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a read-only cache only costs time
        }
        return png;
    }

    private String key(SocialCard.Text text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(DESIGN, style.key(), text.guide(), text.title(), text.summary(), text.site())) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code -Dwaymark.cards.cache=DIR}, else $WAYMARK_CACHE/cards, else ~/.cache/waymark/cards; empty when it cannot be
     * written.
     */
    public static Optional<Path> defaultCache() {
        String property = System.getProperty("waymark.cards.cache", "");
        String override = System.getenv("WAYMARK_CACHE");
        Path dir = !property.isBlank() ? Path.of(property)
                : override != null && !override.isBlank() ? Path.of(override, "cards")
                : Path.of(System.getProperty("user.home"), ".cache", "waymark", "cards");
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}

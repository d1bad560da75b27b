package dev.waymark.write;

import dev.waymark.content.GitDates;
import dev.waymark.model.Page;
import dev.waymark.model.Site;
import dev.waymark.render.RenderedFile;
import dev.waymark.render.SearchIndex;
import dev.waymark.render.Theme;
import dev.waymark.render.card.CardStyle;
import dev.waymark.render.card.Cards;
import dev.waymark.render.card.SocialCard;
import dev.waymark.render.share.AtomFeed;
import dev.waymark.render.share.LlmsTxt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The files of the site as a whole, beside its pages: the sitemap, robots.txt, the feed, llms.txt, every page's social
 * card and the search index. One stage for the clean build and for serve's incremental rounds, so the two write the
 * same bytes; a round passes what it wrote last time and gets only the cards and search shards that changed.
 */
public final class SiteWideFiles {
    /** What was written before: each page's card text and colours, and the search entries. */
    public record Written(Map<String, SocialCard.Text> cards, CardStyle cardStyle, List<SearchIndex.Entry> entries) {
        /** Nothing written yet: every file is produced. */
        public static final Written NONE = new Written(Map.of(), null, List.of());
    }

    private SiteWideFiles() {
    }

    /**
     * Hands every site-wide file to {@code sink} (from several threads: cards are drawn on the pool), except the cards
     * and search shards whose bytes {@code before} says are already written.
     *
     * @param entries the search entries of every page, in page order; ignored when the theme has no search
     * @return what is written now, to pass as {@code before} next time
     */
    public static Written write(Site site, Theme theme, Map<String, String> dates, Map<String, GitDates.Change> changes,
                                List<SearchIndex.Entry> entries, ExecutorService pool, Written before, Consumer<RenderedFile> sink) {
        return write(site, theme, dates, changes, entries, pool, before, page -> false, sink);
    }

    /**
     * As above, leaving out the cards of the pages {@code cardStaged} accepts: the build cache has put their files,
     * the card among them, into the staging folder already.
     */
    public static Written write(Site site, Theme theme, Map<String, String> dates, Map<String, GitDates.Change> changes,
                                List<SearchIndex.Entry> entries, ExecutorService pool, Written before,
                                Predicate<Page> cardStaged, Consumer<RenderedFile> sink) {
        Written cards = pagesAndCards(site, theme, dates, changes, pool, before, cardStaged, sink);
        boolean search = !theme.assetPath("search.js").isEmpty();
        if (search) SearchIndex.files(entries, before.entries()).forEach(sink);
        return new Written(cards.cards(), cards.cardStyle(), search ? List.copyOf(entries) : List.of());
    }

    /**
     * As above for a build with the build cache, which makes the search index's files itself: {@code searchFiles} hands
     * them to the sink it is given (it takes unchanged shards from the cache), when the theme has search.
     */
    public static void write(Site site, Theme theme, Map<String, String> dates, Map<String, GitDates.Change> changes,
                             ExecutorService pool, Predicate<Page> cardStaged, Consumer<Consumer<RenderedFile>> searchFiles,
                             Consumer<RenderedFile> sink) {
        pagesAndCards(site, theme, dates, changes, pool, Written.NONE, cardStaged, sink);
        if (!theme.assetPath("search.js").isEmpty()) searchFiles.accept(sink);
    }

    /** Every site-wide file but the search index's; returns each page's card text and the cards' style. */
    private static Written pagesAndCards(Site site, Theme theme, Map<String, String> dates, Map<String, GitDates.Change> changes,
                                         ExecutorService pool, Written before, Predicate<Page> cardStaged, Consumer<RenderedFile> sink) {
        sink.accept(SiteFiles.sitemap(site, dates));
        sink.accept(SiteFiles.robots(site));
        sink.accept(AtomFeed.of(site, changes));
        sink.accept(LlmsTxt.of(site));
        Map<String, SocialCard.Text> cards = new HashMap<>();
        CardStyle style = CardStyle.read(theme.folders());
        if (site.config().cards()) {
            for (Page page : site.pages()) cards.put(Cards.path(page), Cards.text(site, page));
            boolean restyled = !style.equals(before.cardStyle());
            new Cards(style, Cards.defaultCache()).render(site, pool,
                    p -> !cardStaged.test(p) && (restyled || !cards.get(Cards.path(p)).equals(before.cards().get(Cards.path(p)))), sink);
        }
        return new Written(Map.copyOf(cards), style, List.of());
    }

    /**
     * The one site-wide file a page's body alone can change, the search index, for a round whose site model, dates and
     * theme are those {@code before} was written with: the sitemap, robots.txt, the feed, llms.txt and the cards read
     * only those, so their bytes on disk are already what {@link #write} would give.
     */
    public static Written writeSearch(Theme theme, List<SearchIndex.Entry> entries, Written before, Consumer<RenderedFile> sink) {
        boolean search = !theme.assetPath("search.js").isEmpty();
        if (search) SearchIndex.files(entries, before.entries()).forEach(sink);
        return new Written(before.cards(), before.cardStyle(), search ? List.copyOf(entries) : List.of());
    }
}

package dev.waymark.content;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single flexmark set-up. Options and extensions live in one data set; the parser built from it is immutable
 * and shared by every thread. The HTML renderer adds Waymark's own node renderers on top of the same options.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            FootnoteExtension.create(),
            TypographicExtension.create(),
            AttributesExtension.create(),
            DefinitionExtension.create(),
            TaskListExtension.create(),
            StrikethroughExtension.create(),
            QuickAutolink.create());

    /** Exercises most block and inline parsers, so their classes are loaded and linked before the first page. */
    private static final String SAMPLE = """
            ---
            title: "Warm-up"
            ---
            # Heading {#id}

            Text with *emphasis*, **strong**, `code`, a [link](other.md#part), "quotes" -- and a footnote.[^1]

            - [ ] task
            - item ~~gone~~

            1. one

            > [!NOTE]
            > quoted

            | a | b |
            |---|:-:|
            | 1 | 2 |

            Term
            : definition

            ```java
            code();
            ```

            <span>raw</span>

            [^1]: The note.
            """;
    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static final FutureTask<Markdown> WARM = new FutureTask<>(() -> {
        Markdown m = new Markdown();
        m.renderer(List.of()).render(m.parser().parse(SAMPLE));
        org.jsoup.nodes.Entities.escape("<a href=\"x\">&amp;</a>");
        return m;
    });

    private final Parser parser;
    private final DataHolder options;

    /**
     * Starts building the shared set-up and running it over a sample page on a second thread. The CLI calls this
     * first thing, so class loading for flexmark overlaps with argument parsing and the content walk on a
     * second core; {@link #shared()} then returns the warmed instance.
     */
    public static void warmUp() {
        if (WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(WARM, "waymark-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The warmed set-up when {@link #warmUp()} ran, else a new one. Both are immutable and safe to share. */
    public static Markdown shared() {
        if (WARMING.get()) {
            try {
                return WARM.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // fall through: a failed warm-up only costs the time it took
            }
        }
        return new Markdown();
    }

    public Markdown() {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, EXTENSIONS);
        o.set(TablesExtension.COLUMN_SPANS, false);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        o.set(TablesExtension.CLASS_NAME, "table");
        o.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        o.set(HtmlRenderer.RENDER_HEADER_ID, false);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        // The embedded-attribute provider looks through all children of the node being rendered for each tag it
        // writes; footnotes are written while that node is the whole document, so n footnotes cost n^2 (20,000 took
        // 30 s). No extension here attaches embedded attributes, so the provider only cost time.
        o.set(HtmlRenderer.EMBEDDED_ATTRIBUTE_PROVIDER, false);
        o.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        // flexmark silently drops javascript: links; Waymark's link resolver reports them at their line instead.
        o.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        // flexmark's task marker is a disabled, readonly checkbox: the Nu checker rejects readonly on a checkbox and
        // axe reports an input without a label. A ballot-box character says the same, in every reader's language.
        o.set(TaskListExtension.ITEM_DONE_MARKER, "<span class=\"task-list-item-checkbox\">\u2611</span> ");
        o.set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<span class=\"task-list-item-checkbox\">\u2610</span> ");

        // A task marker ("[ ]", "[x]") counts only when a space follows it, as on GitHub: `- [x](#next)` is a link.
        o.set(Parser.LISTS_ITEM_MARKER_SPACE, true);
        this.options = o.toImmutable();
        this.parser = QuickFenceFactory.install(QuickHeadingFactory.install(LinearInlineParser.install(Parser.builder(options), options))).build();
    }

    public Parser parser() {
        return parser;
    }

    public DataHolder options() {
        return options;
    }

    /** A renderer with the shared options plus the given extensions (e.g. Waymark's node renderers). */
    public HtmlRenderer renderer(List<Extension> more) {
        MutableDataSet o = new MutableDataSet(options);
        List<Extension> all = new ArrayList<>(EXTENSIONS);
        all.addAll(more);
        o.set(Parser.EXTENSIONS, all);
        return HtmlRenderer.builder(o).build();
    }
}

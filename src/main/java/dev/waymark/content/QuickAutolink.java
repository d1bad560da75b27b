package dev.waymark.content;

import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * flexmark's autolink extension (bare URLs, {@code www.} addresses and e-mail addresses become links), with a cheap
 * test in front: the stock post-processor unescapes and scans every text node, which was a quarter of all parsing
 * time on a corpus where almost no text holds a link. A text without {@code :}, {@code @} or {@code www.} cannot
 * hold one of those, so it is passed over; every other text gets the stock treatment.
 */
public final class QuickAutolink implements Parser.ParserExtension {
    private QuickAutolink() {
    }

    public static QuickAutolink create() {
        return new QuickAutolink();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether a text can hold a bare URL ({@code scheme:}), an e-mail address or a {@code www.} address. */
    static boolean mayHoldLink(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '@') return true;
            if ((c == '.') && i >= 3 && (s.charAt(i - 1) | 0x20) == 'w' && (s.charAt(i - 2) | 0x20) == 'w'
                    && (s.charAt(i - 3) | 0x20) == 'w') return true;
        }
        return false;
    }

    /** Registers for the same nodes as the stock factory; only the processor it makes differs. */
    private static final class Factory extends AutolinkNodePostProcessor.Factory {
        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor(document);
        }
    }

    private static final class Processor extends AutolinkNodePostProcessor {
        Processor(Document document) {
            super(document);
        }

        @Override
        public void process(NodeTracker state, Node node) {
            if (mayHoldLink(node.getChars())) super.process(state, node);
        }
    }
}

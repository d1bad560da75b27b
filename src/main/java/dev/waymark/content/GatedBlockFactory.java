package dev.waymark.content;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

import java.util.Set;

/**
 * One of flexmark's core block parser factories, asked only about the lines a {@link Gate} lets through; every other
 * line is answered "none" without it. It takes the core factory's place with the same dependencies, so the order of
 * block parsers stays flexmark's. {@link QuickHeadingFactory} and {@link QuickFenceFactory} say which lines, and why.
 * Each is a class of its own: flexmark tells custom factories apart by their class.
 */
abstract class GatedBlockFactory implements CustomBlockParserFactory {
    private final CustomBlockParserFactory stock;

    GatedBlockFactory(CustomBlockParserFactory stock) {
        this.stock = stock;
    }

    /** Whether the core factory is asked about a line, given its first non-space index. */
    abstract boolean asks(BasedSequence line, int firstNonSpace);

    /** Turns off the core factory that {@code core} switches, and puts {@code gated} in its place. */
    static Parser.Builder replace(Parser.Builder builder, DataKey<Boolean> core, GatedBlockFactory gated) {
        builder.set(core, false);
        builder.customBlockParserFactory(gated);
        return builder;
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return stock.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return stock.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return stock.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return stock.getLeadInHandler(options);
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory parser = stock.apply(options);
        return (state, matched) -> asks(state.getLine(), state.getNextNonSpaceIndex())
                ? parser.tryStart(state, matched) : BlockStart.none();
    }
}

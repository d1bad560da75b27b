package dev.waymark.render;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.waymark.content.Markdown;
import dev.waymark.diag.Diagnostic;
import dev.waymark.diag.SourcePosition;
import dev.waymark.model.ChoiceKind;
import dev.waymark.model.ChoiceList;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jsoup.nodes.Entities.escape;

/**
 * Renders a page body to HTML with Waymark's node renderers on top of flexmark's: heading ids and anchor links,
 * choice lists, callouts, directives, diagrams, sanitised raw HTML, and links rewritten to built URLs.
 */
public final class BodyRenderer {
    private static final Pattern CALLOUT = Pattern.compile("^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNKNOWN_CALLOUT = Pattern.compile("^\\[!([A-Za-z]+)]");
    private static final List<String> CALLOUT_KINDS = List.of("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION");
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final DiagramRenderer diagrams = new DiagramRenderer();
    private final CodeHighlighter highlighter = new CodeHighlighter();

    public BodyRenderer(Markdown markdown) {
        this.renderer = markdown.renderer(List.of(new Extension()));
    }

    /** Renders a whole document with the given context. */
    String render(Document doc, BodyContext context) {
        doc.set(BodyContext.KEY, context);
        return renderer.render(doc);
    }

    /** Renders a few top-level blocks of a document (the document already carries its context). */
    String renderBlocks(List<Node> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Node n : blocks) {
            sb.append(renderer.render(n));
        }
        return sb.toString();
    }

    static SourcePosition at(BodyContext c, Node node) {
        return dev.waymark.content.LineIndex.position(c.file(), node);
    }

    private final class Extension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(options -> new WaymarkNodes());
            builder.attributeProviderFactory(new SafeAttributes.Factory());
            builder.linkResolverFactory(new IndependentLinkResolverFactory() {
                @Override
                public LinkResolver apply(LinkResolverBasicContext context) {
                    return new SiteLinkResolver();
                }
            });
        }
    }

    /** Rewrites every link and image through {@link dev.waymark.links.SiteLinks}, reporting broken ones at their line. */
    private static final class SiteLinkResolver implements LinkResolver {
        @Override
        public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
            BodyContext c = BodyContext.of(node);
            if (c == null) {
                return link;
            }
            if (node instanceof com.vladsch.flexmark.ast.LinkRef ref && !ref.isDefined()) {
                // `[text]` with no definition is text, not a link (a callout marker such as [!WARN] among them);
                // `[text][name]` names a definition that is missing
                if (!ref.isReferenceTextCombined()) {
                    c.diagnostics().add(Diagnostic.error("undefined-reference", at(c, node), "link reference [" + ref.getReference()
                            + "] has no definition", "add a line `[" + ref.getReference() + "]: target.md` or write the link inline"));
                }
                return link;
            }
            var resolved = c.links().resolve(c.page(), link.getUrl(), at(c, node), c.diagnostics()::add);
            return link.withStatus(LinkStatus.VALID).withUrl(resolved.url());
        }
    }

    private final class WaymarkNodes implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Heading.class, this::heading),
                    new NodeRenderingHandler<>(BulletList.class, this::bulletList),
                    new NodeRenderingHandler<>(Paragraph.class, this::paragraph),
                    new NodeRenderingHandler<>(BlockQuote.class, this::blockQuote),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::fenced),
                    new NodeRenderingHandler<>(HtmlBlock.class, this::htmlBlock),
                    new NodeRenderingHandler<>(HtmlCommentBlock.class, (n, ctx, html) -> { }),
                    new NodeRenderingHandler<>(HtmlInlineComment.class, (n, ctx, html) -> { }),
                    new NodeRenderingHandler<>(HtmlInline.class, this::htmlInline),
                    new NodeRenderingHandler<>(Image.class, this::image),
                    new NodeRenderingHandler<>(com.vladsch.flexmark.ext.tables.TableCell.class, this::tableCell),
                    new NodeRenderingHandler<>(com.vladsch.flexmark.ext.tables.TableBlock.class, this::table));
        }

        private void heading(Heading node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            String id = c == null ? null : c.structure().headingIds().get(node);
            if (id == null) {
                return; // the h1 that became the title
            }
            html.line();
            html.raw("<h" + node.getLevel() + " id=\"" + escape(id) + "\">");
            ctx.renderChildren(node);
            html.raw("<a class=\"anchor\" href=\"#" + escape(id) + "\" aria-hidden=\"true\" tabindex=\"-1\">#</a>");
            html.raw("</h" + node.getLevel() + ">");
            html.line();
        }

        private void bulletList(BulletList node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            ChoiceList list = c == null ? null : c.structure().choiceLists().get(node);
            if (list == null) {
                ctx.delegateRender();
                return;
            }
            String kind = list.kind().prefix();
            html.line();
            html.raw("<ul class=\"choices choices--" + kind + "\" aria-labelledby=\"" + escape(list.headingId()) + "\">\n");
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String id = c.structure().choiceItemIds().get(item);
                html.raw("<li class=\"choice choice--" + kind + "\"" + (id == null ? "" : " id=\"" + escape(id) + "\"") + ">");
                html.raw("<span class=\"choice__badge\"><span class=\"choice__icon\" aria-hidden=\"true\">"
                        + (list.kind() == ChoiceKind.RIGHT ? "\u2714" : "\u2718") + "</span> "
                        + escape(c.ui().get(list.kind() == ChoiceKind.RIGHT ? "choice.right" : "choice.wrong")) + "</span>");
                html.raw("<div class=\"choice__body\">");
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    ctx.render(child);
                }
                if (id != null) {
                    html.raw("<a class=\"choice__link\" href=\"#" + escape(id) + "\" aria-hidden=\"true\" tabindex=\"-1\">#</a>");
                }
                html.raw("</div></li>\n");
            }
            html.raw("</ul>");
            html.line();
        }

        private void paragraph(Paragraph node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            var directive = c == null ? null : c.structure().directives().get(node);
            if (directive != null) {
                html.line();
                html.raw(c.directives().apply(directive));
                html.line();
                return;
            }
            ctx.delegateRender();
        }

        private void blockQuote(BlockQuote node, NodeRendererContext ctx, HtmlWriter html) {
            Node first = node.getFirstChild();
            Node text = first instanceof Paragraph ? first.getFirstChild() : null;
            String kind = null;
            if (text != null) {
                String raw = first.getChars().toString();
                Matcher m = CALLOUT.matcher(raw);
                if (m.find()) {
                    kind = m.group(1).toLowerCase(Locale.ROOT);
                } else {
                    Matcher unknown = UNKNOWN_CALLOUT.matcher(raw);
                    BodyContext c = BodyContext.of(node);
                    if (unknown.find() && c != null) {
                        String word = unknown.group(1).toUpperCase(Locale.ROOT);
                        String near = CALLOUT_KINDS.stream().filter(k -> k.startsWith(word)).findFirst()
                                .orElse(dev.waymark.diag.Suggest.closest(word, CALLOUT_KINDS));
                        c.diagnostics().add(Diagnostic.error("unknown-callout", at(c, first), "unknown callout type \"[!" + unknown.group(1) + "]\"",
                                (near == null ? "" : "did you mean [!" + near + "]? ") + "callouts are " + String.join(", ", CALLOUT_KINDS)));
                    }
                }
            }
            if (kind == null) {
                ctx.delegateRender();
                return;
            }
            BodyContext bc = BodyContext.of(node);
            String label = bc == null ? Character.toUpperCase(kind.charAt(0)) + kind.substring(1) : escape(bc.ui().get("callout." + kind));
            html.line();
            html.raw("<aside class=\"callout callout--" + kind + "\" aria-label=\"" + label + "\">");
            html.raw("<p class=\"callout__title\">" + calloutIcon(kind) + " " + label + "</p>\n");
            // Render the first paragraph without its [!KIND] marker, then the rest as usual.
            Node para = first;
            boolean skippingMarker = true;
            StringBuilder ignored = new StringBuilder();
            html.raw("<p>");
            for (Node inl = para.getFirstChild(); inl != null; inl = inl.getNext()) {
                if (skippingMarker) {
                    ignored.append(inl.getChars());
                    if (inl instanceof Text || inl instanceof com.vladsch.flexmark.ast.LinkRef) {
                        if (CALLOUT.matcher(ignored.toString()).find() && ignored.toString().contains("]")) {
                            String rest = ignored.toString().replaceFirst("(?i)^\\[![a-z]+]\\s*", "");
                            skippingMarker = false;
                            if (!rest.isBlank() && inl instanceof Text) {
                                html.text(rest);
                            }
                        }
                        continue;
                    }
                    if (inl instanceof com.vladsch.flexmark.ast.SoftLineBreak) {
                        skippingMarker = false;
                        continue;
                    }
                }
                ctx.render(inl);
            }
            html.raw("</p>\n");
            for (Node n = first.getNext(); n != null; n = n.getNext()) {
                ctx.render(n);
            }
            html.raw("</aside>");
            html.line();
        }

        private void fenced(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            if (c != null && node.getInfo().toString().strip().equals("diagram")) {
                int line = dev.waymark.content.LineIndex.line(node);
                int firstLine = line + 1;
                String id = "diagram-" + line;
                html.line();
                html.raw(diagrams.render(node.getContentChars().toString(), firstLine, c.file(), id, c.diagnostics(), c.ui().get("diagram.text")));
                html.line();
                return;
            }
            code(node, c, html);
        }

        /**
         * Fenced code, highlighted at build time: {@code <div class="code"><pre><code class="language-x">}. The pre
         * is focusable so a block that scrolls sideways can be scrolled from the keyboard.
         */
        private void code(FencedCodeBlock node, BodyContext c, HtmlWriter html) {
            String code = node.getContentChars().toString();
            int lines = code.isEmpty() ? 0 : (int) code.chars().filter(ch -> ch == '\n').count() + (code.endsWith("\n") ? 0 : 1);
            CodeFence fence = CodeFence.parse(node.getInfo().toString(), lines);
            if (c != null && fence.problem().isPresent()) {
                c.diagnostics().warning("code-fence-options", at(c, node), fence.problem().get(),
                        "mark lines with {hl=2-3,5} after the language, e.g. ```yaml {hl=2}");
            }
            html.line();
            html.raw("<div class=\"code\">");
            html.openPre(); // flexmark's writer keeps leading spaces only inside a pre it knows about
            html.raw("<pre tabindex=\"0\"><code");
            if (!fence.language().isEmpty()) {
                html.raw(" class=\"language-" + escape(fence.language()) + "\"");
            }
            html.raw(">");
            html.raw(highlighter.highlight(code, fence.language(), fence.marked()));
            html.raw("</code></pre>");
            html.closePre();
            html.raw("</div>");
            html.line();
        }

        private void htmlBlock(HtmlBlock node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            if (c != null) RawHtmlRefs.record(c, node);
            if (c == null || c.trustRawHtml()) {
                ctx.delegateRender();
                return;
            }
            HtmlSanitizer.Result r = sanitizer.cleanBlock(node.getChars().toString());
            if (r.changed()) {
                c.diagnostics().warning("html-sanitised", at(c, node), "raw HTML was sanitised: removed " + r.removed(),
                        "use Markdown instead, or set `raw_html: trust` in site.yaml for a trusted repository");
            }
            html.line();
            html.raw(r.html());
            html.line();
        }

        private void htmlInline(HtmlInline node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            if (c != null) RawHtmlRefs.record(c, node);
            if (c == null || c.trustRawHtml()) {
                ctx.delegateRender();
                return;
            }
            HtmlSanitizer.Result r = sanitizer.cleanInline(node.getChars().toString());
            if (r.changed() && !closingTag(node) && !warnedEarlier(node)) {
                String tag = abbreviate(node.getChars().toString());
                if (r.html().isEmpty()) {
                    c.diagnostics().warning("html-sanitised", at(c, node), "inline HTML " + tag + " was removed: " + r.removed() + " is not kept",
                            "only simple inline tags such as <kbd>, <abbr> or <sup> are kept; write links and images in Markdown");
                } else {
                    c.diagnostics().warning("html-sanitised", at(c, node), "inline HTML " + tag + " was sanitised: removed " + r.removed(),
                            "inline tags keep only the class, title, lang and datetime attributes");
                }
            }
            html.raw(r.html());
        }

        /** A closing tag is removed because its opening tag was, which has already been reported. */
        private static boolean closingTag(Node node) {
            return node.getChars().startsWith("</");
        }

        /** One warning per paragraph: the first changed tag stands for the rest (an SVG is a dozen tags). */
        private boolean warnedEarlier(Node node) {
            for (Node n = node.getPrevious(); n != null; n = n.getPrevious()) {
                if (n instanceof HtmlInline h && !closingTag(h) && sanitizer.cleanInline(h.getChars().toString()).changed()) {
                    return true;
                }
            }
            return false;
        }

        /** An empty header cell is announced as nothing by screen readers (axe: empty-table-header); say so at its line. */
        private void tableCell(com.vladsch.flexmark.ext.tables.TableCell node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            if (c != null && node.isHeader() && node.getText().isBlank()) {
                c.diagnostics().warning("empty-header-cell", at(c, node), "a table header cell is empty",
                        "give every header cell a label, e.g. | Aspect | Option A | Option B |");
            }
            ctx.delegateRender();
        }

        /**
         * A table scrolls inside its own box, never the page: a focusable region (so the keyboard can scroll it), named
         * by its caption or its column headers, whose edge shadows (CSS) show that more lies to the side.
         */
        private void table(com.vladsch.flexmark.ext.tables.TableBlock node, NodeRendererContext ctx, HtmlWriter html) {
            html.line();
            BodyContext c = BodyContext.of(node);
            String name = c == null ? tableName(node) : tableName(node, c.ui().get("table.unnamed"), c.ui().get("table.named"));
            html.raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" + escape(name) + "\">");
            ctx.delegateRender();
            html.raw("</div>");
            html.line();
        }

        private void image(Image node, NodeRendererContext ctx, HtmlWriter html) {
            BodyContext c = BodyContext.of(node);
            if (c == null) {
                ctx.delegateRender();
                return;
            }
            ResolvedLink link = ctx.resolveLink(com.vladsch.flexmark.html.renderer.LinkType.IMAGE, node.getUrl().unescape(), null, null);
            String alt = dev.waymark.content.AstText.of(node);
            if (alt.isEmpty()) {
                c.diagnostics().warning("img-alt", at(c, node), "image has no alt text", "describe the image: ![what it shows](path.png)");
            }
            c.record(link.getUrl(), at(c, node));
            html.raw("<img src=\"" + escape(link.getUrl()) + "\" alt=\"" + escape(alt) + "\" loading=\"lazy\"");
            if (node.getTitle().isNotNull() && !node.getTitle().isEmpty()) {
                html.raw(" title=\"" + escape(node.getTitle().unescape()) + "\"");
            }
            html.raw(">");
        }
    }

    /**
     * A callout's icon as inline SVG drawn in the text colour: emoji need an emoji font, which many machines lack (an
     * empty box then). The label next to it carries the meaning, so the icon is hidden from assistive technology.
     */
    static String calloutIcon(String kind) {
        String shape = switch (kind) {
            case "tip" -> "<path d=\"M8 1.5a4.5 4.5 0 0 0-2.7 8.1c.5.4.7.9.7 1.4v.5h4V11c0-.5.2-1 .7-1.4A4.5 4.5 0 0 0 8 1.5zM6.5 14.5h3\"/>";
            case "important" -> "<circle cx=\"8\" cy=\"8\" r=\"6.5\"/><path d=\"M8 4.5v4.2M8 11.2v.3\"/>";
            case "warning", "caution" -> "<path d=\"M8 1.8 15 14.2H1zM8 6.5v3.6M8 12.2v.2\"/>";
            default -> "<circle cx=\"8\" cy=\"8\" r=\"6.5\"/><path d=\"M8 7.3v4.2M8 4.6v.3\"/>";
        };
        return "<svg class=\"callout__icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\""
                + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
                + shape + "</svg>";
    }

    /** "Table: Aspect, Option A, Option B" from a table's caption, or else its first header cells. */
    static String tableName(com.vladsch.flexmark.ext.tables.TableBlock table) {
        return tableName(table, "Table", "Table: {headers}");
    }

    /** @param unnamed a table without headers; {@code named} the others, {@code {headers}} standing for them */
    static String tableName(com.vladsch.flexmark.ext.tables.TableBlock table, String unnamed, String named) {
        List<String> headers = new java.util.ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof com.vladsch.flexmark.ext.tables.TableCaption caption) {
                String text = dev.waymark.content.AstText.of(caption).strip();
                if (!text.isEmpty()) return text;
            }
            if (part instanceof com.vladsch.flexmark.ext.tables.TableHead head && head.getFirstChild() != null && headers.isEmpty()) {
                for (Node cell = head.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
                    String text = dev.waymark.content.AstText.of(cell).strip();
                    if (!text.isEmpty()) headers.add(text);
                }
            }
        }
        if (headers.isEmpty()) return unnamed;
        String list = String.join(", ", headers.subList(0, Math.min(4, headers.size())));
        return named.replace("{headers}", list + (headers.size() > 4 ? ", \u2026" : ""));
    }

    private static String abbreviate(String s) {
        String one = dev.waymark.content.AstText.collapseSpaces(s);
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}

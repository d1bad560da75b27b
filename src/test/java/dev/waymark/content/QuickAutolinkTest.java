package dev.waymark.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickAutolinkTest {
    private final Markdown markdown = new Markdown();

    private String html(String md) {
        return markdown.renderer(List.of()).render(markdown.parser().parse(md));
    }

    @Test
    void bareUrlsWwwAddressesAndEmailsStillBecomeLinks() {
        String out = html("See https://example.org/a?b=1, www.example.net and write to team@example.com.\n");
        assertTrue(out.contains("<a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>"), out);
        assertTrue(out.contains("<a href=\"http://www.example.net\">www.example.net</a>"), out);
        assertTrue(out.contains("<a href=\"mailto:team@example.com\">team@example.com</a>"), out);
    }

    @Test
    void textWithoutALinkIsLeftAsItIs() {
        String out = html("Plain words, a *stressed* part and `code`, nothing to link.\n");
        assertEquals("<p>Plain words, a <em>stressed</em> part and <code>code</code>, nothing to link.</p>\n", out);
    }

    @Test
    void theCheapTestOnlyPassesOverTextsThatCannotHoldALink() {
        assertFalse(QuickAutolink.mayHoldLink("the event loop runs one task at a time"));
        assertFalse(QuickAutolink.mayHoldLink("ww.example or w.w.w"));
        assertTrue(QuickAutolink.mayHoldLink("see WWW.Example.org"));
        assertTrue(QuickAutolink.mayHoldLink("ftp: or mailto:"));
        assertTrue(QuickAutolink.mayHoldLink("a@b"));
    }
}

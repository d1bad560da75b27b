package dev.waymark.model;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class UrlPartsTest {
    @Test
    void uriSafeEncodesOnlyWhatAUriCannotHold() {
        String plain = "frameworks/fastapi/index.html#right-api-first";
        assertSame(plain, UrlParts.uriSafe(plain), "a valid href is returned as it is");
        assertEquals("a/index.html#right-ori--%3Eent%C3%A9es".replace("%C3%A9", "é"), UrlParts.uriSafe("a/index.html#right-ori-->entées"));
        assertEquals("a%20b/c%3Cd%3E.html#x%23y", UrlParts.uriSafe("a b/c<d>.html#x#y"));
        assertEquals("100%25/%41%7B%7D%7C%5C%5E%60%22", UrlParts.uriSafe("100%/%41{}|\\^`\""));
        assertEquals("%25", UrlParts.uriSafe("%"));
        assertEquals("tab%09nul%00", UrlParts.uriSafe("tab\tnul\u0000"));
        // each result is a URI, which resolves against a page's address
        for (String href : new String[]{"a/index.html#right-ori-->entées", "a b/c<d>.html#x#y", "100%/%41{}|\\^`\"", "tab\tnul\u0000"}) {
            URI.create("https://example.org/guide/").resolve(URI.create(UrlParts.uriSafe(href)));
        }
    }

    @Test
    void absoluteIsTheAddressReadersSee() {
        String page = "https://example.org/guide/profiles/a/";
        assertEquals(page, UrlParts.absolute(page, ""), "an empty href is the page itself");
        assertEquals(page, UrlParts.absolute(page, "#"));
        assertEquals("https://example.org/guide/profiles/a/#why", UrlParts.absolute(page, "#why"));
        assertEquals("https://example.org/guide/decide/#q2", UrlParts.absolute(page, "../../decide/index.html#q2"), "index.html is left out");
        assertEquals("https://example.org/guide/profiles/", UrlParts.absolute(page, "../index.html"));
        assertEquals("https://example.org/guide/profiles/a/notes.html", UrlParts.absolute(page, "notes.html"), "other files keep their name");
        assertEquals("mailto:team@example.org", UrlParts.absolute(page, "mailto:team@example.org"), "an href with a scheme stays");
        assertEquals("https://example.org/guide/profiles/b%20c/#x%23y", UrlParts.absolute(page, "../b c/index.html#x#y"),
                "characters a URI cannot hold are encoded, not a reason to stay relative");
    }
}

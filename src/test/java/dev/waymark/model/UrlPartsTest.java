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
}

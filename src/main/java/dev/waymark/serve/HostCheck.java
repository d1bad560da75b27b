package dev.waymark.serve;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code Host} names the preview answers to: loopback names and the address it is bound to. A page on another
 * site can point its own host name at 127.0.0.1 (DNS rebinding) and then read the preview as same-origin; its requests
 * still carry its host name, so they are refused. webpack-dev-server's {@code allowedHosts} does the same. When the
 * preview is bound to every interface, any IP address is allowed too: an address cannot be rebound, only a name can.
 */
final class HostCheck {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private final Set<String> names = new TreeSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    private final boolean anyAddress;

    HostCheck(String bound) {
        String b = bound.toLowerCase(Locale.ROOT);
        if (b.contains(":") && !b.startsWith("[")) b = "[" + b + "]";
        anyAddress = b.equals("0.0.0.0") || b.equals("[::]") || b.equals("[0:0:0:0:0:0:0:0]");
        if (!anyAddress) names.add(b);
    }

    /** Whether a request with this {@code Host} header (with or without its port) may be answered. */
    boolean allows(String header) {
        if (header == null) return false;
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) return false;
            h = h.substring(0, end + 1);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        return names.contains(h) || anyAddress && (IPV4.matcher(h).matches() || IPV6.matcher(h).matches());
    }

    String describe() {
        return String.join(", ", names) + (anyAddress ? " and IP addresses" : "");
    }
}

package dev.waymark.cache;

import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SHA-256 over a value of the model, walked component by component: records, strings, numbers, enums, dates, paths,
 * optionals, lists, sets and maps. Unlike {@code hashCode} or {@code toString} it is the same in every run: a set's or a
 * map's elements are taken in the order of their own fingerprints, not in the JVM's per-run iteration order, and
 * every value is written with its type and length, so two different values never write the same bytes.
 *
 * <p>A type it does not know is a bug (a new kind of model value), not a reason to guess: it throws.
 */
public final class Fingerprint {
    private final MessageDigest md;
    private final Map<Object, String> known;

    public Fingerprint() {
        this(Map.of());
    }

    private Fingerprint(MessageDigest md, Map<Object, String> known) {
        this.md = md;
        this.known = known;
    }

    /**
     * A fingerprint that starts where this one is now: what is added to the copy afterwards is not added to this one.
     * So many keys that share a prefix (every page key starts with the site key) hash that prefix once.
     */
    public Fingerprint copy() {
        try {
            return new Fingerprint((MessageDigest) md.clone(), known);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be copied", e);
        }
    }

    /**
     * A fingerprint that writes, for a value found (by identity) in {@code known}, its string there instead of walking
     * it: a name that identifies the value as surely as its fingerprint would (the fingerprint of a kept page, made
     * when it was parsed and stored with its facts).
     */
    Fingerprint(Map<Object, String> known) {
        this(sha256(), known);
    }

    /** Adds a value of the model (or any mix of the types above). */
    public Fingerprint add(Object value) {
        write(md, value, known);
        return this;
    }

    /** Adds raw bytes, length first. */
    public Fingerprint bytes(byte[] bytes) {
        md.update(ByteBuffer.allocate(5).put((byte) 'b').putInt(bytes.length).array());
        md.update(bytes);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }

    /** The hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static void write(MessageDigest md, Object v, Map<Object, String> known) {
        String name = v == null || known.isEmpty() ? null : known.get(v);
        if (name != null) {
            text(md, 'k', name);
        } else if (v == null) {
            md.update((byte) 'n');
        } else if (v instanceof String s) {
            text(md, 's', s);
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
            text(md, 'p', v.getClass().getSimpleName() + ":" + v);
        } else if (v instanceof Enum<?> e) {
            text(md, 'e', e.getDeclaringClass().getName() + "." + e.name());
        } else if (v instanceof Path || v instanceof TemporalAccessor) {
            text(md, 't', v.getClass().getSimpleName() + ":" + v);
        } else if (v instanceof Optional<?> o) {
            md.update((byte) 'o');
            write(md, o.orElse(null), known);
        } else if (v instanceof List<?> list) {
            md.update(ByteBuffer.allocate(5).put((byte) 'l').putInt(list.size()).array());
            for (Object x : list) write(md, x, known);
        } else if (v instanceof Collection<?> set) {
            unordered(md, 'u', set.stream().map(x -> of(x, known)).toList());
        } else if (v instanceof Map<?, ?> map) {
            unordered(md, 'm', map.entrySet().stream().map(e -> of(e.getKey(), known) + of(e.getValue(), known)).toList());
        } else if (v.getClass().isRecord()) {
            text(md, 'r', v.getClass().getName());
            RecordShape shape = RecordShape.of(v.getClass());
            for (int i = 0; i < shape.components.length; i++) {
                try {
                    write(md, shape.get(v, i), known);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + shape.components[i] + " for the build cache", e);
                }
            }
        } else {
            throw new IllegalArgumentException("the build cache cannot fingerprint a " + v.getClass().getName());
        }
    }

    private static String of(Object v, Map<Object, String> known) {
        MessageDigest md = sha256();
        write(md, v, known);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void unordered(MessageDigest md, char tag, List<String> parts) {
        List<String> sorted = new ArrayList<>(parts);
        sorted.sort(null);
        md.update(ByteBuffer.allocate(5).put((byte) tag).putInt(sorted.size()).array());
        for (String p : sorted) md.update(p.getBytes(StandardCharsets.US_ASCII));
    }

    private static void text(MessageDigest md, char tag, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(5).put((byte) tag).putInt(b.length).array());
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.waymark.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a value of the model as bytes and reads it back, walking records component by component with their declared
 * (generic) types: strings, ints, longs, booleans, enums, paths, dates, optionals, lists, sets and maps. Reading only
 * ever builds the record types the declared types name, through their canonical constructors, so a damaged or hostile
 * file yields an {@link IOException}, never an object of some other class. A type it does not know throws
 * {@link IllegalArgumentException} on writing: the caller then keeps nothing.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    static byte[] encode(Object value, Type type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, type);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes, Type type) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Object value = read(in, type);
        if (in.available() != 0) throw new IOException("trailing bytes");
        return value;
    }

    private static void write(DataOutputStream out, Object v, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            primitive(out, v, raw);
            return;
        }
        if (v == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        if (raw == String.class) {
            string(out, (String) v);
        } else if (raw == Integer.class || raw == Long.class || raw == Boolean.class) {
            primitive(out, v, raw);
        } else if (raw.isEnum()) {
            string(out, ((Enum<?>) v).name());
        } else if (raw == Path.class) {
            string(out, v.toString());
        } else if (raw == LocalDate.class) {
            string(out, v.toString());
        } else if (raw == Optional.class) {
            Optional<?> o = (Optional<?>) v;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) write(out, o.get(), arg(type, 0));
        } else if (raw == List.class) {
            List<?> list = (List<?>) v;
            out.writeInt(list.size());
            for (Object x : list) write(out, x, arg(type, 0));
        } else if (raw == Set.class) {
            // in the order of the elements' bytes, not the set's per-run order: the same set writes the same bytes
            List<byte[]> parts = new ArrayList<>();
            for (Object x : (Set<?>) v) parts.add(encode(x, arg(type, 0)));
            sorted(out, parts);
        } else if (raw == Map.class) {
            List<byte[]> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                byte[] k = encode(e.getKey(), arg(type, 0));
                byte[] val = encode(e.getValue(), arg(type, 1));
                byte[] both = Arrays.copyOf(k, k.length + val.length);
                System.arraycopy(val, 0, both, k.length, val.length);
                parts.add(both);
            }
            sorted(out, parts);
        } else if (raw.isRecord()) {
            RecordShape shape = RecordShape.of(raw);
            for (int i = 0; i < shape.components.length; i++) {
                try {
                    write(out, shape.get(v, i), shape.genericTypes[i]);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalArgumentException("cannot read " + shape.components[i], e);
                }
            }
        } else {
            throw new IllegalArgumentException("the build cache cannot store a " + raw.getName());
        }
    }

    /** Reads one value of {@code type} from {@code in}; the rest of the stream is left for the caller. */
    static Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) return primitive(in, raw);
        int tag = in.readByte();
        if (tag == 0) return null;
        if (tag != 1) throw new IOException("bad tag " + tag);
        if (raw == String.class) return string(in);
        if (raw == Integer.class) return primitive(in, int.class);
        if (raw == Long.class) return primitive(in, long.class);
        if (raw == Boolean.class) return primitive(in, boolean.class);
        if (raw.isEnum()) {
            String name = string(in);
            for (Object c : RecordShape.constants(raw)) {
                if (((Enum<?>) c).name().equals(name)) return c;
            }
            throw new IOException("no constant " + name + " in " + raw.getSimpleName());
        }
        try {
            if (raw == Path.class) return Path.of(string(in));
            if (raw == LocalDate.class) return LocalDate.parse(string(in));
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
        if (raw == Optional.class) return in.readBoolean() ? Optional.ofNullable(read(in, arg(type, 0))) : Optional.empty();
        if (raw == List.class || raw == Set.class) {
            int n = count(in);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(read(in, arg(type, 0)));
            return raw == List.class ? java.util.Collections.unmodifiableList(list)
                    : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(list));
        }
        if (raw == Map.class) {
            int n = count(in);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) map.put(read(in, arg(type, 0)), read(in, arg(type, 1)));
            return java.util.Collections.unmodifiableMap(map);
        }
        if (raw.isRecord()) {
            RecordShape shape = RecordShape.of(raw);
            Object[] values = new Object[shape.genericTypes.length];
            for (int i = 0; i < values.length; i++) values[i] = read(in, shape.genericTypes[i]);
            try {
                return shape.make(values);
            } catch (InvocationTargetException e) {
                throw new IOException("a stored " + raw.getSimpleName() + " is not valid", e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot rebuild a " + raw.getSimpleName(), e);
            }
        }
        throw new IOException("the build cache cannot read a " + raw.getName());
    }

    /**
     * Reads past one value of {@code type} without building it, checking what {@link #read} would check: tags, lengths
     * and counts, enum constants, paths and dates. For values whose records check nothing in their constructors (as
     * search entries), a value skipped without an exception is read back without one.
     *
     * @return the number of elements when the value is a list or set, else 0
     */
    static int skip(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            primitive(in, raw);
            return 0;
        }
        int tag = in.readByte();
        if (tag == 0) return 0;
        if (tag != 1) throw new IOException("bad tag " + tag);
        if (raw == String.class) {
            in.skipNBytes(count(in));
        } else if (raw == Integer.class) {
            primitive(in, int.class);
        } else if (raw == Long.class) {
            primitive(in, long.class);
        } else if (raw == Boolean.class) {
            primitive(in, boolean.class);
        } else if (raw.isEnum() || raw == Path.class || raw == LocalDate.class) {
            // small: read as read does, which checks the constant, the path or the date
            readTagged(in, raw);
        } else if (raw == Optional.class) {
            if (in.readBoolean()) skip(in, arg(type, 0));
        } else if (raw == List.class || raw == Set.class) {
            int n = count(in);
            for (int i = 0; i < n; i++) skip(in, arg(type, 0));
            return n;
        } else if (raw == Map.class) {
            int n = count(in);
            for (int i = 0; i < n; i++) {
                skip(in, arg(type, 0));
                skip(in, arg(type, 1));
            }
            return n;
        } else if (raw.isRecord()) {
            for (Type t : RecordShape.of(raw).genericTypes) skip(in, t);
        } else {
            throw new IOException("the build cache cannot read a " + raw.getName());
        }
        return 0;
    }

    /** An enum constant, path or date whose tag was read. */
    private static void readTagged(DataInputStream in, Class<?> raw) throws IOException {
        String s = string(in);
        try {
            if (raw.isEnum()) {
                for (Object c : RecordShape.constants(raw)) {
                    if (((Enum<?>) c).name().equals(s)) return;
                }
                throw new IOException("no constant " + s + " in " + raw.getSimpleName());
            }
            if (raw == Path.class) Path.of(s);
            else LocalDate.parse(s);
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    private static void primitive(DataOutputStream out, Object v, Class<?> raw) throws IOException {
        if (raw == int.class || raw == Integer.class) out.writeInt((Integer) v);
        else if (raw == long.class || raw == Long.class) out.writeLong((Long) v);
        else if (raw == boolean.class || raw == Boolean.class) out.writeBoolean((Boolean) v);
        else throw new IllegalArgumentException("the build cache cannot store a " + raw.getName());
    }

    private static Object primitive(DataInputStream in, Class<?> raw) throws IOException {
        if (raw == int.class) return in.readInt();
        if (raw == long.class) return in.readLong();
        if (raw == boolean.class) return in.readBoolean();
        throw new IOException("the build cache cannot read a " + raw.getName());
    }

    private static void sorted(DataOutputStream out, List<byte[]> parts) throws IOException {
        parts.sort(Arrays::compare);
        out.writeInt(parts.size());
        for (byte[] p : parts) out.write(p);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = count(in);
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** A length or count: never more than the bytes left, so a damaged number cannot ask for a huge allocation. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad length " + n);
        return n;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("the build cache cannot store a " + type);
    }

    private static Type arg(Type type, int i) {
        if (type instanceof ParameterizedType p) return RecordShape.arguments(p)[i];
        throw new IllegalArgumentException("the build cache needs the element type of " + type);
    }
}

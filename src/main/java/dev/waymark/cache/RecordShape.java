package dev.waymark.cache;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link RecordCodec} and {@link Fingerprint} need of a record class, looked up once per class instead of once per
 * value: its components' declared types, their accessors and its canonical constructor. {@link Class#getRecordComponents}
 * builds a new array of new components (each with its generic signature parsed again) on every call, which made
 * reflection, not the bytes, the main cost of decoding 10,000 pages' kept facts. The lookups are the same; only their
 * results are kept.
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };
    private static final ClassValue<List<?>> CONSTANTS = new ClassValue<>() {
        @Override
        protected List<?> computeValue(Class<?> type) {
            return List.of(type.getEnumConstants());
        }
    };
    private static final Map<ParameterizedType, Type[]> ARGUMENTS = new ConcurrentHashMap<>();

    final Class<?> type;
    final RecordComponent[] components;
    final Type[] genericTypes;
    private final Method[] accessors;
    private final Constructor<?> constructor;
    private final ReflectiveOperationException noConstructor;

    private RecordShape(Class<?> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.genericTypes = new Type[components.length];
        this.accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            genericTypes[i] = components[i].getGenericType();
            types[i] = components[i].getType();
            Method accessor = components[i].getAccessor();
            accessor.setAccessible(true);
            accessors[i] = accessor;
        }
        Constructor<?> ctor = null;
        ReflectiveOperationException missing = null;
        try {
            ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            missing = e;
        }
        this.constructor = ctor;
        this.noConstructor = missing;
    }

    /** The shape of a record class. */
    static RecordShape of(Class<?> recordClass) {
        return SHAPES.get(recordClass);
    }

    /** An enum's constants, in declaration order. */
    static List<?> constants(Class<?> enumClass) {
        return CONSTANTS.get(enumClass);
    }

    /** A parameterized type's type arguments (the reflective call copies its array on every call). */
    static Type[] arguments(ParameterizedType type) {
        return ARGUMENTS.computeIfAbsent(type, ParameterizedType::getActualTypeArguments);
    }

    /** Component {@code i} of {@code value}. */
    Object get(Object value, int i) throws IllegalAccessException, InvocationTargetException {
        return accessors[i].invoke(value);
    }

    /** A new record from its components' values, through the canonical constructor. */
    Object make(Object[] values) throws ReflectiveOperationException {
        if (constructor == null) throw noConstructor;
        return constructor.newInstance(values);
    }
}

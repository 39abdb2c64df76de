package dev.bookshelf.api.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable JSON object read by {@link Json}: field names in document order, each mapped to a
 * {@link String}, {@link Boolean}, {@link Integer}, {@link Long} or {@link java.math.BigInteger}
 * (the smallest that holds an integer), {@link Double} or {@link java.math.BigDecimal}, an
 * unmodifiable {@link java.util.List} of such values, a nested {@code JsonObject}, or
 * {@link JsonNull#INSTANCE}.
 */
public final class JsonObject {
    private final Map<String, Object> fields;

    JsonObject(LinkedHashMap<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** True when the field is in the object, even as {@code null}. */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The field's value ({@link JsonNull#INSTANCE} for JSON null), or null when it is absent. */
    public Object get(String name) {
        return fields.get(name);
    }

    /** The field names, in document order. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** Every field, in document order (unmodifiable). */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject && fields.equals(((JsonObject) other).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}

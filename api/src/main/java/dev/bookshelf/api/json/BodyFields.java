package dev.bookshelf.api.json;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed access to the fields of a JSON object body. Unknown fields and wrong types are collected
 * and reported together by {@link #done()}.
 */
public final class BodyFields {
    private final JsonObject node;
    private final List<FieldError> errors = new ArrayList<>();

    /** At most this many unknown fields are named, so a body of junk keys cannot amplify the answer. */
    static final int MAX_UNKNOWN_REPORTED = 10;
    private static final int MAX_NAME_ECHOED = 64;

    public BodyFields(JsonObject node, Set<String> allowed) {
        this.node = node;
        for (String name : node.names()) {
            if (!allowed.contains(name) && errors.size() < MAX_UNKNOWN_REPORTED) {
                errors.add(FieldError.of(shortened(name), FieldError.Code.UNKNOWN_FIELD));
            }
        }
    }

    /** True when the field is in the body, even as {@code null}. */
    public boolean present(String name) {
        return node.has(name);
    }

    /** The string value, or null when absent or JSON null. */
    public String text(String name) {
        Object v = node.get(name);
        if (v == null || v == JsonNull.INSTANCE) {
            return null;
        }
        if (!(v instanceof String)) {
            errors.add(FieldError.of(name, FieldError.Code.WRONG_TYPE));
            return null;
        }
        return (String) v;
    }

    /** The integer value, or null when absent or JSON null; fractions and huge numbers are wrong types. */
    public Integer integer(String name) {
        Object v = node.get(name);
        if (v == null || v == JsonNull.INSTANCE) {
            return null;
        }
        Integer value = asInt(v);
        if (value == null) {
            errors.add(FieldError.of(name, FieldError.Code.WRONG_TYPE));
        }
        return value;
    }

    /** An integral number that fits an int, or null (fractions, exponents and larger numbers). */
    private static Integer asInt(Object v) {
        if (v instanceof Integer) {
            return (Integer) v;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            BigInteger big = v instanceof Long ? BigInteger.valueOf((Long) v) : (BigInteger) v;
            return big.bitLength() < Integer.SIZE ? big.intValue() : null;
        }
        return null;
    }

    /** Throws {@link InvalidInput} for every unknown field and wrong type seen so far. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static String shortened(String name) {
        return name.length() <= MAX_NAME_ECHOED ? name : name.substring(0, MAX_NAME_ECHOED) + "…";
    }
}

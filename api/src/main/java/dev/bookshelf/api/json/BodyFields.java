package dev.bookshelf.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed access to the fields of a JSON object body. Unknown fields and wrong types are collected
 * and reported together by {@link #done()}.
 */
public final class BodyFields {
    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();

    /** At most this many unknown fields are named, so a body of junk keys cannot amplify the answer. */
    static final int MAX_UNKNOWN_REPORTED = 10;
    private static final int MAX_NAME_ECHOED = 64;

    public BodyFields(ObjectNode node, Set<String> allowed) {
        this.node = node;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
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
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(FieldError.of(name, FieldError.Code.WRONG_TYPE));
            return null;
        }
        return v.textValue();
    }

    /** The integer value, or null when absent or JSON null; fractions and huge numbers are wrong types. */
    public Integer integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            errors.add(FieldError.of(name, FieldError.Code.WRONG_TYPE));
            return null;
        }
        return v.intValue();
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

package dev.bookshelf.api.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Builds plain immutable values (see {@link JsonObject}) from jackson-core's streaming parser, the
 * numbers as an {@code ObjectMapper} would type them, without jackson-databind.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /**
     * The value at the parser's current token, with everything inside it; the parser is left on
     * the value's last token. Limits (depth, sizes, duplicate keys) are the parser's.
     */
    public static Object value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            throw new JsonParseException(p, "no JSON value");
        }
        switch (token) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                return array(p);
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                return p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL ? p.getDecimalValue() : p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            default:
                throw new JsonParseException(p, "unexpected token " + token);
        }
    }

    private static JsonObject object(JsonParser p) throws IOException {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            fields.put(name, value(p));
        }
        return new JsonObject(fields);
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p));
        }
        return Collections.unmodifiableList(items);
    }

    private static Object integer(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return p.getIntValue();
            case LONG:
                return p.getLongValue();
            default:
                return p.getBigIntegerValue();
        }
    }
}

package dev.bookshelf.lambda.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.bookshelf.api.json.JsonNull;
import dev.bookshelf.api.json.JsonObject;
import dev.bookshelf.api.json.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP response a front door makes of a handler's answer, in any of the response formats:
 * {@code statusCode}; header lines from {@code multiValueHeaders} and {@code headers} (a value is
 * one line, never split); a {@code Set-Cookie} line per element of {@code cookies}; the body, its
 * base64 decoded when {@code isBase64Encoded}. {@code statusDescription} is not needed for that.
 * Read with jackson-core's streaming parser ({@link JsonTree}): no jackson-databind in the upload.
 */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final JsonFactory FACTORY = new JsonFactory();

    public GatewayResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** Parses a handler's answer; a malformed answer is an {@link IllegalArgumentException}. */
    public static GatewayResponse parse(byte[] answer) {
        JsonObject json = read(answer);
        if (!(json.get("statusCode") instanceof Integer)) {
            throw new IllegalArgumentException("The handler's answer has no integer statusCode");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        object(json, "multiValueHeaders").forEach((name, values) -> elements(values).forEach(v -> add(headers, name, v)));
        object(json, "headers").forEach((name, value) -> {
            if (!contains(headers, name)) {
                add(headers, name, value);
            }
        });
        elements(json.get("cookies")).forEach(c -> add(headers, "Set-Cookie", c));
        Object body = json.get("body");
        String text = body == null || body == JsonNull.INSTANCE || isContainer(body) ? "" : text(body);
        byte[] bytes = isTrue(json.get("isBase64Encoded")) ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse((Integer) json.get("statusCode"), headers, bytes);
    }

    /** The answer as an object; anything else has no statusCode. */
    private static JsonObject read(byte[] answer) {
        Object value;
        try (JsonParser p = FACTORY.createParser(answer)) {
            value = p.nextToken() == null ? null : JsonTree.value(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("The handler's answer is not JSON", e);
        }
        if (!(value instanceof JsonObject)) {
            throw new IllegalArgumentException("The handler's answer has no integer statusCode");
        }
        return (JsonObject) value;
    }

    private static Map<String, Object> object(JsonObject json, String name) {
        Object value = json.get(name);
        return value instanceof JsonObject ? ((JsonObject) value).fields() : Map.of();
    }

    /** The elements of an array (or the values of an object); nothing for anything else. */
    private static Collection<?> elements(Object value) {
        if (value instanceof List) {
            return (List<?>) value;
        }
        return value instanceof JsonObject ? ((JsonObject) value).fields().values() : List.of();
    }

    private static boolean isTrue(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue() != 0;
        }
        return value instanceof String && "true".equals(((String) value).strip());
    }

    private static boolean isContainer(Object value) {
        return value instanceof JsonObject || value instanceof List;
    }

    /** A scalar as text: a string as it is, a number or boolean as written by Java. */
    private static String text(Object value) {
        return value.toString();
    }

    private static void add(Map<String, List<String>> headers, String name, Object value) {
        if (value != null && value != JsonNull.INSTANCE && !isContainer(value)) {
            String key = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(text(value));
        }
    }

    private static boolean contains(Map<String, List<String>> headers, String name) {
        return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    /** Every value of a header, whatever the case of its name. */
    public List<String> headerValues(String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }

    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "GatewayResponse[" + status + ", " + headers.keySet() + ", " + body.length + " bytes]";
    }
}

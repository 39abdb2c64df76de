package dev.bookshelf.lambda.local;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bookshelf.api.http.MediaType;
import dev.bookshelf.api.http.Utf8;
import dev.bookshelf.api.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** JSON writing shared by the event builders: raw UTF-8, the maps in each format, the body. */
final class EventJson {
    private static final Json JSON = new Json();

    private EventJson() {
    }

    static byte[] write(Json.Writer fields) {
        return JSON.write(fields);
    }

    /** {@code {"name": "last value"}}, or null when empty. */
    static void lastValues(JsonGenerator g, String field, Map<String, List<String>> map) throws IOException {
        if (map.isEmpty()) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        g.writeEndObject();
    }

    /** {@code {"name": ["value", ...]}}, or null when empty. */
    static void allValues(JsonGenerator g, String field, Map<String, List<String>> map) throws IOException {
        if (map.isEmpty()) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            strings(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** {@code {"name": "value,value"}}: payload 2.0 joins repeated names with commas. */
    static void joinedValues(JsonGenerator g, String field, Map<String, List<String>> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            g.writeStringField(e.getKey(), String.join(",", e.getValue()));
        }
        g.writeEndObject();
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** How each front door sends an empty body. */
    enum EmptyBody { NULL, ABSENT, EMPTY_STRING }

    /** {@code body} and {@code isBase64Encoded}: text when textual and UTF-8, else base64. */
    static void body(JsonGenerator g, ClientRequest r, EmptyBody empty) throws IOException {
        byte[] body = r.body();
        if (body.length == 0) {
            switch (empty) {
                case NULL -> g.writeNullField("body");
                case EMPTY_STRING -> g.writeStringField("body", "");
                case ABSENT -> { }
            }
            g.writeBooleanField("isBase64Encoded", false);
            return;
        }
        String text = isTextual(r.header("Content-Type")) ? utf8OrNull(body) : null;
        g.writeStringField("body", text != null ? text : Base64.getEncoder().encodeToString(body));
        g.writeBooleanField("isBase64Encoded", text == null);
    }

    static boolean isTextual(String contentType) {
        return contentType != null && MediaType.parse(contentType).map(m -> {
            String sub = m.subtype();
            return m.type().equals("text") || sub.equals("json") || sub.endsWith("+json") || sub.equals("xml")
                    || sub.endsWith("+xml") || sub.equals("javascript")
                    || m.type().equals("application") && sub.equals("x-www-form-urlencoded");
        }).orElse(false);
    }

    private static String utf8OrNull(byte[] bytes) {
        return Utf8.isWellFormed(bytes) ? new String(bytes, StandardCharsets.UTF_8) : null;
    }
}

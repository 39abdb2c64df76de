package dev.bookshelf.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON schemas of docs/API.md, as OpenAPI 3.0 component schemas. */
final class Schemas {
    private Schemas() {
    }

    static Map<String, Object> all() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("SignUp", object(List.of("email", "password", "displayName"), props(
                "email", str(3, 254, "email"),
                "password", str(8, 128, "password"),
                "displayName", str(1, 50, null))));
        s.put("LogIn", object(List.of("email", "password"), props(
                "email", str(1, 254, "email"),
                "password", str(1, 128, "password"))));
        s.put("ChangePassword", object(List.of("currentPassword", "newPassword"), props(
                "currentPassword", str(1, 128, "password"),
                "newPassword", str(8, 128, "password"))));
        s.put("DeleteAccount", object(List.of("password"), props(
                "password", str(1, 128, "password"))));
        s.put("Account", object(List.of("id", "email", "displayName", "createdAt"), props(
                "id", str(null, null, null),
                "email", str(null, null, "email"),
                "displayName", str(null, null, null),
                "createdAt", str(null, null, "date-time"))));
        s.put("Session", object(List.of("token", "tokenType", "expiresAt", "expiresIn", "account"), props(
                "token", str(null, null, null),
                "tokenType", Map.of("type", "string", "enum", List.of("Bearer")),
                "expiresAt", str(null, null, "date-time"),
                "expiresIn", Map.of("type", "integer", "format", "int64"),
                "account", ref("Account"))));
        s.put("NewBook", object(List.of("title", "author", "status"), bookFields()));
        s.put("BookPatch", withMin(object(List.of(), bookFields())));
        Map<String, Object> book = bookFields();
        book.put("id", str(null, null, null));
        book.put("version", Map.of("type", "integer", "format", "int64", "minimum", 1));
        book.put("createdAt", str(null, null, "date-time"));
        book.put("updatedAt", str(null, null, "date-time"));
        s.put("Book", object(List.of("id", "title", "author", "isbn", "status", "rating", "note", "version",
                "createdAt", "updatedAt"), book));
        s.put("BookPage", object(List.of("items", "nextCursor"), props(
                "items", Map.of("type", "array", "items", ref("Book")),
                "nextCursor", nullable(str(null, null, null)))));
        s.put("Health", object(List.of("status"), props("status", str(null, null, null), "store", str(null, null, null))));
        s.put("FieldError", object(List.of("field", "code", "message"), props(
                "field", str(null, null, null),
                "code", str(null, null, null),
                "message", str(null, null, null),
                "min", Map.of("type", "integer"),
                "max", Map.of("type", "integer"))));
        s.put("Problem", object(List.of("type", "title", "status", "message"), props(
                "type", str(null, null, null),
                "title", str(null, null, null),
                "status", Map.of("type", "integer"),
                "detail", str(null, null, null),
                "message", str(null, null, null),
                "errors", Map.of("type", "array", "items", ref("FieldError")),
                "requestId", str(null, null, null))));
        return s;
    }

    private static Map<String, Object> bookFields() {
        return props(
                "title", str(1, 200, null),
                "author", str(1, 200, null),
                "isbn", nullable(Map.of("type", "string", "description", "ISBN-10 or ISBN-13 (hyphens allowed)")),
                "status", Map.of("type", "string", "enum", List.of("WANT_TO_READ", "READING", "READ")),
                "rating", nullable(Map.of("type", "integer", "minimum", 1, "maximum", 5)),
                "note", nullable(str(null, 2000, null)));
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> withMin(Map<String, Object> schema) {
        schema.put("minProperties", 1);
        return schema;
    }

    private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        if (!required.isEmpty()) {
            o.put("required", required);
        }
        o.put("additionalProperties", false);
        o.put("properties", properties);
        return o;
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> str(Integer min, Integer max, String format) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "string");
        if (min != null) {
            m.put("minLength", min);
        }
        if (max != null) {
            m.put("maxLength", max);
        }
        if (format != null) {
            m.put("format", format);
        }
        return m;
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> m = new LinkedHashMap<>(schema);
        m.put("nullable", true);
        return m;
    }
}

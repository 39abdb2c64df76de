package dev.bookshelf.deploy;

import dev.bookshelf.api.routes.RouteSpec;
import java.util.List;
import java.util.Map;

/** Request and response schemas (and query parameters) of each route, by operation id. */
final class Operations {
    record Shape(String request, String response, List<Map<String, Object>> parameters) {
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("signUp", new Shape("SignUp", "Account", List.of())),
            Map.entry("logIn", new Shape("LogIn", "Session", List.of())),
            Map.entry("logOut", new Shape(null, null, List.of())),
            Map.entry("currentAccount", new Shape(null, "Account", List.of())),
            Map.entry("deleteAccount", new Shape("DeleteAccount", null, List.of())),
            Map.entry("changePassword", new Shape("ChangePassword", null, List.of())),
            Map.entry("listBooks", new Shape(null, "BookPage", List.of(
                    query("status", Map.of("type", "string", "enum", List.of("WANT_TO_READ", "READING", "READ"))),
                    query("limit", Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 20)),
                    query("cursor", Map.of("type", "string"))))),
            Map.entry("addBook", new Shape("NewBook", "Book", List.of())),
            Map.entry("getBook", new Shape(null, "Book", List.of())),
            Map.entry("updateBook", new Shape("BookPatch", "Book", List.of(Map.of("name", "If-Match", "in", "header",
                    "required", true, "schema", Map.of("type", "string"), "description",
                    "The ETag of the version you change")))),
            Map.entry("removeBook", new Shape(null, null, List.of())),
            Map.entry("health", new Shape(null, "Health", List.of())));

    private Operations() {
    }

    static Shape shape(RouteSpec r) {
        Shape s = SHAPES.get(r.operationId());
        if (s == null) {
            throw new IllegalStateException("No OpenAPI shape declared for route " + r.operationId()
                    + ": add it to " + Operations.class.getName());
        }
        return s;
    }

    private static Map<String, Object> query(String name, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "schema", schema);
    }
}

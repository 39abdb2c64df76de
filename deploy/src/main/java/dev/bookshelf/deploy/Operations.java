package dev.bookshelf.deploy;

import dev.bookshelf.api.routes.RouteSpec;
import java.util.List;
import java.util.Map;

/** Request and response schemas (and query parameters) of each route, by operation id. */
final class Operations {
    record Shape(String request, String response, List<Map<String, Object>> parameters) {
    }

    private static final Map<String, Shape> SHAPES = Map.of(
            "signUp", new Shape("SignUp", "Account", List.of()),
            "logIn", new Shape("LogIn", "Session", List.of()),
            "currentAccount", new Shape(null, "Account", List.of()),
            "listBooks", new Shape(null, "BookPage", List.of(
                    query("status", Map.of("type", "string", "enum", List.of("WANT_TO_READ", "READING", "READ"))),
                    query("limit", Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 20)),
                    query("cursor", Map.of("type", "string")))),
            "addBook", new Shape("NewBook", "Book", List.of()),
            "getBook", new Shape(null, "Book", List.of()),
            "updateBook", new Shape("BookPatch", "Book", List.of(Map.of("name", "If-Match", "in", "header",
                    "required", true, "schema", Map.of("type", "string"), "description", "The ETag of the version you change"))),
            "removeBook", new Shape(null, null, List.of()),
            "health", new Shape(null, "Health", List.of()));

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

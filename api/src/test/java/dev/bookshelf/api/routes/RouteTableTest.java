package dev.bookshelf.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final RouteHandler NOOP = call -> CompletableFuture.completedFuture(null);

    private static Map<RouteSpec, RouteHandler> allBound() {
        Map<RouteSpec, RouteHandler> handlers = new LinkedHashMap<>();
        Routes.ALL.forEach(r -> handlers.put(r, NOOP));
        return handlers;
    }

    @Test
    void routeTable_matchesTheContract() {
        assertThat(Routes.ALL).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /auth/signup", "POST /auth/login", "POST /auth/logout", "GET /me", "DELETE /me",
                "PUT /me/password", "GET /books", "POST /books", "GET /books/{id}",
                "PATCH /books/{id}", "DELETE /books/{id}", "GET /health");
        assertThat(Routes.ALL).filteredOn(RouteSpec::authenticated).extracting(RouteSpec::path)
                .containsOnly("/auth/logout", "/me", "/me/password", "/books", "/books/{id}");
        assertThat(Routes.ALL).filteredOn(RouteSpec::jsonBody).extracting(RouteSpec::operationId)
                .containsExactly("signUp", "logIn", "deleteAccount", "changePassword", "addBook", "updateBook");
        assertThat(Routes.methods()).containsExactly("POST", "GET", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS");
        assertThat(Routes.paths()).containsExactly("/auth/signup", "/auth/login", "/auth/logout", "/me",
                "/me/password", "/books", "/books/{id}",
                "/health");
    }

    @Test
    void bind_refusesAMissingHandler() {
        Map<RouteSpec, RouteHandler> handlers = allBound();
        handlers.remove(Routes.HEALTH);

        assertThatThrownBy(() -> RouteTable.bind(handlers)).hasMessageContaining("GET /health");
    }

    @Test
    void bind_refusesAHandlerForAnUndeclaredRoute() {
        Map<RouteSpec, RouteHandler> handlers = allBound();
        handlers.put(new RouteSpec("PUT", "/books", true, true, 200, "x", "x"), NOOP);

        assertThatThrownBy(() -> RouteTable.bind(handlers)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void match_extractsPathVariablesAndMapsHeadToGet() {
        RouteTable table = RouteTable.bind(allBound());

        RouteTable.Match get = table.match("GET", "/books/채식-1");
        RouteTable.Match head = table.match("HEAD", "/books/abc");

        assertThat(get).isInstanceOfSatisfying(RouteTable.Found.class, f -> {
            assertThat(f.spec()).isEqualTo(Routes.GET_BOOK);
            assertThat(f.pathParams()).containsExactly(Map.entry("id", "채식-1"));
        });
        assertThat(head).isInstanceOfSatisfying(RouteTable.Found.class,
                f -> assertThat(f.spec()).isEqualTo(Routes.GET_BOOK));
    }

    @Test
    void match_tellsUnknownPathsFromWrongMethods() {
        RouteTable table = RouteTable.bind(allBound());

        assertThat(table.match("GET", "/books/a/b")).isInstanceOf(RouteTable.NoRoute.class);
        assertThat(table.match("GET", "/books/")).isInstanceOf(RouteTable.NoRoute.class);
        assertThat(table.match("GET", "relative")).isInstanceOf(RouteTable.NoRoute.class);
        assertThat(table.match("PUT", "/books/a")).isEqualTo(
                new RouteTable.WrongMethod(new java.util.LinkedHashSet<>(
                        java.util.List.of("GET", "PATCH", "DELETE", "HEAD", "OPTIONS"))));
        assertThat(table.allowedMethods("/auth/login")).containsExactly("POST", "OPTIONS");
        assertThat(table.allowedMethods("/nowhere")).isEmpty();
        assertThat(table.specs()).isEqualTo(Routes.ALL);
    }
}

package dev.bookshelf.api.routes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The route table: the only place routes are declared. Both transports, the OpenAPI document and
 * the deployment template are derived from it.
 */
public final class Routes {
    public static final RouteSpec SIGN_UP =
            new RouteSpec("POST", "/auth/signup", false, true, 201, "signUp", "Create an account");
    public static final RouteSpec LOG_IN =
            new RouteSpec("POST", "/auth/login", false, true, 200, "logIn", "Exchange credentials for a bearer token");
    public static final RouteSpec LOG_OUT =
            new RouteSpec("POST", "/auth/logout", true, false, 204, "logOut",
                    "Log out: this bearer token is refused from now on");
    public static final RouteSpec ME =
            new RouteSpec("GET", "/me", true, false, 200, "currentAccount", "The account of the bearer token");
    public static final RouteSpec DELETE_ACCOUNT =
            new RouteSpec("DELETE", "/me", true, true, 204, "deleteAccount",
                    "Erase my account, its email reservation and all my books (password required)");
    public static final RouteSpec CHANGE_PASSWORD =
            new RouteSpec("PUT", "/me/password", true, true, 204, "changePassword",
                    "Change my password; every token issued before is refused");
    public static final RouteSpec LIST_BOOKS =
            new RouteSpec("GET", "/books", true, false, 200, "listBooks", "List my books, newest first");
    public static final RouteSpec ADD_BOOK =
            new RouteSpec("POST", "/books", true, true, 201, "addBook", "Add a book to my shelf");
    public static final RouteSpec GET_BOOK =
            new RouteSpec("GET", "/books/{id}", true, false, 200, "getBook", "Read one of my books");
    public static final RouteSpec UPDATE_BOOK =
            new RouteSpec("PATCH", "/books/{id}", true, true, 200, "updateBook", "Change one of my books (If-Match)");
    public static final RouteSpec REMOVE_BOOK =
            new RouteSpec("DELETE", "/books/{id}", true, false, 204, "removeBook", "Remove one of my books");
    public static final RouteSpec HEALTH =
            new RouteSpec("GET", "/health", false, false, 200, "health", "Liveness and readiness");

    public static final List<RouteSpec> ALL =
            List.of(SIGN_UP, LOG_IN, LOG_OUT, ME, DELETE_ACCOUNT, CHANGE_PASSWORD, LIST_BOOKS, ADD_BOOK, GET_BOOK, UPDATE_BOOK, REMOVE_BOOK, HEALTH);

    private Routes() {
    }

    /** Every method some route answers, plus HEAD and OPTIONS which the dispatcher derives. */
    public static Set<String> methods() {
        Set<String> methods = new LinkedHashSet<>();
        ALL.forEach(r -> methods.add(r.method()));
        methods.add("HEAD");
        methods.add("OPTIONS");
        return methods;
    }

    /** The distinct path templates, in declaration order. */
    public static Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        ALL.forEach(r -> paths.add(r.path()));
        return paths;
    }
}

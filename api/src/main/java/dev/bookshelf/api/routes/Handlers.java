package dev.bookshelf.api.routes;

import dev.bookshelf.api.json.Json;
import dev.bookshelf.api.security.LoginThrottle;
import dev.bookshelf.core.account.Accounts;
import dev.bookshelf.core.book.BookshelfUseCases;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Binds every route of {@link Routes} to its handler. */
public final class Handlers {
    private Handlers() {
    }

    public static RouteTable table(Accounts accounts, BookshelfUseCases shelf, Json json, Clock clock, String basePath,
                                   String storeName, LoginThrottle throttle) {
        Representations out = new Representations(json, clock);
        // keyed by the Routes constants themselves: an identity map never calls the records' hashCode/equals,
        // whose first use bootstraps method handles (tens of ms of a cold start)
        Map<RouteSpec, RouteHandler> table = new IdentityHashMap<>();
        new AccountRoutes(accounts, json, out, basePath, throttle).bind(table);
        new BookRoutes(shelf, json, out, basePath).bind(table);
        table.put(Routes.HEALTH, call -> CompletableFuture.completedFuture(
                out.ok(200, out.health(storeName), dev.bookshelf.api.http.Headers.builder())));
        return RouteTable.bind(table);
    }
}

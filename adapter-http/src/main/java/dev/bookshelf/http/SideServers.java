package dev.bookshelf.http;

import io.vertx.ext.web.Router;
import java.util.function.Consumer;

/**
 * Keeps vertx-web from logging a stack trace for a failed handler ("Unhandled exception in
 * router"): the failure is told to {@code warn} by class name only, and vertx-web answers the
 * plain status as before.
 */
final class QuietFailures {
    private QuietFailures() {
    }

    static Router install(Router router, String what, Consumer<String> warn) {
        router.errorHandler(500, ctx -> {
            Throwable failure = ctx.failure();
            warn.accept(what + ": a request failed ("
                    + (failure == null ? "no exception" : failure.getClass().getSimpleName()) + ")");
        });
        return router;
    }
}

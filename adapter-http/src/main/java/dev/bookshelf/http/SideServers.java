package dev.bookshelf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Consumer;

/**
 * The servers beside the API (the management port, the web client's site): each a vertx-web
 * router on its own address. A failed handler is told to {@code warn} by class name only, instead
 * of vertx-web's stack trace ("Unhandled exception in router"), and answered with the plain status.
 */
final class SideServers {
    private SideServers() {
    }

    /** A router whose failures {@code warn} hears as "{@code what}: a request failed (Class)". */
    static Router router(Vertx vertx, String what, Consumer<String> warn) {
        Router router = Router.router(vertx);
        router.errorHandler(500, ctx -> {
            Throwable failure = ctx.failure();
            warn.accept(what + ": a request failed ("
                    + (failure == null ? "no exception" : failure.getClass().getSimpleName()) + ")");
        });
        return router;
    }

    /** Serves {@code router} on {@code listen}; the future fails when the port cannot be bound. */
    static Future<HttpServer> listen(Vertx vertx, Router router, HttpConfig.Listen listen) {
        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost(listen.host())
                        .setPort(listen.port())
                        .setCompressionSupported(true))
                .requestHandler(router)
                .listen();
    }
}

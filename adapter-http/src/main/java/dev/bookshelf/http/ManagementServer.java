package dev.bookshelf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * The management port: a second HTTP server, off the public API, answering {@code GET /metrics}
 * in the Prometheus text format (or OpenMetrics when the scraper asks for it) and nothing else
 * (vertx-web's plain 404/405). {@code HEAD} answers the headers alone. The scrape is rendered on a
 * worker thread, not on an event loop the API shares.
 */
final class ManagementServer {
    private final HttpServer server;

    private ManagementServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code listen}; the future fails when the port cannot be bound. */
    static Future<ManagementServer> start(Vertx vertx, HttpConfig.Listen listen, ServerMetrics metrics,
                                          Consumer<String> warn) {
        Router router = SideServers.router(vertx, "management port", warn);
        router.route("/metrics").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> scrape(ctx, metrics));
        return SideServers.listen(vertx, router, listen).map(ManagementServer::new);
    }

    private static void scrape(RoutingContext ctx, ServerMetrics metrics) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        metrics.scrape(ctx.vertx(), accept).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, ar.result().contentType())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(ar.result().body());
        });
    }

    int port() {
        return server.actualPort();
    }
}

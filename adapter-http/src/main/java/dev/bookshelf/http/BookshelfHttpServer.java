package dev.bookshelf.http;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.Dispatcher;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The standalone server: Vert.x 5 {@link HttpServer}s, one per event loop ({@code EVENT_LOOPS},
 * sharing the port), that translate each request for the shared {@link Dispatcher}
 * ({@link ApiBridge}), beside them the management port ({@code GET /metrics}) and, when
 * {@code WEB_ROOT} is set, the web client on its own origin. Bodies are capped while they stream
 * in; bcrypt runs on a worker pool, never on an event loop. {@link #stop()} stops accepting, lets
 * in-flight requests finish within the grace period, then closes Vert.x.
 */
public final class BookshelfHttpServer {
    /**
     * Runs what must happen after Vert.x closes (or while it closes) off its event loops: a
     * callback of a future bound to an event loop is never delivered once that loop is gone.
     */
    private static final Executor OFF_LOOP = task -> new Thread(task, "bookshelf-stop").start();

    private final Vertx vertx;
    /** The API's servers, one per event loop, all on one port. */
    private final List<HttpServer> servers;
    private final BookshelfApi api;
    private final HttpConfig config;
    private final ServerMetrics metrics;
    private final AtomicReference<CompletableFuture<Void>> stopped = new AtomicReference<>();
    private volatile ManagementServer management;
    private volatile WebClientSite web;

    private BookshelfHttpServer(Vertx vertx, List<HttpServer> servers, BookshelfApi api, HttpConfig config,
                                ServerMetrics metrics) {
        this.vertx = vertx;
        this.servers = servers;
        this.api = api;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts a server; the stage completes once it listens (or fails with the reason). */
    public static CompletionStage<BookshelfHttpServer> start(HttpConfig config, PrintStream log) {
        // at least one event loop per API server, so that no two of them share a loop
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(
                Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, config.eventLoops())));
        BookshelfApi api = null;
        ServerMetrics metrics;
        try {
            api = BookshelfApi.create(config.settings(), BookshelfRouter.hashingPool(vertx), Clock.systemUTC(), log);
            metrics = config.management() == null ? null : ServerMetrics.create(vertx);
        } catch (RuntimeException e) {
            return closeQuietly(vertx, api, null).thenCompose(v -> CompletableFuture.failedFuture(e));
        }
        if (metrics != null) {
            api.dispatcher().listen(metrics);
        }
        ApiBridge bridge = new ApiBridge(api.dispatcher());
        List<HttpServer> servers = new CopyOnWriteArrayList<>();
        BookshelfHttpServer s = new BookshelfHttpServer(vertx, servers, api, config, metrics);
        BookshelfApi started = api;
        return deployApi(vertx, config, bridge, servers).compose(deployment -> {
            int loops = config.eventLoops();
            started.log().event("INFO", "listening on " + config.host() + ":" + s.port() + " (store "
                    + config.settings().store() + ", " + loops + (loops == 1 ? " event loop)" : " event loops)"));
            return s.startManagement();
        }).compose(v -> s.startWebClient()).map(v -> s).toCompletionStage()
                .exceptionallyComposeAsync(e -> closeQuietly(vertx, started, metrics)
                        .thenCompose(v -> CompletableFuture.<BookshelfHttpServer>failedFuture(e)), OFF_LOOP);
    }

    /**
     * Deploys {@code config.eventLoops()} instances, each on an event loop of its own, each listening
     * with an {@link HttpServer} of its own on the one port (Vert.x shares the bound socket and
     * hands each accepted connection to one of the loops). {@code servers} receives them. In Vert.x 5
     * port 0 binds a random port per server; {@code PORT=0} is therefore a shared random port,
     * one port for all of them.
     */
    private static Future<String> deployApi(Vertx vertx, HttpConfig config, ApiBridge bridge,
                                            List<HttpServer> servers) {
        SocketAddress address = config.port() == 0
                ? SocketAddress.sharedRandomPort(1, config.host())
                : SocketAddress.inetSocketAddress(config.port(), config.host());
        return vertx.deployVerticle(() -> (Deployable) context -> {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                            .setMaxHeaderSize(ApiBridge.MAX_HEADER_SIZE)
                            .setCompressionSupported(true))
                    .requestHandler(bridge::handle)
                    .invalidRequestHandler(bridge::invalid);
            servers.add(server);
            return server.listen(address);
        }, new DeploymentOptions().setInstances(config.eventLoops()));
    }

    private Future<Void> startManagement() {
        HttpConfig.Listen listen = config.management();
        if (listen == null) {
            return Future.succeededFuture();
        }
        return ManagementServer.start(vertx, listen, metrics, this::warn)
                .recover(e -> Future.failedFuture(new IllegalStateException("management port " + listen.host() + ":"
                        + listen.port() + ": " + e.getMessage() + " (set MANAGEMENT_PORT to another port, 0 or off)", e)))
                .map(m -> {
                    management = m;
                    api.log().event("INFO", "metrics on " + metricsUrl());
                    return null;
                });
    }

    private Future<Void> startWebClient() {
        HttpConfig.WebSite site = config.web();
        if (site == null) {
            return Future.succeededFuture();
        }
        String apiUrl = site.apiUrl() != null ? site.apiUrl() : apiUrl() + config.settings().basePath();
        return WebClientSite.start(vertx, site, apiUrl, this::warn)
                .recover(e -> Future.failedFuture(new IllegalStateException("web client port " + site.listen().host()
                        + ":" + site.listen().port() + ": " + e.getMessage() + " (set WEB_PORT to another port or 0)", e)))
                .map(w -> {
                    web = w;
                    api.log().event("INFO", "web client on " + webUrl() + " (calling the API at " + apiUrl + ")");
                    warnIfCorsRefuses(Urls.origin(site.listen().host(), w.port()));
                    return null;
                });
    }

    private void warnIfCorsRefuses(String origin) {
        var origins = config.settings().corsOrigins();
        if (!origins.contains("*") && !origins.contains(origin)) {
            warn("the web client's origin " + origin + " is not in CORS_ALLOWED_ORIGINS " + origins
                    + ": the browser will refuse the page's calls to the API");
        }
    }

    private void warn(String message) {
        api.log().event("WARN", message);
    }

    /** The API's port (the actual one when {@code PORT=0}), the same for every event loop. */
    public int port() {
        return servers.get(0).actualPort();
    }

    /** The api the servers dispatch to (for tests: its dispatcher takes listeners). */
    BookshelfApi api() {
        return api;
    }

    /** The management port, or -1 when it is off. */
    public int managementPort() {
        ManagementServer m = management;
        return m == null ? -1 : m.port();
    }

    /** The web client's port, or -1 when {@code WEB_ROOT} is not set. */
    public int webPort() {
        WebClientSite w = web;
        return w == null ? -1 : w.port();
    }

    /** The API's address for a browser on this machine, e.g. {@code http://localhost:8080}. */
    public String apiUrl() {
        return Urls.origin(config.host(), port());
    }

    /** Where the metrics are scraped, or null when the management port is off. */
    public String metricsUrl() {
        return management == null ? null : Urls.origin(config.management().host(), managementPort()) + "/metrics";
    }

    /** The web client's page, or null when {@code WEB_ROOT} is not set. */
    public String webUrl() {
        return web == null ? null : Urls.origin(config.web().listen().host(), webPort()) + "/";
    }

    /**
     * Graceful stop: no new connections, in-flight requests finish on every event loop (up to the
     * grace period), then Vert.x and the store close. Every call answers the completion of the one stop.
     */
    public CompletionStage<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!stopped.compareAndSet(null, done)) {
            return stopped.get().copy();
        }
        api.log().event("INFO", "stopping: draining in-flight requests for up to "
                + config.shutdownGrace().toSeconds() + " s");
        List<Future<Void>> draining = servers.stream().map(server -> server.shutdown(config.shutdownGrace())).toList();
        Future.join(draining).toCompletionStage()
                .handle((v, e) -> {
                    if (e != null) {
                        api.log().event("WARN", "draining failed (" + e.getClass().getSimpleName() + "); closing anyway");
                    }
                    return null;
                })
                .thenCompose(v -> closeQuietly(vertx, api, metrics))
                .whenComplete((v, e) -> {
                    api.log().event("INFO", "stopped");
                    done.complete(null);
                });
        return done.copy();
    }

    /** Closes Vert.x (from a thread of its own) and then the store; never fails. */
    private static CompletionStage<Void> closeQuietly(Vertx vertx, BookshelfApi api, ServerMetrics metrics) {
        return CompletableFuture.supplyAsync(() -> vertx.close().toCompletionStage(), OFF_LOOP)
                .thenCompose(closing -> closing)
                .handle((v, e) -> {
                    if (metrics != null) {
                        metrics.close();
                    }
                    if (api != null) {
                        try {
                            api.close();
                        } catch (Exception ignored) {
                            // closing the store is best effort at exit
                        }
                    }
                    return null;
                });
    }
}

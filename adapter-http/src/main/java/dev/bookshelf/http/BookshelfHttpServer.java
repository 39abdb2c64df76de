package dev.bookshelf.http;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.Dispatcher;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.RequestIds;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The standalone server: a Vert.x 5 {@link HttpServer} that translates each request for the
 * shared {@link Dispatcher}. Bodies are capped while they stream in; bcrypt runs on a worker
 * pool, never on the event loop. {@link #stop()} stops accepting, lets in-flight requests finish
 * within the grace period, then closes Vert.x.
 */
public final class BookshelfHttpServer {
    /**
     * Runs what must happen after Vert.x closes (or while it closes) off its event loops: a
     * callback of a future bound to an event loop is never delivered once that loop is gone.
     */
    private static final Executor OFF_LOOP = task -> new Thread(task, "bookshelf-stop").start();
    private static final int MAX_HEADER_SIZE = 16 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final BookshelfApi api;
    private final HttpConfig config;
    private final AtomicReference<CompletableFuture<Void>> stopped = new AtomicReference<>();

    private BookshelfHttpServer(Vertx vertx, HttpServer server, BookshelfApi api, HttpConfig config) {
        this.vertx = vertx;
        this.server = server;
        this.api = api;
        this.config = config;
    }

    /** Starts a server; the stage completes once it listens (or fails with the reason). */
    public static CompletionStage<BookshelfHttpServer> start(HttpConfig config, PrintStream log) {
        Vertx vertx = Vertx.vertx();
        BookshelfApi api;
        try {
            api = BookshelfApi.create(config.settings(), hashingPool(vertx), Clock.systemUTC(), log);
        } catch (RuntimeException e) {
            return closeQuietly(vertx, null).thenCompose(v -> CompletableFuture.failedFuture(e));
        }
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setMaxHeaderSize(MAX_HEADER_SIZE)
                .setCompressionSupported(true));
        BookshelfHttpServer s = new BookshelfHttpServer(vertx, server, api, config);
        server.requestHandler(s::handle);
        server.invalidRequestHandler(s::invalid);
        return server.listen().toCompletionStage().thenApply(listening -> {
            api.log().event("INFO", "listening on " + config.host() + ":" + listening.actualPort()
                    + " (store " + config.settings().store() + ")");
            return s;
        }).exceptionallyComposeAsync(e -> closeQuietly(vertx, api)
                .thenCompose(v -> CompletableFuture.<BookshelfHttpServer>failedFuture(e)), OFF_LOOP);
    }

    private static Executor hashingPool(Vertx vertx) {
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("bookshelf-hashing", workers);
        return task -> pool.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest req) {
        String requestId = RequestIds.next();
        Headers headers = VertxTranslation.headers(req);
        Context context = Vertx.currentContext();
        int limit = api.dispatcher().bodyLimit();
        if (VertxTranslation.expectsContinue(req) && VertxTranslation.declaredLength(req) > limit) {
            // Answer before the client sends the body it announced, then close: it may never send it.
            req.handler(chunk -> { });
            dispatch(req, headers, new byte[limit + 1], requestId, context, true);
            return;
        }
        CappedBody body = new CappedBody(limit);
        req.handler(body::append);
        req.exceptionHandler(e -> req.connection().close());
        req.endHandler(v -> dispatch(req, headers, body.bytes(), requestId, context, false));
        if (VertxTranslation.expectsContinue(req)) {
            req.response().writeContinue();
        }
    }

    private void dispatch(HttpServerRequest req, Headers headers, byte[] body, String requestId, Context context,
                          boolean closeAfter) {
        Dispatcher dispatcher = api.dispatcher();
        CompletionStage<ApiResponse> answer;
        try {
            answer = dispatcher.dispatch(VertxTranslation.request(req, headers, body, requestId));
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(
                    dispatcher.failure(VertxTranslation.undecodable(req, headers, requestId), e));
        }
        answer.thenAccept(r -> {
            if (Vertx.currentContext() == context) {
                VertxTranslation.write(r, req, closeAfter);
            } else {
                context.runOnContext(v -> VertxTranslation.write(r, req, closeAfter));
            }
        });
    }

    /**
     * A request Vert.x could not decode (request line or headers too long, broken framing): our
     * JSON problem, through the dispatcher (log line, request id, security headers), instead of
     * Vert.x's empty 414/431/400; then the connection closes, as the decoder cannot go on.
     */
    private void invalid(HttpServerRequest req) {
        Dispatcher dispatcher = api.dispatcher();
        ApiResponse r = dispatcher.failure(VertxTranslation.invalid(req, RequestIds.next()),
                VertxTranslation.decoderProblem(req, MAX_HEADER_SIZE));
        VertxTranslation.write(r, req, true);
    }


    /**
     * Graceful stop: no new connections, in-flight requests finish (up to the grace period), then
     * Vert.x and the store close. Every call answers the completion of the one stop.
     */
    public CompletionStage<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!stopped.compareAndSet(null, done)) {
            return stopped.get().copy();
        }
        api.log().event("INFO", "stopping: draining in-flight requests for up to "
                + config.shutdownGrace().toSeconds() + " s");
        Future<Void> shutdown = server.shutdown(config.shutdownGrace());
        shutdown.toCompletionStage()
                .handle((v, e) -> {
                    if (e != null) {
                        api.log().event("WARN", "draining failed (" + e.getClass().getSimpleName() + "); closing anyway");
                    }
                    return null;
                })
                .thenCompose(v -> closeQuietly(vertx, api))
                .whenComplete((v, e) -> {
                    api.log().event("INFO", "stopped");
                    done.complete(null);
                });
        return done.copy();
    }

    /** Closes Vert.x (from a thread of its own) and then the store; never fails. */
    private static CompletionStage<Void> closeQuietly(Vertx vertx, BookshelfApi api) {
        return CompletableFuture.supplyAsync(() -> vertx.close().toCompletionStage(), OFF_LOOP)
                .thenCompose(closing -> closing)
                .handle((v, e) -> {
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

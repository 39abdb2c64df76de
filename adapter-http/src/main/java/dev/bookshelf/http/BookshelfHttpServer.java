package dev.bookshelf.http;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.Dispatcher;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.PrintStream;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The standalone server: a Vert.x 5 {@link HttpServer} that translates each request for the
 * shared {@link Dispatcher}. Bodies are capped while they stream in; bcrypt runs on a worker
 * pool, never on the event loop. {@link #stop()} stops accepting, lets in-flight requests finish
 * within the grace period, then closes Vert.x.
 */
public final class BookshelfHttpServer {
    private static final int MAX_HEADER_SIZE = 16 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final BookshelfApi api;
    private final HttpConfig config;
    private final AtomicBoolean stopping = new AtomicBoolean();

    private BookshelfHttpServer(Vertx vertx, HttpServer server, BookshelfApi api, HttpConfig config) {
        this.vertx = vertx;
        this.server = server;
        this.api = api;
        this.config = config;
    }

    /** Starts a server; the stage completes once it listens (or fails with the reason). */
    public static CompletionStage<BookshelfHttpServer> start(HttpConfig config, PrintStream log) {
        Vertx vertx = Vertx.vertx();
        try {
            int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
            WorkerExecutor hashingPool = vertx.createSharedWorkerExecutor("bookshelf-hashing", workers);
            Executor hashing = task -> hashingPool.executeBlocking(() -> {
                task.run();
                return null;
            }, false);
            BookshelfApi api = BookshelfApi.create(config.settings(), hashing, Clock.systemUTC(), log);
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
            }).exceptionallyCompose(e -> vertx.close().toCompletionStage()
                    .<BookshelfHttpServer>thenCompose(v -> CompletableFuture.failedFuture(e)));
        } catch (RuntimeException e) {
            vertx.close();
            return CompletableFuture.failedFuture(e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest req) {
        String requestId = UUID.randomUUID().toString();
        Headers headers = VertxTranslation.headers(req);
        Context context = Vertx.currentContext();
        int limit = api.dispatcher().bodyLimit();
        Buffer body = Buffer.buffer();
        boolean[] overflow = {false};
        req.handler(chunk -> {
            if (overflow[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                overflow[0] = true;
                body.appendBuffer(chunk, 0, limit + 1 - body.length());
            } else {
                body.appendBuffer(chunk);
            }
        });
        req.exceptionHandler(e -> req.connection().close());
        req.endHandler(v -> dispatch(req, headers, body.getBytes(), requestId, context));
    }

    private void dispatch(HttpServerRequest req, Headers headers, byte[] body, String requestId, Context context) {
        Dispatcher dispatcher = api.dispatcher();
        CompletionStage<ApiResponse> answer;
        try {
            answer = dispatcher.dispatch(VertxTranslation.request(req, headers, body, requestId));
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(
                    dispatcher.failure(VertxTranslation.undecodable(req, headers, requestId), e));
        }
        answer.thenAccept(r -> context.runOnContext(v -> VertxTranslation.write(r, req.response())));
    }

    /**
     * A request Vert.x could not decode (request line or headers too long, broken framing): our
     * JSON problem, through the dispatcher (log line, request id, security headers), instead of
     * Vert.x's empty 414/431/400; then the connection closes, as the decoder cannot go on.
     */
    private void invalid(HttpServerRequest req) {
        Dispatcher dispatcher = api.dispatcher();
        ApiResponse r = dispatcher.failure(VertxTranslation.invalid(req, UUID.randomUUID().toString()),
                VertxTranslation.decoderProblem(req, MAX_HEADER_SIZE));
        VertxTranslation.write(r, req.response()).onComplete(done -> req.connection().close());
    }

    /** Graceful stop: no new connections, in-flight requests finish (up to the grace period). */
    public CompletionStage<Void> stop() {
        if (!stopping.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        api.log().event("INFO", "stopping: draining in-flight requests for up to " + config.shutdownGrace().toSeconds() + " s");
        // vertx.close() runs on a pool thread outside Vert.x: its completion must not be scheduled
        // on an event loop that the close itself is tearing down.
        return server.shutdown(config.shutdownGrace()).toCompletionStage()
                .<Void>handle((v, e) -> null)
                .thenComposeAsync(v -> vertx.close().toCompletionStage())
                .whenComplete((v, e) -> {
                    try {
                        api.close();
                    } catch (Exception ignored) {
                        // closing the store is best effort at exit
                    }
                    api.log().event("INFO", "stopped");
                });
    }
}

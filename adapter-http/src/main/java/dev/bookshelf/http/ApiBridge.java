package dev.bookshelf.http;

import dev.bookshelf.api.Dispatcher;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One Vert.x request through the {@link Dispatcher} and back, shared by the standalone server
 * and {@link BookshelfRouter}: the body is capped while it streams in ({@code 100-continue}
 * answered first when it announces too much), the answer is written on the request's own
 * context; an HTTP/1.x request whose framing announces no body is dispatched at once. Nothing is
 * decided here that the dispatcher decides.
 */
final class ApiBridge {
    static final int MAX_HEADER_SIZE = 16 * 1024;

    private final Dispatcher dispatcher;

    ApiBridge(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** A request of the standalone server: its path as received, no mount point. */
    void handle(HttpServerRequest req) {
        handle(req, req.path() == null ? "/" : req.path(), "");
    }

    /**
     * A request whose API path is {@code rawPath} (still percent-encoded), received under
     * {@code mount} ({@code ""} at the root; else put back in front of a {@code Location}).
     */
    void handle(HttpServerRequest req, String rawPath, String mount) {
        Headers headers = VertxTranslation.headers(req);
        Context context = Vertx.currentContext();
        if (VertxTranslation.bodiless(req)) {
            // Its framing says no body follows (most requests): answered at once, as HTTP/1.1 allows
            // before the request's end is read, instead of after an end handler and its dispatch.
            dispatch(new Exchange(req, rawPath, mount, headers, context, false), CappedBody.NONE);
            return;
        }
        int limit = dispatcher.bodyLimit();
        boolean expectsContinue = VertxTranslation.expectsContinue(req);
        if (expectsContinue && VertxTranslation.declaredLength(req) > limit) {
            // Answer before the client sends the body it announced, then close: it may never send it.
            req.handler(chunk -> { });
            dispatch(new Exchange(req, rawPath, mount, headers, context, true), new byte[limit + 1]);
            return;
        }
        CappedBody body = new CappedBody(limit);
        req.handler(body::append);
        req.exceptionHandler(e -> req.connection().close());
        req.endHandler(v -> dispatch(new Exchange(req, rawPath, mount, headers, context, false), body.bytes()));
        if (expectsContinue) {
            req.response().writeContinue();
        }
    }

    /** As {@link #handle(HttpServerRequest, String, String)}, for a body an earlier handler already read. */
    void handleRead(HttpServerRequest req, Buffer read, String rawPath, String mount) {
        CappedBody body = new CappedBody(dispatcher.bodyLimit());
        if (read != null) {
            body.append(read);
        }
        dispatch(new Exchange(req, rawPath, mount, VertxTranslation.headers(req), Vertx.currentContext(), false),
                body.bytes());
    }

    /**
     * What writing the answer needs to know of the request. The request id is the neutral
     * request's own: it makes one when given none.
     */
    private record Exchange(HttpServerRequest req, String rawPath, String mount, Headers headers, Context context,
                            boolean closeAfter) {
    }

    private void dispatch(Exchange x, byte[] body) {
        CompletionStage<ApiResponse> answer;
        try {
            answer = dispatcher.dispatch(VertxTranslation.request(x.req(), x.rawPath(), x.headers(), body));
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(
                    dispatcher.failure(VertxTranslation.undecodable(x.req(), x.headers()), e));
        }
        answer.thenAccept(r -> {
            ApiResponse out = r.withLocationUnder(x.mount());
            if (Vertx.currentContext() == x.context()) {
                VertxTranslation.write(out, x.req(), x.closeAfter());
            } else {
                x.context().runOnContext(v -> VertxTranslation.write(out, x.req(), x.closeAfter()));
            }
        });
    }

    /**
     * A request Vert.x could not decode (request line or headers too long, broken framing): our
     * JSON problem, through the dispatcher (log line, request id, security headers), instead of
     * Vert.x's empty 414/431/400; then the connection closes, as the decoder cannot go on.
     */
    void invalid(HttpServerRequest req) {
        ApiResponse r = dispatcher.failure(VertxTranslation.invalid(req),
                VertxTranslation.decoderProblem(req, MAX_HEADER_SIZE));
        VertxTranslation.write(r, req, true);
    }
}

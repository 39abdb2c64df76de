package dev.bookshelf.http;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.http.UriParts;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import dev.bookshelf.core.shared.FieldError;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.Map;

/** HTTP request/response <-> neutral {@link ApiRequest}/{@link ApiResponse}. Nothing else. */
final class VertxTranslation {
    private static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized("x-request-id");
    private static final CharSequence X_AMZN_TRACE_ID = HttpHeaders.createOptimized("x-amzn-trace-id");
    private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized("traceparent");

    private VertxTranslation() {
    }

    /** The request's headers, read in place: Vert.x's map is case-insensitive and no longer changes. */
    static Headers headers(HttpServerRequest req) {
        return Headers.view(new InPlace(req.headers()));
    }

    private record InPlace(MultiMap headers) implements Headers.Source {
        @Override
        public String get(String name) {
            return headers.get(known(name));
        }

        @Override
        public List<String> getAll(String name) {
            return headers.getAll(known(name));
        }

        @Override
        public void forEach(java.util.function.BiConsumer<String, String> line) {
            headers.forEach(line);
        }
    }

    /**
     * The names the API asks for on every request, as Vert.x's constants: their case-insensitive
     * hash is computed once, where a {@code String} name is hashed at each lookup.
     */
    private static CharSequence known(String name) {
        return switch (name) {
            case "Authorization" -> HttpHeaders.AUTHORIZATION;
            case "Origin" -> HttpHeaders.ORIGIN;
            case "Content-Type" -> HttpHeaders.CONTENT_TYPE;
            case "X-Request-Id" -> X_REQUEST_ID;
            case "X-Amzn-Trace-Id" -> X_AMZN_TRACE_ID;
            case "traceparent" -> TRACEPARENT;
            case "Accept-Language" -> HttpHeaders.ACCEPT_LANGUAGE;
            case "If-Match" -> HttpHeaders.IF_MATCH;
            default -> name;
        };
    }

    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ANSWER_REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");

    /**
     * The names the API answers with on every request, as Vert.x names made once (their hash
     * kept, checked byte by byte), written as the API spelled them; any other name as it is.
     */
    static CharSequence answerName(String name) {
        return switch (name) {
            case "Content-Type" -> CONTENT_TYPE;
            case "ETag" -> ETAG;
            case "Vary" -> VARY;
            case "X-Request-Id" -> ANSWER_REQUEST_ID;
            case "X-Content-Type-Options" -> CONTENT_TYPE_OPTIONS;
            case "Cache-Control" -> CACHE_CONTROL;
            default -> name;
        };
    }

    /**
     * Builds the neutral request for {@code rawPath} (the request's path, or what follows a mount
     * point); path and query decoding failures surface as 400 problems. Its context holds the
     * correlation id and trace ids the client sent (see {@link RequestContext#fromHeaders}); its
     * request id is a new one (the client's {@code X-Request-Id} is the correlation id).
     */
    static ApiRequest request(HttpServerRequest req, String rawPath, Headers headers, byte[] body) {
        return new ApiRequest(req.method().name(), UriParts.decodePath(rawPath), headers,
                UriParts.parseQuery(req.query()), body, null, sourceIp(req), RequestContext.fromHeaders(headers));
    }

    /**
     * The client's IP address. The connection keeps its remote address, whose {@code host()} is
     * the address as text when no host name came with it (always, for an accepted socket): no new
     * string per request, as {@code hostAddress()} makes.
     */
    static String sourceIp(HttpServerRequest req) {
        SocketAddress remote = req.remoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.hostName() == null && remote.host() != null ? remote.host() : remote.hostAddress();
    }

    /** A request whose target could not be decoded, for answering the failure. */
    static ApiRequest undecodable(HttpServerRequest req, Headers headers) {
        return new ApiRequest(req.method().name(), "/", headers, Map.<String, List<String>>of(), null, null, null,
                RequestContext.fromHeaders(headers));
    }

    /**
     * A request Vert.x could not decode, for answering it: only its method is trusted (the target
     * and headers may be cut short or missing).
     */
    static ApiRequest invalid(HttpServerRequest req) {
        String method = req.method() == null ? "-" : req.method().name();
        return new ApiRequest(method, "/", Headers.empty(), Map.<String, List<String>>of(), null, null, sourceIp(req));
    }

    /** Why Vert.x could not decode a request, as our problem: 414, 431, or 400 naming the request. */
    static ApiProblem decoderProblem(HttpServerRequest req, int maxHeaderSize) {
        DecoderResult result = req.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return new ApiProblem(ProblemKind.URI_TOO_LONG, "The request line is longer than the server accepts.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new ApiProblem(ProblemKind.HEADERS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaderSize + " bytes.");
        }
        return ApiProblem.invalid("The request is not valid HTTP/1.1.",
                FieldError.of("request", FieldError.Code.INVALID_FORMAT));
    }

    /**
     * True for an HTTP/1.x request that has no body by its framing (RFC 9112, 6.3): no
     * {@code Transfer-Encoding} and no {@code Content-Length}, or a length of 0. An HTTP/2 request
     * tells its end by a flag Vert.x reads after the headers: never judged bodiless here.
     */
    static boolean bodiless(HttpServerRequest req) {
        if (req.version() == HttpVersion.HTTP_2) {
            return false;
        }
        MultiMap headers = req.headers();
        if (headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return length == null || length.strip().equals("0");
    }

    /** True when the client waits for {@code 100 Continue} before it sends the body. */
    static boolean expectsContinue(HttpServerRequest req) {
        String expect = req.getHeader(HttpHeaders.EXPECT);
        return expect != null && expect.strip().equalsIgnoreCase("100-continue");
    }

    /** The announced {@code Content-Length}, or -1 when there is none (or it is unreadable). */
    static long declaredLength(HttpServerRequest req) {
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Writes the response; {@code closeAfter} closes an HTTP/1.x connection once it is sent. */
    static void write(ApiResponse r, HttpServerRequest req, boolean closeAfter) {
        HttpServerResponse out = req.response();
        out.setStatusCode(r.status());
        MultiMap headers = out.headers();
        // A plain loop (no callback), which the JIT compiles with Vert.x's add and its checks inlined
        Headers answer = r.headers();
        for (int f = 0, n = answer.size(); f < n; f++) {
            CharSequence name = answerName(answer.name(f));
            List<String> values = answer.values(f);
            for (int i = 0; i < values.size(); i++) {
                headers.add(name, values.get(i));
            }
        }
        boolean close = closeAfter && req.version() != HttpVersion.HTTP_2;
        if (close) {
            out.headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        byte[] body = r.bodyUnsafe();
        // The answer's bytes are never changed again: wrapped, not copied (Buffer.buffer(byte[]) copies)
        var written = body.length == 0 ? out.end() : out.end(BufferInternal.buffer(Unpooled.wrappedBuffer(body)));
        if (close) {
            written.onComplete(ar -> req.connection().close());
        }
    }
}

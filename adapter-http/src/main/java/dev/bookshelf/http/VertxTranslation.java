package dev.bookshelf.http;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.UriParts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;

/** HTTP request/response <-> neutral {@link ApiRequest}/{@link ApiResponse}. Nothing else. */
final class VertxTranslation {
    private VertxTranslation() {
    }

    static Headers headers(HttpServerRequest req) {
        Headers.Builder b = Headers.builder();
        req.headers().forEach(e -> b.add(e.getKey(), e.getValue()));
        return b.build();
    }

    /** Builds the neutral request; path and query decoding failures surface as 400 problems. */
    static ApiRequest request(HttpServerRequest req, Headers headers, byte[] body, String requestId) {
        String rawPath = req.path() == null ? "/" : req.path();
        String sourceIp = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
        return new ApiRequest(req.method().name(), UriParts.decodePath(rawPath), headers,
                UriParts.parseQuery(req.query()), body, requestId, sourceIp);
    }

    /** A request whose target could not be decoded, for answering the failure. */
    static ApiRequest undecodable(HttpServerRequest req, Headers headers, String requestId) {
        return new ApiRequest(req.method().name(), "/", headers, Map.<String, List<String>>of(), null, requestId, null);
    }

    static void write(ApiResponse r, HttpServerResponse out) {
        out.setStatusCode(r.status());
        r.headers().asMap().forEach((name, values) -> out.headers().add(name, values));
        byte[] body = r.bodyUnsafe();
        if (body.length == 0) {
            out.end();
        } else {
            out.end(Buffer.buffer(body));
        }
    }
}

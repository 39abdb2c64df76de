package dev.bookshelf.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.lambda.BookshelfHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda function behind an API Gateway REST API (Lambda proxy integration): each call becomes
 * the event API Gateway would send ({@link RestProxyEvents}), goes through
 * {@link BookshelfHandler#handleRequest} as bytes, as the Lambda runtime drives it, and the proxy
 * response is turned back into what API Gateway would answer the client.
 */
final class RestProxyTransport implements Transport {
    static final Transport.Factory FACTORY = new Transport.Factory() {
        @Override
        public String name() {
            return "lambda-rest";
        }

        @Override
        public Transport start(Map<String, String> env) {
            PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            return new RestProxyTransport(BookshelfHandler.forEnvironment(env, log));
        }
    };

    private final BookshelfHandler handler;

    private RestProxyTransport(BookshelfHandler handler) {
        this.handler = handler;
    }

    @Override
    public HttpAnswer send(HttpCall call) {
        String requestId = UUID.randomUUID().toString();
        byte[] event = RestProxyEvents.event(call, requestId).toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new dev.bookshelf.lambda.local.LocalContext(UUID.randomUUID().toString(), 30_000));
            return answer(RestProxyEvents.JSON.readTree(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("the handler failed on " + call, e);
        }
    }

    /** What API Gateway makes of a proxy response: both header maps merged, the body decoded. */
    static HttpAnswer answer(JsonNode response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("multiValueHeaders").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        });
        response.path("headers").fields().forEachRemaining(h -> {
            boolean known = headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(h.getKey()));
            if (!known) {
                headers.put(h.getKey(), List.of(h.getValue().asText()));
            }
        });
        JsonNode body = response.path("body");
        byte[] bytes = body.isTextual()
                ? (response.path("isBase64Encoded").asBoolean()
                        ? Base64.getDecoder().decode(body.asText())
                        : body.asText().getBytes(StandardCharsets.UTF_8))
                : new byte[0];
        return new HttpAnswer(response.path("statusCode").asInt(), headers, bytes);
    }

    /** The service is the handler's; it is left to the garbage collector like a frozen container's. */
    @Override
    public void close() {
    }
}

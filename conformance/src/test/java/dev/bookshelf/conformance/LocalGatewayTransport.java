package dev.bookshelf.conformance;

import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.FrontDoor;
import dev.bookshelf.lambda.local.LocalGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lambda function behind the local gateway (the development command), reached over loopback
 * HTTP exactly like the Vert.x server: the gateway turns each request into a REST proxy event.
 * {@link #mapped} puts it behind a custom domain's base-path mapping, with no {@code BASE_PATH}:
 * the client sends every path under the mapping, and the answers must be those of the server
 * reached without one ({@code Location}, which the handler puts under the mapping, read as the
 * API path it names).
 */
final class LocalGatewayTransport implements Transport {
    static final Transport.Factory FACTORY = factory(FrontDoor.REST, "");

    /** Behind {@code --base-path basePath} (e.g. {@code /api}), events of {@code door}'s kind. */
    static Transport.Factory mapped(FrontDoor door, String basePath) {
        return factory(door, basePath);
    }

    private static Transport.Factory factory(FrontDoor door, String basePath) {
        return new Transport.Factory() {
            @Override
            public String name() {
                return basePath.isEmpty() ? "local-gateway" : "local-gateway-" + door + basePath.replace('/', '-');
            }

            @Override
            public Transport start(Map<String, String> env) {
                PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                try {
                    LocalGateway gateway = LocalGateway.start(BookshelfHandler.forEnvironment(env, log), 0, door,
                            "prod", basePath);
                    return new LocalGatewayTransport(gateway, basePath);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private final LocalGateway gateway;
    private final String basePath;

    private LocalGatewayTransport(LocalGateway gateway, String basePath) {
        this.gateway = gateway;
        this.basePath = basePath;
    }

    @Override
    public HttpAnswer send(HttpCall call) {
        HttpCall onTheDomain = basePath.isEmpty() ? call
                : new HttpCall(call.method(), basePath + call.rawPath(), call.rawQuery(), call.headers(), call.body());
        return relativeToTheApi(RawHttpClient.send(gateway.port(), onTheDomain));
    }

    /**
     * The answer as the server's client would read it: a {@code Location} the handler put under
     * the mapping ({@code /api/books/1}) is compared as the API path it names ({@code /books/1}).
     * One that is not under the mapping is marked so, and fails the comparison.
     */
    private HttpAnswer relativeToTheApi(HttpAnswer answer) {
        List<String> locations = answer.header("Location");
        if (basePath.isEmpty() || locations.isEmpty()) {
            return answer;
        }
        Map<String, List<String>> headers = new TreeMap<>(answer.headers());
        headers.put("location", locations.stream()
                .map(l -> l.startsWith(basePath + "/") ? l.substring(basePath.length()) : "(not under " + basePath + ") " + l)
                .toList());
        return new HttpAnswer(answer.status(), headers, answer.body());
    }

    @Override
    public void close() {
        gateway.close();
    }
}

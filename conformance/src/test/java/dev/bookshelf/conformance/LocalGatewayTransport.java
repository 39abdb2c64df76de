package dev.bookshelf.conformance;

import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.FrontDoor;
import dev.bookshelf.lambda.local.LocalGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Lambda function behind the local gateway (the development command), reached over loopback
 * HTTP exactly like the Vert.x server: the gateway turns each request into a REST proxy event.
 * {@link #mapped} puts it behind a custom domain's base-path mapping, with no {@code BASE_PATH}:
 * the client sends every path under the mapping, and the answers must be those of the server
 * reached without one.
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
        return RawHttpClient.send(gateway.port(), onTheDomain);
    }

    @Override
    public void close() {
        gateway.close();
    }
}

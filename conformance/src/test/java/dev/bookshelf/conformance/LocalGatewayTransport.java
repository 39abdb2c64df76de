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
 */
final class LocalGatewayTransport implements Transport {
    static final Transport.Factory FACTORY = new Transport.Factory() {
        @Override
        public String name() {
            return "local-gateway";
        }

        @Override
        public Transport start(Map<String, String> env) {
            PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            try {
                LocalGateway gateway = LocalGateway.start(BookshelfHandler.forEnvironment(env, log), 0, FrontDoor.REST, "prod");
                return new LocalGatewayTransport(gateway);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final LocalGateway gateway;

    private LocalGatewayTransport(LocalGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public HttpAnswer send(HttpCall call) {
        return RawHttpClient.send(gateway.port(), call);
    }

    @Override
    public void close() {
        gateway.close();
    }
}

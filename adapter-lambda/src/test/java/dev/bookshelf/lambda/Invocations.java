package dev.bookshelf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs events through {@link BookshelfHandler#handleRequest} with byte streams, as the Lambda runtime does. */
final class Invocations {
    /** A valid development environment; bcrypt at its cheapest so tests stay fast. */
    static final Map<String, String> ENV = Map.of(
            "BCRYPT_COST", "4",
            "TOKEN_SECRET", "test-only-secret-0123456789abcdef0123456789");

    private Invocations() {
    }

    /** A fixture of {@code src/test/resources/dev/bookshelf/lambda/}, with {@code ${NAME}} replaced. */
    static String fixture(String name, Map<String, String> vars) {
        String text = fixture(name);
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text;
    }

    static String fixture(String name) {
        try (InputStream in = Invocations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProxyResponse invoke(BookshelfHandler handler, String event) {
        return invoke(handler, event.getBytes(StandardCharsets.UTF_8), StubContext.withRequestId("lambda-invocation-1"));
    }

    static ProxyResponse invoke(BookshelfHandler handler, byte[] event, Context context) {
        return ProxyResponse.parse(invokeRaw(handler, event, context));
    }

    static byte[] invokeRaw(BookshelfHandler handler, byte[] event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package dev.bookshelf.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real {@link BookshelfHttpServer} on an ephemeral loopback port, with its log captured.
 * Configured the way the tests need it: cheap bcrypt, the local web client's origin allowed.
 */
final class TestServer implements AutoCloseable {
    static final String ORIGIN = "http://127.0.0.1:5173";
    static final long WAIT_SECONDS = 30;

    private final BookshelfHttpServer server;
    private final ByteArrayOutputStream logBytes;

    private TestServer(BookshelfHttpServer server, ByteArrayOutputStream logBytes) {
        this.server = server;
        this.logBytes = logBytes;
    }

    static Map<String, String> env(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "HOST", "127.0.0.1",
                "PORT", "0",
                "MANAGEMENT_PORT", "0",
                "BCRYPT_COST", "4",
                "CORS_ALLOWED_ORIGINS", ORIGIN));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    /** Starts a server with the test environment plus {@code overrides} (name, value, name, value...). */
    static TestServer start(String... overrides) throws Exception {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        BookshelfHttpServer server = BookshelfHttpServer.start(HttpConfig.fromEnv(env(overrides)), log)
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return new TestServer(server, logBytes);
    }

    BookshelfHttpServer server() {
        return server;
    }

    int port() {
        return server.port();
    }

    URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port() + target);
    }

    Client client() {
        return new Client(this);
    }

    String log() {
        synchronized (logBytes) {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stops gracefully, failing when the stop does not complete within {@value #WAIT_SECONDS} s. */
    void stop() throws ExecutionException, TimeoutException {
        try {
            server.stop().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the server", e);
        }
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        stop();
    }
}

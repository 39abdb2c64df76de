package dev.bookshelf.http.hostile;

import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.http.BookshelfHttpServer;
import dev.bookshelf.http.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real Vert.x server on 127.0.0.1 and an ephemeral port, its log captured, stopped by {@link #close()}. */
final class LiveServer implements AutoCloseable {
    private final BookshelfHttpServer server;
    private final ByteArrayOutputStream log;

    private LiveServer(BookshelfHttpServer server, ByteArrayOutputStream log) {
        this.server = server;
        this.log = log;
    }

    /** Starts with the API tests' base environment (cheap bcrypt, fixed secret) plus {@code overrides}. */
    static LiveServer start(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(ApiFixture.baseEnv());
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("MANAGEMENT_PORT", "0");
        env.put("SHUTDOWN_GRACE_SECONDS", "1");
        env.putAll(overrides);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            BookshelfHttpServer server = BookshelfHttpServer.start(HttpConfig.fromEnv(env), out)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new LiveServer(server, bytes);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    RawHttp http() {
        return new RawHttp(server.port());
    }

    /** Everything the server logged so far. */
    String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}

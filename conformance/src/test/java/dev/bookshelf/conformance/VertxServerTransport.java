package dev.bookshelf.conformance;

import dev.bookshelf.http.BookshelfHttpServer;
import dev.bookshelf.http.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The standalone server: {@link BookshelfHttpServer} on 127.0.0.1 (an ephemeral port), reached
 * with {@link HttpClient} over HTTP/1.1, as a browser or curl would reach it; a target that
 * {@link URI} refuses (a malformed percent-escape) and {@code Expect: 100-continue} go through
 * {@link RawHttpClient} instead.
 */
final class VertxServerTransport implements Transport {
    static final Transport.Factory FACTORY = new Transport.Factory() {
        @Override
        public String name() {
            return "vertx";
        }

        @Override
        public Transport start(Map<String, String> env) {
            return VertxServerTransport.start(env);
        }
    };

    /** Shared by every server of the run: the JDK client has no close() and keeps a selector thread. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final BookshelfHttpServer server;
    private final URI base;

    private VertxServerTransport(BookshelfHttpServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    /** The settings as given, plus what only a server has: loopback, a free port, no drain wait. */
    static VertxServerTransport start(Map<String, String> env) {
        Map<String, String> serverEnv = new HashMap<>(env);
        serverEnv.put("HOST", "127.0.0.1");
        serverEnv.put("PORT", "0");
        serverEnv.put("MANAGEMENT_PORT", "0");
        serverEnv.put("SHUTDOWN_GRACE_SECONDS", "0");
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            return new VertxServerTransport(BookshelfHttpServer.start(HttpConfig.fromEnv(serverEnv), log)
                    .toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not start", e);
        }
    }

    @Override
    public HttpAnswer send(HttpCall call) {
        URI uri;
        try {
            uri = URI.create(base + call.target());
        } catch (IllegalArgumentException refusedByJavaNet) {
            return RawHttpClient.send(server.port(), call);
        }
        if (call.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Expect"))) {
            return RawHttpClient.send(server.port(), call);
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(BOUND)
                .method(call.method(), body);
        call.headers().forEach(h -> request.header(h.name(), h.value()));
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop().toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not stop", e);
        }
    }
}

package dev.bookshelf.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal AWS Lambda Runtime API (2018-06-01) on 127.0.0.1 for one runtime process: hands out
 * queued events on {@code GET /runtime/invocation/next} with the {@code Lambda-Runtime-*} headers,
 * and records what comes back on {@code .../response}, {@code .../error} and
 * {@code /runtime/init/error}, with the {@link System#nanoTime()} it arrived at. A {@code next}
 * with nothing queued waits (as Lambda's does) until an event is offered or the server closes.
 */
public final class LocalRuntimeApi implements AutoCloseable {
    static final String PREFIX = "/2018-06-01/runtime/";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:bookshelf-bench";
    private static final long DEADLINE_MS = 30_000;
    private static final Outcome CLOSED = new Outcome("closed", null, new byte[0], 0, 0);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private volatile long firstNextNanos;
    private volatile boolean closed;

    /** What the runtime posted: {@code response}, {@code error} or {@code init-error}. */
    public record Outcome(String kind, String requestId, byte[] body, long receivedNanos, long nextNanos) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private LocalRuntimeApi(HttpServer server) {
        this.server = server;
        server.createContext(PREFIX, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Listens on an ephemeral loopback port. */
    public static LocalRuntimeApi start() throws IOException {
        return new LocalRuntimeApi(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one invocation. */
    public void offer(byte[] event) {
        events.add(event);
    }

    /** The next outcome posted by the runtime, or {@code null} after {@code timeoutMs}. */
    public Outcome await(long timeoutMs) throws InterruptedException {
        Outcome o = outcomes.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return o == CLOSED ? null : o;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath().substring(PREFIX.length());
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(ex);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                record(ex, "response", path.substring("invocation/".length(), path.length() - "/response".length()));
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                record(ex, "error", path.substring("invocation/".length(), path.length() - "/error".length()));
            } else if (method.equals("POST") && path.equals("init/error")) {
                record(ex, "init-error", null);
            } else {
                send(ex, 404, "{\"errorMessage\":\"unknown path\",\"errorType\":\"InvalidRequest\"}");
            }
        } finally {
            ex.close();
        }
    }

    private void next(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        if (firstNextNanos == 0) {
            firstNextNanos = now;
        }
        byte[] event = null;
        try {
            while (event == null && !closed) {
                event = events.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (event == null) {
            send(ex, 500, "{\"errorMessage\":\"shutting down\",\"errorType\":\"ServiceException\"}");
            return;
        }
        String id = UUID.randomUUID().toString();
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", id);
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + DEADLINE_MS));
        h.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        h.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                + "-" + id.replace("-", "").substring(0, 24) + ";Parent=0123456789abcdef;Sampled=0");
        ex.sendResponseHeaders(200, event.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(event);
        }
    }

    private void record(HttpExchange ex, String kind, String requestId) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        long received = System.nanoTime();
        outcomes.add(new Outcome(kind, requestId, body, received, firstNextNanos));
        send(ex, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        outcomes.add(CLOSED);
        server.stop(0);
        threads.shutdownNow();
    }
}

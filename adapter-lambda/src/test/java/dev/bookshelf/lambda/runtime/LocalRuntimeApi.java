package dev.bookshelf.lambda.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local implementation of the AWS Lambda Runtime API (version 2018-06-01), enough to run a
 * function under the real runtime interface client: the client long-polls
 * {@code GET /2018-06-01/runtime/invocation/next} for queued events and posts each answer to
 * {@code /runtime/invocation/{id}/response} or {@code /error}, or an initialisation failure to
 * {@code /runtime/init/error}. Serves 127.0.0.1 on a free port; start the runtime client with
 * {@code AWS_LAMBDA_RUNTIME_API=}{@link #address()}. Every wait is bounded.
 *
 * <pre>
 * try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
 *     String id = api.enqueue(eventBytes);
 *     // start the function's process with AWS_LAMBDA_RUNTIME_API=api.address()
 *     LocalRuntimeApi.Result result = api.awaitResult(id, Duration.ofSeconds(30));
 * }
 * </pre>
 */
public final class LocalRuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:bookshelf";
    private static final long POLL_MILLIS = 100;

    /** An answer of the function: its body, and whether it was posted to {@code /error}. */
    public record Result(String requestId, boolean error, String errorType, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the runtime client posted to {@code /runtime/init/error}. */
    public record InitError(String errorType, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Queued(String requestId, byte[] event, long deadlineMillis) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile boolean closed;

    private LocalRuntimeApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1 and a free port. */
    public static LocalRuntimeApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-runtime-api");
            t.setDaemon(true);
            return t;
        });
        LocalRuntimeApi api = new LocalRuntimeApi(server, executor);
        server.createContext("/", api::exchange);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event with a 30 s deadline; returns its request id. */
    public String enqueue(byte[] event) {
        return enqueue(event, Duration.ofSeconds(30));
    }

    /** Queues an event for the next poll, with the given time to the deadline; returns its request id. */
    public String enqueue(byte[] event, Duration timeout) {
        String id = UUID.randomUUID().toString();
        results.put(id, new CompletableFuture<>());
        queue.add(new Queued(id, event.clone(), System.currentTimeMillis() + timeout.toMillis()));
        return id;
    }

    /** The function's answer to the event {@code requestId}, waiting at most {@code timeout}. */
    public Result awaitResult(String requestId, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Result> result = results.get(requestId);
        if (result == null) {
            throw new IllegalArgumentException("No event was queued with id " + requestId);
        }
        return await(result, timeout);
    }

    /** The initialisation error the runtime client reported, waiting at most {@code timeout}. */
    public InitError awaitInitError(Duration timeout) throws TimeoutException, InterruptedException {
        return await(initError, timeout);
    }

    /** How many times the runtime client has asked for the next event. */
    public int polls() {
        return polls.get();
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout)
            throws TimeoutException, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
                next(ex);
            } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                initError.complete(new InitError(errorType(ex), ex.getRequestBody().readAllBytes()));
                accepted(ex);
            } else if (method.equals("POST") && path.startsWith(PREFIX + "invocation/")) {
                answer(ex, path.substring((PREFIX + "invocation/").length()));
            } else {
                reply(ex, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    /** Long poll: answers with the next queued event, polling in short steps until closed. */
    private void next(HttpExchange ex) throws IOException {
        polls.incrementAndGet();
        Queued event = null;
        try {
            while (event == null && !closed) {
                event = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (event == null) {
            reply(ex, 500, "{\"errorMessage\":\"Runtime API closed\",\"errorType\":\"Closed\"}");
            return;
        }
        ex.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", event.requestId());
        ex.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineMillis()));
        ex.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        ex.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                        + event.requestId().replace("-", "").substring(0, 24) + ";Parent=0000000000000001;Sampled=0");
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, event.event().length);
        ex.getResponseBody().write(event.event());
    }

    private void answer(HttpExchange ex, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        CompletableFuture<Result> result = results.get(id);
        if (result == null || !(kind.equals("response") || kind.equals("error"))) {
            reply(ex, 400, "{\"errorMessage\":\"Unknown invocation\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        boolean error = kind.equals("error");
        result.complete(new Result(id, error, error ? errorType(ex) : null, ex.getRequestBody().readAllBytes()));
        accepted(ex);
    }

    private static String errorType(HttpExchange ex) {
        List<String> type = ex.getRequestHeaders().get("Lambda-Runtime-Function-Error-Type");
        return type == null || type.isEmpty() ? null : type.get(0);
    }

    private static void accepted(HttpExchange ex) throws IOException {
        reply(ex, 202, "{\"status\":\"OK\"}");
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }
}

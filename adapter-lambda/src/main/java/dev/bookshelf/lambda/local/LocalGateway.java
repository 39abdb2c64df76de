package dev.bookshelf.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.lambda.BookshelfHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the Lambda handler on a loopback port for development, with the JDK's HTTP server: each
 * HTTP request becomes the event an AWS front door would send ({@link GatewayEvents}), the handler
 * answers it as it does in Lambda, and its answer becomes the HTTP response
 * ({@link GatewayResponse}). One event at a time, like one Lambda container.
 *
 * <pre>
 * java -cp adapter-lambda/target/bookshelf-lambda.jar dev.bookshelf.lambda.local.LocalGateway \
 *      [--port 3000] [--payload 1.0|2.0] [--kind rest|http-api|function-url|alb|alb-multi-value] [--stage local]
 *      [--base-path /api]
 * </pre>
 * {@code --base-path} emulates a custom domain whose base-path mapping points at the API (REST and
 * HTTP API only): requests outside it are refused as API Gateway refuses them, and the events carry
 * the mapping in their path as API Gateway's do.
 * Configuration is the environment, as in Lambda ({@code CORS_ALLOWED_ORIGINS}, {@code BASE_PATH}, ...).
 */
public final class LocalGateway implements AutoCloseable {
    /** API Gateway's own payload limit; a larger request never reaches the function. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    /** API Gateway's integration timeout: the most a function gets for one request. */
    static final long TIMEOUT_MILLIS = 29_000;
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection");

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestStreamHandler handler;
    private final FrontDoor frontDoor;
    private final String stage;
    private final String basePath;

    private LocalGateway(HttpServer server, ExecutorService executor, RequestStreamHandler handler, FrontDoor frontDoor,
                         String stage, String basePath) {
        this.basePath = basePath;
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.frontDoor = frontDoor;
        this.stage = stage;
    }

    /** Starts serving {@code handler} on 127.0.0.1:{@code port} (0: any free port). */
    public static LocalGateway start(RequestStreamHandler handler, int port, FrontDoor frontDoor, String stage)
            throws IOException {
        return start(handler, port, frontDoor, stage, "");
    }

    /**
     * As {@link #start(RequestStreamHandler, int, FrontDoor, String)}, behind a custom domain whose
     * base-path mapping {@code basePath} ({@code /api}; empty: none) points at the API.
     *
     * @throws IllegalArgumentException when the front door has no base-path mappings or the base
     *                                  path is not {@code /segment[/segment...]}
     */
    public static LocalGateway start(RequestStreamHandler handler, int port, FrontDoor frontDoor, String stage,
                                     String basePath) throws IOException {
        String mapping = Options.basePath(basePath, frontDoor);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "local-gateway");
            t.setDaemon(true);
            return t;
        });
        LocalGateway gateway = new LocalGateway(server, executor, handler, frontDoor, stage, mapping);
        server.createContext("/", gateway::exchange);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FrontDoor frontDoor() {
        return frontDoor;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        BookshelfHandler handler;
        try {
            handler = BookshelfHandler.forEnvironment(System.getenv(), System.out);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        LocalGateway gateway = start(handler, options.port(), options.frontDoor(), options.stage(), options.basePath());
        System.err.println("Bookshelf local gateway (" + options.frontDoor() + ", stage " + options.stage()
                + ") on http://127.0.0.1:" + gateway.port() + options.basePath() + "/");
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = readAtMost(ex.getRequestBody(), MAX_REQUEST_BYTES);
            if (body == null) {
                sendGatewayError(ex, 413, "Request Too Long");
                return;
            }
            if (!GatewayEvents.isUnder(ex.getRequestURI().getRawPath(), basePath)) {
                // A custom domain answers a path that no base-path mapping covers itself.
                sendGatewayError(ex, 403, "Forbidden");
                return;
            }
            byte[] event;
            try {
                event = frontDoor.event(clientRequest(ex, body), stage, basePath);
            } catch (RuntimeException e) {
                sendGatewayError(ex, 400, "Bad Request");
                return;
            }
            GatewayResponse response;
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), out,
                        new LocalContext(UUID.randomUUID().toString(), TIMEOUT_MILLIS));
                response = GatewayResponse.parse(out.toByteArray());
            } catch (IOException | RuntimeException e) {
                System.err.println("The handler failed: " + e);
                sendGatewayError(ex, 502, "Internal server error");
                return;
            }
            send(ex, response);
        }
    }

    private static ClientRequest clientRequest(HttpExchange ex, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        ex.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        return new ClientRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(), headers, body,
                ex.getRemoteAddress().getAddress().getHostAddress(), null);
    }

    private static void send(HttpExchange ex, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                ex.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean noBody = body.length == 0 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            ex.getResponseBody().write(body);
        }
    }

    /** An answer of the gateway itself, as API Gateway words them: {@code {"message": "..."}}. */
    private static void sendGatewayError(HttpExchange ex, int status, String message) throws IOException {
        byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** The whole stream, or null when it holds more than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    /** Command-line options. */
    record Options(int port, FrontDoor frontDoor, String stage, String basePath) {
        static final String USAGE = "usage: LocalGateway [--port 3000] [--payload 1.0|2.0]"
                + " [--kind rest|http-api|function-url|alb|alb-multi-value] [--stage NAME] [--base-path /api]";

        static Options parse(String[] args) {
            int port = 3000;
            FrontDoor door = FrontDoor.REST;
            String stage = null;
            String basePath = "";
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException("Missing value after " + args[i]);
                }
                switch (args[i++]) {
                    case "--port" -> port = port(value);
                    case "--payload" -> door = switch (value) {
                        case "1.0" -> FrontDoor.REST;
                        case "2.0" -> FrontDoor.HTTP_API;
                        default -> throw new IllegalArgumentException("--payload must be 1.0 or 2.0");
                    };
                    case "--kind" -> door = frontDoor(value);
                    case "--stage" -> stage = value;
                    case "--base-path" -> basePath = value;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i - 1]);
                }
            }
            return new Options(port, door, stage == null ? door.defaultStage() : stage, basePath(basePath, door));
        }

        /** {@code /api} or {@code /v1/shelf} (a trailing slash dropped), or empty for none. */
        static String basePath(String value, FrontDoor door) {
            String mapping = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            if (mapping.isEmpty()) {
                return "";
            }
            if (!mapping.matches("(/[A-Za-z0-9._~-]+)+")) {
                throw new IllegalArgumentException("--base-path must look like /segment[/segment...] (got '"
                        + value + "')");
            }
            if (!door.mapsBasePaths()) {
                throw new IllegalArgumentException("--base-path emulates an API Gateway custom domain: only with"
                        + " --kind rest or http-api (a " + door + " has no base-path mappings; set BASE_PATH)");
            }
            return mapping;
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("--port must be between 0 and 65535");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number");
            }
        }

        private static FrontDoor frontDoor(String value) {
            try {
                return FrontDoor.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kind must be rest, http-api, function-url, alb or alb-multi-value");
            }
        }
    }
}

package dev.bookshelf.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The server the Vert.x adapter is compared with: one Vert.x {@code HttpServer} with the adapter's
 * options, answering every request with the same status, headers and body that Bookshelf gave for
 * {@code GET /books/{id}} (less the framing headers {@code content-length} and {@code connection},
 * which Vert.x writes itself; a fresh {@code X-Request-Id} each time, as Bookshelf does), without any
 * of our layers. {@code MinimalServer <port> <responseFile> [eventLoops]}; the file is written by
 * {@link Throughput} ({@code status}, then {@code name: value} lines, a blank line, the body).
 */
public final class MinimalServer {
    private MinimalServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] spec = Files.readAllBytes(Path.of(args[1]));
        int split = indexOf(spec, "\n\n".getBytes(StandardCharsets.US_ASCII));
        List<String> head = List.of(new String(spec, 0, split, StandardCharsets.UTF_8).split("\n"));
        int status = Integer.parseInt(head.get(0).trim());
        List<String[]> headers = new ArrayList<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("connection")) {
                headers.add(new String[] {name, line.substring(colon + 1).trim()});
            }
        }
        Buffer body = Buffer.buffer(java.util.Arrays.copyOfRange(spec, split + 2, spec.length));
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Vertx vertx = Vertx.vertx();
        // as the adapter does: one server per event loop, sharing the port (a negative port shares a random one)
        vertx.deployVerticle(() -> context -> vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                                .setPort(port).setMaxHeaderSize(16 * 1024).setCompressionSupported(true))
                        .requestHandler(req -> {
                            var response = req.response().setStatusCode(status);
                            MultiMap out = response.headers();
                            for (String[] h : headers) {
                                out.add(h[0], h[0].equalsIgnoreCase("x-request-id") ? UUID.randomUUID().toString() : h[1]);
                            }
                            response.end(body);
                        })
                        .listen(), new DeploymentOptions().setInstances(instances))
                .onSuccess(s -> System.out.println("listening on " + port + " with " + instances + " event loop(s)"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no blank line in the response file");
    }
}

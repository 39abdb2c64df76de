package dev.bookshelf.http;

import dev.bookshelf.api.config.ConfigException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the server from environment variables until SIGTERM/SIGINT, then stops gracefully and
 * exits with status 0 (1 when the stop did not finish in time). Exits with status 2 and a
 * readable message when the configuration is invalid, 1 when the server cannot start.
 */
public final class HttpMain {
    static final int INVALID_CONFIGURATION = 2;
    static final int FAILED = 1;

    private HttpMain() {
    }

    public static void main(String[] args) {
        HttpConfig config;
        try {
            config = HttpConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(INVALID_CONFIGURATION);
            return;
        }
        BatchedLog log = new BatchedLog(new FileOutputStream(FileDescriptor.out));
        BookshelfHttpServer server;
        try {
            server = BookshelfHttpServer.start(config, log.stream()).toCompletableFuture().join();
        } catch (CompletionException e) {
            log.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean invalid = cause instanceof ConfigException;
            System.err.println(invalid ? cause.getMessage() : "Could not start the server: " + cause.getMessage());
            System.exit(invalid ? INVALID_CONFIGURATION : FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndHalt(server, config, log), "bookshelf-shutdown"));
        System.err.print(banner(server, config));
        System.err.flush();
    }

    /** For the person who started it (standard error; standard output carries the JSON log lines). */
    static String banner(BookshelfHttpServer server, HttpConfig config) {
        StringBuilder b = new StringBuilder("Bookshelf is running (store " + config.settings().store() + "):\n");
        b.append("  API       ").append(server.apiUrl()).append('\n');
        if (server.webUrl() != null) {
            b.append("  web page  ").append(server.webUrl()).append('\n');
        }
        if (server.metricsUrl() != null) {
            b.append("  metrics   ").append(server.metricsUrl()).append('\n');
        }
        return b.toString();
    }

    /**
     * Runs in the shutdown hook, which only a signal can start here (nothing else ends this JVM
     * once it serves). Halting with the outcome of the stop makes SIGTERM a clean exit (0)
     * instead of the JVM's 128 + signal.
     */
    private static void stopAndHalt(BookshelfHttpServer server, HttpConfig config, BatchedLog log) {
        int status = FAILED;
        try {
            server.stop().toCompletableFuture().get(config.shutdownGrace().toSeconds() + 5, TimeUnit.SECONDS);
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            System.err.println("The server did not stop cleanly: " + e);
        }
        log.close();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}

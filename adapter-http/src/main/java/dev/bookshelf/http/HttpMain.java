package dev.bookshelf.http;

import dev.bookshelf.api.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server from environment variables until SIGTERM/SIGINT, then stops gracefully.
 * Exits with status 2 and a readable message when the configuration is invalid.
 */
public final class HttpMain {
    private HttpMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        HttpConfig config;
        try {
            config = HttpConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BookshelfHttpServer server;
        try {
            server = BookshelfHttpServer.start(config, System.out).toCompletableFuture().join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("Could not start the server: " + cause.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop().toCompletableFuture().whenComplete((v, e) -> stopped.countDown());
            try {
                stopped.await(config.shutdownGrace().toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "bookshelf-shutdown"));
    }
}

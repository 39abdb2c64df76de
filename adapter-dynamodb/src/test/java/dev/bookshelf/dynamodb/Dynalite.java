package dev.bookshelf.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dynalite server (in memory, 127.0.0.1, a free port chosen by the server) run with {@code node}
 * as a child process. It stops on {@link #stop()}, on JVM shutdown, and by itself when its
 * standard input closes, so even a killed JVM leaves no server behind. Public (and in this module's
 * test-jar) for the conformance suite's {@code STORE=dynamodb} run and the benchmarks.
 */
public final class Dynalite implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("dynalite listening on (\\d+)");
    private static final long START_BOUND_SECONDS = 60;

    private final Process process;
    private final Thread shutdownHook;
    private final URI endpoint;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the server from the directory where the build installed it (system property dynalite.dir). */
    public static Dynalite start() {
        return start(Path.of(System.getProperty("dynalite.dir", "target/dynalite")));
    }

    /**
     * Starts the server from {@code dir}, where {@code npm ci} installed it (the benchmarks use the
     * source tree's {@code src/test/dynalite}, as {@code bin/local-dynamodb} does).
     */
    public static Dynalite start(Path dir) {
        if (!Files.isRegularFile(dir.resolve("node_modules/dynalite/package.json"))) {
            throw new IllegalStateException("dynalite is not installed in " + dir.toAbsolutePath()
                    + "; run the Maven build, or npm ci --ignore-scripts there");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "server.js", "0")).directory(dir.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (is Node.js 20+ on the PATH?)", e);
        }
        try {
            return new Dynalite(process, awaitPort(process));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static int awaitPort(Process process) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> drain(process, port, output), "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(START_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dynalite started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dynalite did not start within " + START_BOUND_SECONDS
                    + " s; its output:\n" + output, e);
        }
    }

    private static void drain(Process process, CompletableFuture<Integer> port, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    port.complete(Integer.parseInt(ready.group(1)));
                } else {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (port.isDone()) {
                        System.err.println("[dynalite] " + line);
                    }
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("dynalite exited"));
    }

    public URI endpoint() {
        return endpoint;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the process is being destroyed anyway
        }
    }

    @Override
    public void close() {
        stop();
    }
}

package dev.bookshelf.http;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's log stream: lines are collected in a buffer and written in batches, at most
 * {@link #FLUSH_MILLIS} after they were logged (and whenever the buffer fills), instead of one
 * system call per request on the event loops. {@link #close} writes whatever is left.
 */
final class BatchedLog implements AutoCloseable {
    static final long FLUSH_MILLIS = 100;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final PrintStream stream;
    private final ScheduledExecutorService flusher;

    BatchedLog(OutputStream out) {
        this.stream = new PrintStream(new BufferedOutputStream(out, BUFFER_BYTES), false, StandardCharsets.UTF_8);
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "bookshelf-log-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(stream::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    PrintStream stream() {
        return stream;
    }

    /** Stops the periodic writes and writes what is left. */
    @Override
    public void close() {
        flusher.shutdownNow();
        stream.flush();
    }
}

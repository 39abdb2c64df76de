package dev.bookshelf.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's log stream: each thread collects its lines in a buffer of its own, written out in
 * batches, at most {@link #FLUSH_MILLIS} after they were logged (and whenever a thread's buffer
 * fills), instead of one system call per request. The event loops never write to memory another
 * loop writes (one shared buffer and its lock were a cache line passed from core to core at each
 * request). What one call writes arrives whole; lines of different threads keep their order
 * within each thread. {@link #close} writes whatever is left.
 */
final class BatchedLog implements AutoCloseable {
    static final long FLUSH_MILLIS = 100;
    static final int BUFFER_BYTES = 32 * 1024;

    private final OutputStream sink;
    private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Chunk> own = ThreadLocal.withInitial(this::newChunk);
    private final PrintStream stream;
    private final ScheduledExecutorService flusher;

    BatchedLog(OutputStream out) {
        this.sink = out;
        this.stream = new PerThread();
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

    private Chunk newChunk() {
        Chunk c = new Chunk();
        chunks.add(c);
        return c;
    }

    /** Writes to the real stream, one thread at a time. Standard output gone: the lines are lost, the service goes on. */
    private void writeOut(byte[] bytes, int offset, int length) {
        synchronized (sink) {
            try {
                sink.write(bytes, offset, length);
            } catch (IOException e) {
                // nowhere left to report it
            }
        }
    }

    /** One thread's lines not yet written; locked by its thread, and by a flush now and then. */
    private final class Chunk {
        private final byte[] bytes = new byte[BUFFER_BYTES];
        private int length;

        synchronized void append(byte[] b, int offset, int count) {
            if (count > bytes.length - length) {
                drain();
                if (count > bytes.length) {
                    writeOut(b, offset, count);
                    return;
                }
            }
            System.arraycopy(b, offset, bytes, length, count);
            length += count;
        }

        synchronized void drain() {
            if (length > 0) {
                writeOut(bytes, 0, length);
                length = 0;
            }
        }
    }

    /**
     * A {@link PrintStream} whose writes go to the calling thread's chunk without taking the
     * stream's lock (its text methods encode into these writes).
     */
    private final class PerThread extends PrintStream {
        PerThread() {
            super(sink, false, StandardCharsets.UTF_8);
        }

        @Override
        public void write(byte[] b, int offset, int count) {
            own.get().append(b, offset, count);
        }

        @Override
        public void write(int b) {
            own.get().append(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() {
            for (Chunk c : chunks) {
                c.drain();
            }
            synchronized (sink) {
                try {
                    sink.flush();
                } catch (IOException e) {
                    // as in writeOut
                }
            }
        }
    }
}

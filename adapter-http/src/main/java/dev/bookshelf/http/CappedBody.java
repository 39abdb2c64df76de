package dev.bookshelf.http;

import io.vertx.core.buffer.Buffer;

/**
 * A request body collected as it streams in, keeping at most {@code limit + 1} bytes: enough for
 * the dispatcher to tell that the body is over the limit, never more in memory.
 */
final class CappedBody {
    static final byte[] NONE = new byte[0];

    private final int limit;
    /** Made with the first chunk: most requests have none. */
    private Buffer bytes;

    CappedBody(int limit) {
        this.limit = limit;
    }

    void append(Buffer chunk) {
        if (bytes == null) {
            bytes = Buffer.buffer(Math.min(chunk.length(), limit + 1));
        }
        int room = limit + 1 - bytes.length();
        if (room <= 0) {
            return;
        }
        bytes.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
    }

    byte[] bytes() {
        return bytes == null ? NONE : bytes.getBytes();
    }
}

package dev.bookshelf.api;

import dev.bookshelf.api.json.LineBuffer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One JSON log line, built as UTF-8 bytes ({@link LineBuffer}) with member names encoded once
 * ({@link Key}): written on every request. Every line starts with its {@code time}.
 */
final class LogLine {
    private static final int CAPACITY = 512;
    /** Largest buffer a thread keeps after a line (a long error message grows it). */
    private static final int KEPT_CAPACITY = 8 * 1024;
    /**
     * Each thread's buffer, reused line after line instead of a new one per request. A line begun
     * while another is being built on the same thread finds the slot empty and makes its own.
     */
    private static final ThreadLocal<LineBuffer[]> KEPT = ThreadLocal.withInitial(() -> new LineBuffer[1]);

    private final LineBuffer b;
    /** The slot of the thread that began the line, which gets the buffer back once it is written. */
    private final LineBuffer[] kept;

    /** A member name as written after the previous member: {@code ,"name":}. */
    record Key(byte[] encoded) {
    }

    static Key key(String name) {
        return new Key((",\"" + name + "\":").getBytes(StandardCharsets.UTF_8));
    }

    private static final byte[] TIME = "{\"time\":\"".getBytes(StandardCharsets.UTF_8);

    /** A line whose first member is {@code "time":"<time>"} ({@code time} is ASCII). */
    LogLine(String time) {
        kept = KEPT.get();
        LineBuffer buffer = kept[0];
        if (buffer == null) {
            buffer = new LineBuffer(CAPACITY);
        } else {
            kept[0] = null;
            buffer.clear();
        }
        b = buffer;
        b.raw(TIME).ascii(time).ascii('"');
    }

    /** A string member; null is written as JSON null. */
    LogLine string(Key key, String value) {
        b.raw(key.encoded);
        if (value == null) {
            b.ascii("null");
        } else {
            b.quoted(value);
        }
        return this;
    }

    /**
     * A member whose value is known to need no escaping (an id {@code ApiRequest.isSafeId} accepted,
     * a validated trace id), or nothing when it is null.
     */
    LogLine safe(Key key, String value) {
        if (value != null) {
            b.raw(key.encoded).ascii('"').ascii(value).ascii('"');
        }
        return this;
    }

    /** A string member when {@code value} is not null; else nothing (the member is absent). */
    LogLine optional(Key key, String value) {
        return value == null ? this : string(key, value);
    }

    LogLine number(Key key, long value) {
        b.raw(key.encoded).number(value);
        return this;
    }

    /** Milliseconds with two decimals ({@code 12.05}) from nanoseconds. */
    LogLine millis(Key key, long nanos) {
        b.raw(key.encoded).millis(nanos);
        return this;
    }

    LogLine bool(Key key, boolean value) {
        b.raw(key.encoded).bool(value);
        return this;
    }

    /** Members already encoded, each after a comma ({@code ,"a":1,"b":"c"}), e.g. built once. */
    LogLine raw(byte[] members) {
        b.raw(members);
        return this;
    }

    /** Closes the line and writes it with one call. */
    void writeTo(PrintStream out) {
        try {
            b.writeLineTo(out);
        } finally {
            if (b.capacity() <= KEPT_CAPACITY) {
                kept[0] = b;
            }
        }
    }

    /** {@code ,"name":"value"}, escaped and encoded: for members built once. */
    static byte[] member(String name, String value) {
        return new LineBuffer(64).raw(key(name).encoded).quoted(value).toBytes();
    }
}

package dev.bookshelf.api.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * A JSON log line built directly as UTF-8 bytes, for lines written on every request (the request
 * log, Lambda's metric lines): no {@code StringBuilder}, no {@code String} of the whole line and
 * no second encoding pass, which are what such a line costs without a JIT's full optimisation.
 * Values are escaped by Jackson's encoder only when they need it. Not thread-safe; one per line.
 */
public final class LineBuffer {
    private static final long HUNDRED_MILLION = 100_000_000L;
    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes;
    private int length;

    public LineBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Empties it, keeping its array: for a buffer reused line after line. */
    public void clear() {
        length = 0;
    }

    public int capacity() {
        return bytes.length;
    }

    /** Bytes already encoded (constant parts, built once). */
    public LineBuffer raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    /** Text the caller knows is printable ASCII without {@code "} or {@code \}: copied as it is. */
    @SuppressWarnings("deprecation")
    public LineBuffer ascii(String text) {
        ensure(text.length());
        text.getBytes(0, text.length(), bytes, length);
        length += text.length();
        return this;
    }

    public LineBuffer ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** A JSON string: quoted, escaped when it needs to be, UTF-8. */
    public LineBuffer quoted(String value) {
        ascii('"');
        if (plain(value)) {
            ascii(value);
        } else {
            raw(JsonStringEncoder.getInstance().quoteAsUTF8(value));
        }
        return ascii('"');
    }

    public LineBuffer number(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return ascii(Long.toString(value));
            }
            ascii('-');
            return number(-value);
        }
        if (value < HUNDRED_MILLION) {
            return digits((int) value, 0);
        }
        // Two int halves (a timestamp in milliseconds: 17640 and 84000123): int divisions are cheaper.
        number(value / HUNDRED_MILLION);
        return digits((int) (value % HUNDRED_MILLION), 8);
    }

    /** {@code value} (below 10^8) in decimal, left-padded with zeros to {@code width} digits. */
    private LineBuffer digits(int value, int width) {
        int count = Math.max(width, digitCount(value));
        ensure(count);
        int at = length + count;
        int v = value;
        while (v >= 100) {
            int pair = (v % 100) * 2;
            v /= 100;
            bytes[--at] = PAIRS[pair + 1];
            bytes[--at] = PAIRS[pair];
        }
        bytes[--at] = (byte) ('0' + v % 10);
        if (v >= 10) {
            bytes[--at] = (byte) ('0' + v / 10);
        }
        while (at > length) {
            bytes[--at] = '0';
        }
        length += count;
        return this;
    }

    private static int digitCount(int v) {
        int count = 1;
        for (int limit = 10; count < 9 && v >= limit; limit *= 10) {
            count++;
        }
        return count;
    }

    /** Nanoseconds as milliseconds with two decimals ({@code 12.05}), rounded half up. */
    public LineBuffer millis(long nanos) {
        long hundredths = (Math.max(0, nanos) + 5_000) / 10_000;
        return number(hundredths / 100).ascii('.').digits((int) (hundredths % 100), 2);
    }

    public LineBuffer bool(boolean value) {
        return ascii(value ? "true" : "false");
    }

    /** Ends the line ({@code }\n}) and writes it with one call. */
    public void writeLineTo(PrintStream out) {
        ascii('}').ascii('\n');
        out.write(bytes, 0, length);
    }

    /** The bytes so far (for tests and for building constant parts). */
    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Printable ASCII without quote or backslash: nothing to escape. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}

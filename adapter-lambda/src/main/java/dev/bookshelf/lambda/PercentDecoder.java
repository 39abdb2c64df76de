package dev.bookshelf.lambda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the percent-escapes of a URL path exactly once, as UTF-8. A REST API event's
 * {@code path} arrives still percent-encoded ({@code /books/space%20value}). {@code +} is a
 * plus sign in a path, not a space. A {@code %} that does not start a valid escape is kept as
 * it is, and byte sequences that are not UTF-8 become U+FFFD, so decoding never fails: such a
 * path simply matches no route.
 */
final class PercentDecoder {
    private PercentDecoder() {
    }

    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int hi = i + 2 < in.length && in[i] == '%' ? hex(in[i + 1]) : -1;
            int lo = hi >= 0 ? hex(in[i + 2]) : -1;
            if (lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}

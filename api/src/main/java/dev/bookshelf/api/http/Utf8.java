package dev.bookshelf.api.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/** Whether bytes are well-formed UTF-8, as cheaply as the JDK allows: asked of bodies on every request. */
public final class Utf8 {
    /** Each thread's strict decoder and a small buffer it decodes into, chunk by chunk. */
    private static final ThreadLocal<StrictDecoder> DECODER = ThreadLocal.withInitial(StrictDecoder::new);

    private Utf8() {
    }

    /**
     * True for well-formed UTF-8: no overlong form, surrogate, code point past U+10FFFF or cut
     * sequence. The ASCII prefix needs one pass; from the first other byte on, the JDK's strict
     * decoder decides, into a reused buffer (no string is built: that cost twice as much on a
     * warm {@code POST /books} with a Korean title, measured).
     */
    public static boolean isWellFormed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        return i == bytes.length || DECODER.get().decodes(bytes, i);
    }

    private static final class StrictDecoder {
        /** {@code newDecoder()} reports malformed input (the default action), never replaces it. */
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        private final CharBuffer out = CharBuffer.allocate(1024);

        boolean decodes(byte[] bytes, int from) {
            decoder.reset();
            ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
            CoderResult result;
            do {
                out.clear();
                result = decoder.decode(in, out, true);
                if (result.isError()) {
                    return false;
                }
            } while (result.isOverflow());
            out.clear();
            return !decoder.flush(out).isError();
        }
    }
}

package dev.bookshelf.api.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Whether bytes are well-formed UTF-8, as cheaply as the JDK allows: asked of bodies on every request. */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * True for well-formed UTF-8: no overlong form, surrogate, code point past U+10FFFF or cut
     * sequence. ASCII needs one pass; otherwise the JDK's decoder, which replaces every malformed
     * sequence with U+FFFD, decides, and only text that really holds U+FFFD is decoded strictly.
     */
    public static boolean isWellFormed(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            ascii &= b >= 0;
        }
        return ascii || new String(bytes, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0 || decodesStrictly(bytes);
    }

    private static boolean decodesStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

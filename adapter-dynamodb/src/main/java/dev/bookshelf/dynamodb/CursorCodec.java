package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * List cursors: the position after the last book of a page, signed with HMAC-SHA256 over the
 * owner, the status filter and the position. A cursor that was altered, made up, or issued for
 * another owner or another filter fails with {@code InvalidInput} on field {@code cursor}.
 * Format: {@code base64url(timeKey "|" bookId) "." base64url(mac)}; readable, but not forgeable.
 */
final class CursorCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "bookshelf.list-cursor.v1".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** Where the next page starts: just after the book with this creation time key and id. */
    record Position(String timeKey, String bookId) {
    }

    CursorCodec(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        mac();
    }

    String write(String ownerId, ReadingStatus status, Position position) {
        byte[] payload = (position.timeKey() + "|" + position.bookId()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(ownerId, status, payload));
    }

    Position read(String ownerId, ReadingStatus status, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload = decode(cursor.substring(0, dot));
        byte[] signature = decode(cursor.substring(dot + 1));
        if (!MessageDigest.isEqual(signature, sign(ownerId, status, payload))) {
            throw invalid();
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        if (bar < 0 || !Schema.isTimeKey(text.substring(0, bar)) || bar == text.length() - 1) {
            throw invalid();
        }
        return new Position(text.substring(0, bar), text.substring(bar + 1));
    }

    /** Decodes canonical unpadded base64url only, so that one position has exactly one cursor. */
    private static byte[] decode(String part) {
        try {
            byte[] bytes = DECODER.decode(part);
            if (!ENCODER.encodeToString(bytes).equals(part)) {
                throw invalid();
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] sign(String ownerId, ReadingStatus status, byte[] payload) {
        Mac mac = mac();
        field(mac, PURPOSE);
        field(mac, ownerId.getBytes(StandardCharsets.UTF_8));
        field(mac, (status == null ? "" : status.name()).getBytes(StandardCharsets.UTF_8));
        field(mac, payload);
        return mac.doFinal();
    }

    private static void field(Mac mac, byte[] bytes) {
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static InvalidInput invalid() {
        return InvalidInput.of("cursor", FieldError.Code.INVALID_FORMAT);
    }
}

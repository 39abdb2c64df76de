package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final CursorCodec codec = new CursorCodec(KEY);
    private final CursorCodec.Position position =
            new CursorCodec.Position(Schema.timeKey(Instant.parse("2026-01-02T03:04:05.6Z")), "책-📚-id|with.bar");

    @Test
    void write_thenRead_returnsThePosition_evenForUnusualIds() {
        String cursor = codec.write("owner-1", ReadingStatus.READ, position);

        assertThat(codec.read("owner-1", ReadingStatus.READ, cursor)).isEqualTo(position);
        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void read_forAnotherOwnerOrFilterOrKey_isRefused() {
        String cursor = codec.write("owner-1", null, position);

        assertThatThrownBy(() -> codec.read("owner-2", null, cursor)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> codec.read("owner-1", ReadingStatus.READ, cursor)).isInstanceOf(InvalidInput.class);
        CursorCodec other = new CursorCodec("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> other.read("owner-1", null, cursor)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void read_ofOwnerAndFilterThatOnlyConcatenateAlike_isRefused() {
        String cursor = codec.write("owner-1R", ReadingStatus.READ, position);

        assertThatThrownBy(() -> codec.read("owner-1", ReadingStatus.READ, cursor)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void read_ofMalformedCursors_isRefused() {
        for (String cursor : new String[] {"", ".", "a.", ".a", "a.b.c", "@@@.@@@", "YQ.YQ", "not a cursor"}) {
            assertThatThrownBy(() -> codec.read("owner-1", null, cursor)).as(cursor).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void read_ofANonCanonicalEncodingOfAValidCursor_isRefused() {
        CursorCodec.Position shortId = new CursorCodec.Position(position.timeKey(), "b");
        String cursor = codec.write("owner-1", null, shortId);
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        char last = signature.charAt(signature.length() - 1);
        String alias = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alias.charAt(alias.indexOf(last) ^ 1);
        String twin = cursor.substring(0, cursor.length() - 1) + sibling;

        assertThat(java.util.Base64.getUrlDecoder().decode(twin.substring(twin.indexOf('.') + 1)))
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(signature));
        assertThatThrownBy(() -> codec.read("owner-1", null, twin)).isInstanceOf(InvalidInput.class);
    }
}

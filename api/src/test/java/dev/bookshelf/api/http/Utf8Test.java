package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void wellFormedText_includingAReplacementCharacterAndNul_isWellFormed() {
        assertThat(Utf8.isWellFormed(new byte[0])).isTrue();
        assertThat(Utf8.isWellFormed("plain \u0000 ascii".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isWellFormed("채식주의자 📚 \uFFFD".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void malformedSequences_areNot_evenNextToARealReplacementCharacter() {
        int[][] malformed = {{0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0x80}, {0xE2, 0x82},
            {0xFF}, {0xEF, 0xBF, 0xBD, 0xC3}};
        for (int[] b : malformed) {
            assertThat(Utf8.isWellFormed(bytes(b))).as(java.util.Arrays.toString(b)).isFalse();
        }
    }

    @Test
    void longText_isDecodedChunkByChunk_andAMalformedSequenceAfterManyChunksIsStillFound() {
        String korean = "채식주의자 ".repeat(2_000);
        byte[] good = (korean + "📚").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length - 1);

        assertThat(Utf8.isWellFormed(good)).isTrue();
        assertThat(Utf8.isWellFormed(bad)).as("a four-byte sequence cut at the end").isFalse();
        bad = good.clone();
        bad[good.length - 10] = (byte) 0xC0;
        assertThat(Utf8.isWellFormed(bad)).isFalse();
    }

    @Test
    void aMalformedSequenceAfterAnAsciiPrefix_isFound() {
        byte[] b = "ascii prefix then ".getBytes(StandardCharsets.US_ASCII);
        byte[] withOverlong = java.util.Arrays.copyOf(b, b.length + 2);
        withOverlong[b.length] = (byte) 0xC0;
        withOverlong[b.length + 1] = (byte) 0xAF;

        assertThat(Utf8.isWellFormed(withOverlong)).isFalse();
    }
}

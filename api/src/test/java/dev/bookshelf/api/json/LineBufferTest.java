package dev.bookshelf.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineBufferTest {
    private static String text(LineBuffer b) {
        return new String(b.toBytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "7,7", "10,10", "99,99", "100,100", "12345,12345", "99999999,99999999", "100000000,100000000",
        "100000007,100000007", "1764084000123,1764084000123", "1000000000000000000,1000000000000000000", "-42,-42",
        "-9223372036854775808,-9223372036854775808", "9223372036854775807,9223372036854775807"})
    void numbers_areWrittenInDecimal(long value, String expected) {
        assertThat(text(new LineBuffer(1).number(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,0.00", "4999,0.00", "5000,0.01", "1234567,1.23", "1235000,1.24", "12000000,12.00",
        "50999,0.05", "3600000000000,3600000.00", "-5,0.00"})
    void millis_haveTwoDecimals_roundedHalfUp(long nanos, String expected) {
        assertThat(text(new LineBuffer(1).millis(nanos))).isEqualTo(expected);
    }

    @Test
    void quotedValues_areEscapedOnlyWhenNeeded_andNonAsciiIsUtf8() {
        LineBuffer b = new LineBuffer(2).quoted("/books/{id}").ascii(',').quoted("책 \"x\"\n\\").ascii(',')
                .quoted("\u0001");

        assertThat(text(b)).isEqualTo("\"/books/{id}\",\"책 \\\"x\\\"\\n\\\\\",\"\\u0001\"");
    }

    @Test
    void theBufferGrows_pastItsFirstCapacity() {
        String long1 = "a".repeat(5_000);

        assertThat(text(new LineBuffer(4).ascii(long1).raw("bc".getBytes(StandardCharsets.UTF_8)).bool(true)))
                .isEqualTo(long1 + "bctrue");
    }
}

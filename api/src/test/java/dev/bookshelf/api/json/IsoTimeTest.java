package dev.bookshelf.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void format_isWhatTheJdkFormatterWrites_forAnyInstant() {
        SplittableRandom random = new SplittableRandom(20261125);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() - 86_400L * 400;
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400L * 400;
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
            assertThat(IsoTime.format(t)).as("%s", t).isEqualTo(REFERENCE.format(t));
            byte[] ascii = IsoTime.ascii(t);
            if (ascii != null) {
                assertThat(new String(ascii, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(REFERENCE.format(t));
            } else {
                assertThat(t.isBefore(Instant.parse("0000-01-01T00:00:00Z")) || t.isAfter(Instant.parse("9999-12-31T23:59:59.999Z")))
                        .as("only years outside 0000-9999 have no ASCII form: %s", t).isTrue();
            }
        }
    }

    @Test
    void format_edges() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00.5Z",
            "2026-11-25T18:30:00.123Z", "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"}) {
            Instant t = Instant.parse(text);
            assertThat(IsoTime.format(t)).as(text).isEqualTo(REFERENCE.format(t));
        }
        assertThat(IsoTime.format(Instant.parse("2026-01-02T03:04:05.006Z"))).isEqualTo("2026-01-02T03:04:05.006Z");
    }

    @Test
    void write_fillsAReusedBuffer_andLeavesItAloneOutsideFourDigitYears() {
        byte[] buffer = new byte[IsoTime.LENGTH];

        assertThat(IsoTime.write(Instant.parse("2026-12-03T14:15:16.017Z"), buffer)).isTrue();
        assertThat(new String(buffer, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("2026-12-03T14:15:16.017Z");
        assertThat(IsoTime.write(Instant.parse("1999-01-01T00:00:00Z"), buffer)).isTrue();
        assertThat(new String(buffer, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("1999-01-01T00:00:00.000Z");
        assertThat(IsoTime.write(Instant.parse("+10000-01-01T00:00:00Z"), buffer)).isFalse();
        assertThat(new String(buffer, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("1999-01-01T00:00:00.000Z");
        assertThat(IsoTime.ascii(Instant.parse("-0001-12-31T23:59:59Z"))).isNull();
    }
}

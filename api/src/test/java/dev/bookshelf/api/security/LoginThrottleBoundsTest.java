package dev.bookshelf.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleBoundsTest {
    @Test
    void manyDistinctSources_neverGrowMemoryBeyondTheBound() {
        LoginThrottle t = new LoginThrottle(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(15), 20, 100);
        for (int i = 0; i < 10_000; i++) {
            t.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(t.trackedKeys()).isLessThanOrEqualTo(100);
        assertThatCode(() -> t.check("10.9.9.9")).doesNotThrowAnyException();
    }
}

package dev.bookshelf.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.contract.LoginAttemptsContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryLoginAttemptsTest extends LoginAttemptsContract {
    @Override
    protected LoginAttempts newRepository() {
        return new InMemoryLoginAttempts();
    }

    @Test
    void manyFreshKeys_neverGrowPastTheBound() {
        InMemoryLoginAttempts bounded = new InMemoryLoginAttempts(100);
        for (int i = 0; i < 1000; i++) {
            bounded.take("k" + i, 5, Duration.ofMinutes(15), Instant.parse("2026-12-01T10:00:00Z"));
        }

        assertThat(bounded.trackedKeys()).isLessThanOrEqualTo(100);
    }
}

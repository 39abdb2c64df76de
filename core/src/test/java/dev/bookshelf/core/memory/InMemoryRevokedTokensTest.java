package dev.bookshelf.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.contract.RevokedTokensContract;
import dev.bookshelf.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRevokedTokensTest extends RevokedTokensContract {
    @Override
    protected RevokedTokens newRepository() {
        return new InMemoryRevokedTokens();
    }

    @Test
    void revokedIdsOfExpiredTokens_areSweptAway_soTheMapStaysBounded() {
        MutableClock clock = MutableClock.startingAtDefault();
        InMemoryRevokedTokens tokens = new InMemoryRevokedTokens(clock);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < InMemoryRevokedTokens.SWEEP_EVERY; i++) {
                tokens.revoke("r" + round + "-" + i, clock.instant().plusSeconds(60));
            }
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(2 * InMemoryRevokedTokens.SWEEP_EVERY);
    }
}

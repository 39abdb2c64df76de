package dev.bookshelf.core.contract;

import static dev.bookshelf.core.contract.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.account.RevokedTokens;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RevokedTokens} must do; fresh token ids, so repositories may share a store. */
public abstract class RevokedTokensContract {
    protected RevokedTokens revoked;

    protected abstract RevokedTokens newRepository();

    @BeforeEach
    void createRepository() {
        revoked = newRepository();
    }

    @Test
    void aRevokedTokenId_isRevoked_andOthersAreNot() {
        String id = UUID.randomUUID().toString();

        result(revoked.revoke(id, Instant.now().plusSeconds(3600)));

        assertThat(result(revoked.isRevoked(id))).isTrue();
        assertThat(result(revoked.isRevoked(UUID.randomUUID().toString()))).isFalse();
    }

    @Test
    void revokingTwice_isHarmless() {
        String id = UUID.randomUUID().toString();

        result(revoked.revoke(id, Instant.now().plusSeconds(60)));
        result(revoked.revoke(id, Instant.now().plusSeconds(60)));

        assertThat(result(revoked.isRevoked(id))).isTrue();
    }
}

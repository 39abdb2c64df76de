package dev.bookshelf.core.memory;

import dev.bookshelf.core.account.RevokedTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Revoked token ids in the process, each kept until its token expires: entries past their
 * expiry are dropped whenever the map has grown by {@value #SWEEP_EVERY} since the last sweep.
 */
public final class InMemoryRevokedTokens implements RevokedTokens {
    static final int SWEEP_EVERY = 1024;

    private final ConcurrentMap<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;
    private int sizeAfterSweep;

    public InMemoryRevokedTokens() {
        this(Clock.systemUTC());
    }

    public InMemoryRevokedTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> revoke(String tokenId, Instant expiresAt) {
        revoked.put(tokenId, expiresAt);
        if (revoked.size() >= sizeAfterSweep + SWEEP_EVERY) {
            sweep();
        }
        return CompletableFuture.completedFuture(null);
    }

    private synchronized void sweep() {
        Instant now = clock.instant();
        revoked.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
        sizeAfterSweep = revoked.size();
    }

    @Override
    public CompletionStage<Boolean> isRevoked(String tokenId) {
        return CompletableFuture.completedFuture(revoked.containsKey(tokenId));
    }

    int size() {
        return revoked.size();
    }
}

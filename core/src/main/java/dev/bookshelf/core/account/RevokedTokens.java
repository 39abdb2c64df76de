package dev.bookshelf.core.account;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Port: tokens refused before their expiry (log-out), shared by every instance over one store.
 * An entry need only outlive the token itself: implementations may forget it after {@code expiresAt}.
 */
public interface RevokedTokens {
    CompletionStage<Void> revoke(String tokenId, Instant expiresAt);

    /** True when {@code tokenId} was revoked; reads what every instance wrote (strongly consistent). */
    CompletionStage<Boolean> isRevoked(String tokenId);
}

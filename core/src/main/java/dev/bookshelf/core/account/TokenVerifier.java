package dev.bookshelf.core.account;

import java.time.Instant;

/** Port: checks a bearer token's signature, algorithm and lifetime. */
public interface TokenVerifier {
    /**
     * What a valid token says, or throws {@code Unauthenticated} with {@code INVALID_TOKEN} or
     * {@code EXPIRED_TOKEN}. Revocation is not its concern: the core checks it in the store.
     */
    VerifiedToken check(String token);

    /** The user id of a valid token; see {@link #check}. */
    default String verify(String token) {
        return check(token).userId();
    }

    /** A token that passed {@link #check}: whose, which one, of which generation, until when. */
    record VerifiedToken(String userId, String tokenId, long generation, Instant expiresAt) {
    }
}

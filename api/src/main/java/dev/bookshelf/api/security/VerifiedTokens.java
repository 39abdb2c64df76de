package dev.bookshelf.api.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were already verified, so that a client sending the same
 * token again costs a lookup instead of two base64 decodes, two JSON parses and an HMAC. Keyed by
 * the exact token text (only a byte-for-byte equal token hits); only successfully verified tokens
 * enter. The times are kept, so expiry and not-before are still checked on every request by the
 * caller. Bounded: when full, it starts over empty (no growing state, no per-entry bookkeeping).
 */
final class VerifiedTokens {
    /**
     * What a verified token said: its subject, id, generation and validity window ({@code notBefore}
     * may be null). Nothing about revocation: that is read from the store on every request.
     */
    record Claims(String subject, String tokenId, long generation, Instant notBefore, Instant expiresAt) {
    }

    private final int capacity;
    private final Map<String, Claims> verified;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
        this.verified = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /** The claims of a token verified before, or null. */
    Claims get(String token) {
        return verified.get(token);
    }

    void put(String token, Claims claims) {
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, claims);
    }

    int size() {
        return verified.size();
    }
}

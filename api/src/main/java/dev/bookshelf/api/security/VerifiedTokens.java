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
 * A key hashes only the token's last characters (its HMAC signature, which only we can make, and
 * only verified tokens enter): {@link String#hashCode} over all ~300 characters of a fresh header
 * string was the largest single cost of a request. Equality still compares the whole token.
 */
final class VerifiedTokens {
    /**
     * What a verified token said: its subject, id, generation and validity window ({@code notBefore}
     * may be null). Nothing about revocation: that is read from the store on every request.
     */
    record Claims(String subject, String tokenId, long generation, Instant notBefore, Instant expiresAt) {
    }

    /** Characters at the end of the token that the bucket hash reads. */
    static final int HASHED_TAIL = 32;

    private final int capacity;
    private final Map<Key, Claims> verified;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
        this.verified = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /** The claims of a token verified before, or null. */
    Claims get(String token) {
        return verified.get(new Key(token));
    }

    void put(String token, Claims claims) {
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(new Key(token), claims);
    }

    /** The token's exact text, hashed by its tail. */
    private record Key(String token, int hash) {
        Key(String token) {
            this(token, tailHash(token));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.token.equals(token);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static int tailHash(String token) {
        int h = token.length();
        for (int i = Math.max(0, token.length() - HASHED_TAIL); i < token.length(); i++) {
            h = 31 * h + token.charAt(i);
        }
        return h;
    }

    int size() {
        return verified.size();
    }
}

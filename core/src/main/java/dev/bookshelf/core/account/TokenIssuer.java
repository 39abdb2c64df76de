package dev.bookshelf.core.account;

import java.time.Instant;

/** Port: issues signed bearer tokens. */
public interface TokenIssuer {
    /**
     * A token for {@code userId} carrying the user's current {@code generation} (see
     * {@link User#tokenGeneration()}) and an id of its own (for revocation).
     */
    IssuedToken issue(String userId, long generation);

    /** A token of generation 0. */
    default IssuedToken issue(String userId) {
        return issue(userId, 0);
    }

    record IssuedToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }
}

package dev.bookshelf.core.account;

import java.time.Instant;

/** Port: issues signed bearer tokens. */
public interface TokenIssuer {
    IssuedToken issue(String userId);

    record IssuedToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }
}

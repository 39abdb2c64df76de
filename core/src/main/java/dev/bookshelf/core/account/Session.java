package dev.bookshelf.core.account;

import java.time.Instant;

/** The result of a successful log-in: a bearer token, when it expires, and who it is for. */
public record Session(String token, Instant expiresAt, Account account) {
    @Override
    public String toString() {
        return "Session[account=" + account.id() + ", expiresAt=" + expiresAt + "]";
    }
}

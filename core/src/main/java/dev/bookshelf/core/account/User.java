package dev.bookshelf.core.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored account. The password hash never leaves the core: callers see {@link Account}.
 * {@code tokenGeneration} is written into every token issued for the user; changing the password
 * (or closing the account) moves it on, which refuses every token issued before.
 * {@code closing}: the account's erasure has begun and must be finished, never undone.
 */
public record User(String id, String email, String displayName, String passwordHash, Instant createdAt,
                   long tokenGeneration, boolean closing) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new account: generation 0, not closing. */
    public User(String id, String email, String displayName, String passwordHash, Instant createdAt) {
        this(id, email, displayName, passwordHash, createdAt, 0, false);
    }

    public Account toAccount() {
        return new Account(id, email, displayName, createdAt);
    }

    /** This user with a new password hash and the next token generation. */
    public User withPassword(String newHash) {
        return new User(id, email, displayName, newHash, createdAt, tokenGeneration + 1, closing);
    }

    /** This user with its erasure begun: closing, and the next token generation. */
    public User asClosing() {
        return new User(id, email, displayName, passwordHash, createdAt, tokenGeneration + 1, true);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + "]";
    }
}

package dev.bookshelf.core.account;

import java.time.Instant;
import java.util.Objects;

/** A stored account. The password hash never leaves the core: callers see {@link Account}. */
public record User(String id, String email, String displayName, String passwordHash, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Account toAccount() {
        return new Account(id, email, displayName, createdAt);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + "]";
    }
}

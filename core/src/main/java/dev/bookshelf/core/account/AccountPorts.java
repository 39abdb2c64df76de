package dev.bookshelf.core.account;

import dev.bookshelf.core.book.BookRepository;
import java.util.Objects;

/** The outbound ports the account use cases need: the store's and the token and hashing ones. */
public record AccountPorts(UserRepository users, BookRepository books, RevokedTokens revoked, LoginAttempts attempts,
                           PasswordHasher hasher, TokenIssuer issuer, TokenVerifier verifier) {
    public AccountPorts {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(books, "books");
        Objects.requireNonNull(revoked, "revoked");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(verifier, "verifier");
    }
}

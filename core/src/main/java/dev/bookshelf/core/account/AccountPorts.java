package dev.bookshelf.core.account;

import dev.bookshelf.core.book.BookRepository;

/** The outbound ports the account use cases need: the store's and the token and hashing ones. */
public record AccountPorts(UserRepository users, BookRepository books, RevokedTokens revoked, LoginAttempts attempts,
                           PasswordHasher hasher, TokenIssuer issuer, TokenVerifier verifier) {
}

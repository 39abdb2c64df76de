package dev.bookshelf.core.store;

import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.BookRepository;

/** The repositories of one storage backend, and how to release it. */
public record Store(String name, UserRepository users, BookRepository books, RevokedTokens revoked,
                    LoginAttempts attempts, AutoCloseable resources) {
}

package dev.bookshelf.core.store;

import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.memory.InMemoryLoginAttempts;
import dev.bookshelf.core.memory.InMemoryRevokedTokens;

/** The repositories of one storage backend, and how to release it. */
public record Store(String name, UserRepository users, BookRepository books, RevokedTokens revoked,
                    LoginAttempts attempts, AutoCloseable resources) {
    /** A store whose revocations and log-in attempts are kept in the process (memory-like backends, tests). */
    public Store(String name, UserRepository users, BookRepository books, AutoCloseable resources) {
        this(name, users, books, new InMemoryRevokedTokens(), new InMemoryLoginAttempts(), resources);
    }
}

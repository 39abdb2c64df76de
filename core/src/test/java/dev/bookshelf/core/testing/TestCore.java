package dev.bookshelf.core.testing;

import dev.bookshelf.core.account.AccountPorts;
import dev.bookshelf.core.account.Accounts;
import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.account.LoginPolicy;
import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.Bookshelf;
import dev.bookshelf.core.book.BookshelfUseCases;
import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.memory.InMemoryLoginAttempts;
import dev.bookshelf.core.memory.InMemoryRevokedTokens;
import dev.bookshelf.core.memory.InMemoryUserRepository;

/**
 * The whole core, wired for tests: the given (by default in-memory) repositories, fake hashing
 * and tokens, a clock that moves only when told, sequential ids, and hashing on the calling
 * thread ({@code Runnable::run}), so every result is ready when the call returns.
 */
public final class TestCore {
    public final MutableClock clock;
    public final SequentialIds ids;
    public final FakePasswordHasher hasher;
    public final FakeTokens tokens;
    public final UserRepository users;
    public final BookRepository books;
    public final RevokedTokens revoked;
    public final LoginAttempts attempts;
    public final Accounts accounts;
    public final BookshelfUseCases bookshelf;

    private TestCore(UserRepository users, BookRepository books, RevokedTokens revoked, LoginAttempts attempts) {
        this(users, books, revoked, attempts, new SequentialIds());
    }

    private TestCore(UserRepository users, BookRepository books, RevokedTokens revoked, LoginAttempts attempts,
                     SequentialIds ids) {
        this.clock = MutableClock.startingAtDefault();
        this.ids = ids;
        this.hasher = new FakePasswordHasher();
        this.tokens = new FakeTokens(clock);
        this.users = users;
        this.books = books;
        this.revoked = revoked;
        this.attempts = attempts;
        this.accounts = Accounts.create(new AccountPorts(users, books, revoked, attempts, hasher, tokens, tokens),
                LoginPolicy.DEFAULT, clock, ids, Runnable::run);
        this.bookshelf = Bookshelf.create(books, clock, ids);
    }

    /** A core on fresh in-memory repositories. */
    public static TestCore inMemory() {
        return new TestCore(new InMemoryUserRepository(), new InMemoryBookRepository(), new InMemoryRevokedTokens(),
                new InMemoryLoginAttempts());
    }

    /** A core on the given repositories, e.g. to run use-case checks against another adapter. */
    public static TestCore on(UserRepository users, BookRepository books) {
        return new TestCore(users, books, new InMemoryRevokedTokens(), new InMemoryLoginAttempts());
    }

    /** A core on all the given store ports, with ids no other core uses (stores shared by tests). */
    public static TestCore on(UserRepository users, BookRepository books, RevokedTokens revoked,
                              LoginAttempts attempts) {
        return new TestCore(users, books, revoked, attempts,
                new SequentialIds("id-" + java.util.UUID.randomUUID() + "-"));
    }
}

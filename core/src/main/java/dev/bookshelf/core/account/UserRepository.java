package dev.bookshelf.core.account;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port: where accounts are kept. Implementations are thread-safe and never block the caller. */
public interface UserRepository {
    /**
     * Stores a new user. Completes exceptionally with {@code EmailAlreadyTaken} when another user
     * has the same (normalized) email, atomically: of two concurrent inserts with one email,
     * exactly one succeeds.
     */
    CompletionStage<Void> insert(User user);

    CompletionStage<Optional<User>> findByEmail(String normalizedEmail);

    CompletionStage<Optional<User>> findById(String id);
}

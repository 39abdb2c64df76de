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

    /**
     * Sets the user's password hash and moves its token generation on by one, atomically (both
     * ways of finding the user see the change at once). Completes with false, changing nothing,
     * when the user is gone or closing.
     */
    CompletionStage<Boolean> changePassword(User user, String newPasswordHash);

    /**
     * Marks the user as closing and moves its token generation on, atomically; harmless when it
     * is closing already. From then on its tokens are refused and it stays closing until
     * {@link #delete}. False when the user is gone.
     */
    CompletionStage<Boolean> beginClosing(User user);

    /**
     * Erases the user and its email reservation, so the email can sign up again. Harmless when
     * already done; never touches another user's reservation of the same email.
     */
    CompletionStage<Void> delete(User user);
}

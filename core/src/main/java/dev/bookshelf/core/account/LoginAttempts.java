package dev.bookshelf.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port: password attempts per account, counted in the store so every instance shares one count.
 * A window opens with an account's first attempt and lasts {@code window}; within it at most
 * {@code limit} attempts are taken. Taking is atomic: of many concurrent attempts, at most
 * {@code limit} succeed. Entries need not outlive their window (implementations expire them).
 */
public interface LoginAttempts {
    /**
     * Takes one attempt for {@code key}. Empty when it was taken (the caller may check the
     * password); otherwise how long until the window ends.
     */
    CompletionStage<Optional<Duration>> take(String key, int limit, Duration window, Instant now);

    /** Forgets the key's attempts (after a password was right). */
    CompletionStage<Void> clear(String key);
}

package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.TooManyAttempts;
import dev.bookshelf.core.shared.Unauthenticated;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Every password check of an account goes through here: one attempt is taken from the account's
 * count in the store first (so the limit holds across instances and concurrent requests), then
 * the password is verified on the hashing executor; a right password clears the count. An
 * unknown account costs the same: an attempt is taken for its key and a full dummy verify runs.
 */
final class PasswordGate {
    private final PasswordHasher hasher;
    private final LoginAttempts attempts;
    private final LoginPolicy policy;
    private final Clock clock;
    private final Executor hashing;

    PasswordGate(PasswordHasher hasher, LoginAttempts attempts, LoginPolicy policy, Clock clock, Executor hashing) {
        this.hasher = hasher;
        this.attempts = attempts;
        this.policy = policy;
        this.clock = clock;
        this.hashing = hashing;
    }

    /** Takes an attempt for {@code key}; fails with {@link TooManyAttempts} when none is left. */
    CompletionStage<Void> take(String key) {
        return attempts.take(key, policy.maxAttempts(), policy.window(), clock.instant()).thenAccept(wait -> {
            if (wait.isPresent()) {
                throw new TooManyAttempts(wait.get());
            }
        });
    }

    /**
     * Verifies {@code password} against the user (an absent or closing one always fails, after
     * the same work); fails with {@code Unauthenticated(wrong)}. The attempt must be taken.
     */
    CompletionStage<User> verify(String key, String password, Optional<User> user, Unauthenticated.Reason wrong) {
        Optional<User> live = user.filter(u -> !u.closing());
        return CompletableFuture.supplyAsync(
                        () -> hasher.verify(password, live.map(User::passwordHash).orElse(null)), hashing)
                .thenCompose(ok -> {
                    if (!ok || live.isEmpty()) {
                        return CompletableFuture.failedFuture(new Unauthenticated(wrong));
                    }
                    return attempts.clear(key).thenApply(done -> live.get());
                });
    }
}

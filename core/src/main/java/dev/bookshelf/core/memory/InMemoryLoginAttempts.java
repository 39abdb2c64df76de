package dev.bookshelf.core.memory;

import dev.bookshelf.core.account.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Attempt windows per key in the process. Bounded: past {@code maxKeys} keys, ended windows
 * are dropped, and if that is not enough the map starts over (an attacker filling it with
 * fresh keys gains at most one more window for keys that were dropped).
 */
public final class InMemoryLoginAttempts implements LoginAttempts {
    static final int DEFAULT_MAX_KEYS = 100_000;

    private record Window(int count, Instant ends) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxKeys;

    public InMemoryLoginAttempts() {
        this(DEFAULT_MAX_KEYS);
    }

    public InMemoryLoginAttempts(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public CompletionStage<Optional<Duration>> take(String key, int limit, Duration window, Instant now) {
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            windows.values().removeIf(w -> !now.isBefore(w.ends()));
            if (windows.size() >= maxKeys) {
                windows.clear();
            }
        }
        boolean[] taken = {false};
        Window after = windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.ends())) {
                taken[0] = true;
                return new Window(1, now.plus(window));
            }
            if (w.count() < limit) {
                taken[0] = true;
                return new Window(w.count() + 1, w.ends());
            }
            return w;
        });
        return CompletableFuture.completedFuture(
                taken[0] ? Optional.empty() : Optional.of(Duration.between(now, after.ends())));
    }

    @Override
    public CompletionStage<Void> clear(String key) {
        windows.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    int trackedKeys() {
        return windows.size();
    }
}

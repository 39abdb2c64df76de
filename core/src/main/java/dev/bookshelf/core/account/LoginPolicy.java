package dev.bookshelf.core.account;

import java.time.Duration;
import java.util.Objects;

/** How many password attempts one account gets per window (log-in, password change, deletion together). */
public record LoginPolicy(int maxAttempts, Duration window) {
    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15));

    public LoginPolicy {
        Objects.requireNonNull(window, "window");
        if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("at least one attempt in a positive window");
        }
    }
}

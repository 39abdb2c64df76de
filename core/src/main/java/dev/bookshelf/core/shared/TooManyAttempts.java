package dev.bookshelf.core.shared;

import java.time.Duration;

/** Too many password attempts for one account in the current window; try again after {@link #retryAfter()}. */
public final class TooManyAttempts extends DomainFailure {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too many attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

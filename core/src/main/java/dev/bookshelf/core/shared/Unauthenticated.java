package dev.bookshelf.core.shared;

/**
 * The caller could not be identified: no token, a bad or expired token, wrong credentials, or a
 * token for an account that no longer exists. The reason is for logs; clients get one answer.
 */
public final class Unauthenticated extends DomainFailure {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public enum Reason { MISSING_TOKEN, INVALID_TOKEN, EXPIRED_TOKEN, UNKNOWN_USER, BAD_CREDENTIALS }

    public Unauthenticated(Reason reason) {
        super("unauthenticated: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.bookshelf.core.shared;

/**
 * The caller could not be identified: no token, a bad or expired token, wrong credentials, or a
 * token for an account that no longer exists. The reason is for logs; clients get one answer.
 */
public final class Unauthenticated extends DomainFailure {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    /**
     * {@code REVOKED_TOKEN}: logged out, or issued before the account's password changed;
     * {@code WRONG_PASSWORD}: the current password given to change it or to delete the account.
     */
    public enum Reason { MISSING_TOKEN, INVALID_TOKEN, EXPIRED_TOKEN, REVOKED_TOKEN, UNKNOWN_USER, BAD_CREDENTIALS,
        WRONG_PASSWORD }

    public Unauthenticated(Reason reason) {
        super("unauthenticated: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

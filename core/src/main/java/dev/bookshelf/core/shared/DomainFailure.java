package dev.bookshelf.core.shared;

/**
 * A failure that belongs to the domain: expected, described, and mapped to an answer by the
 * transport layer. Created without a stack trace, because it is a value, not a bug.
 */
public abstract class DomainFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainFailure(String message) {
        super(message, null, false, false);
    }
}

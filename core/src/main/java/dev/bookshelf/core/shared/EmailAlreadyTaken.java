package dev.bookshelf.core.shared;

/** Sign-up with an email that already has an account. */
public final class EmailAlreadyTaken extends DomainFailure {
    private static final long serialVersionUID = 1L;

    public EmailAlreadyTaken() {
        super("email already taken");
    }
}

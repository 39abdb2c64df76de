package dev.bookshelf.core.shared;

/** An update named a version that is no longer the current one. */
public final class VersionConflict extends DomainFailure {
    private static final long serialVersionUID = 1L;
    private final long expected;
    private final long current;

    public VersionConflict(long expected, long current) {
        super("expected version " + expected + " but the current version is " + current);
        this.expected = expected;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}

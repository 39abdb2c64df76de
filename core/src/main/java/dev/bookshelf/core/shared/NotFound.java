package dev.bookshelf.core.shared;

/** The thing asked for does not exist for this caller (or belongs to someone else). */
public final class NotFound extends DomainFailure {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public NotFound(String kind) {
        super(kind + " not found");
        this.kind = kind;
    }

    public static NotFound book() {
        return new NotFound("book");
    }

    public String kind() {
        return kind;
    }
}

package dev.bookshelf.core.shared;

import java.util.List;

/** Input that breaks one or more rules; carries one reason per offending field. */
public final class InvalidInput extends DomainFailure {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super("invalid input: " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("InvalidInput needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, FieldError.Code code) {
        return new InvalidInput(List.of(FieldError.of(field, code)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

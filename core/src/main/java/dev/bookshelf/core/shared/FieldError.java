package dev.bookshelf.core.shared;

/**
 * Why one field was refused. {@code min} and {@code max} carry the bound that was broken, when
 * there is one, so that a message in any language can quote it.
 */
public record FieldError(String field, Code code, Integer min, Integer max) {

    /** Machine-readable reasons; the transport turns them into localized messages. */
    public enum Code {
        REQUIRED,
        TOO_SHORT,
        TOO_LONG,
        OUT_OF_RANGE,
        INVALID_FORMAT,
        INVALID_CHECKSUM,
        UNKNOWN_VALUE,
        UNKNOWN_FIELD,
        WRONG_TYPE,
        NO_CHANGES,
        TOO_LARGE
    }

    public static FieldError of(String field, Code code) {
        return new FieldError(field, code, null, null);
    }

    public static FieldError bounded(String field, Code code, int min, int max) {
        return new FieldError(field, code, min, max);
    }
}

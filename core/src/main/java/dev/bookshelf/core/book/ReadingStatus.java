package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.Validator;

/** Where a reader stands with a book. */
public enum ReadingStatus {
    WANT_TO_READ, READING, READ;

    /** {@link #values()} copies its array on every call; parsing happens on every request. */
    private static final ReadingStatus[] ALL = values();

    /** Parses the exact constant name; records UNKNOWN_VALUE (or REQUIRED) on {@code v} otherwise. */
    public static ReadingStatus parse(Validator v, String field, String raw, boolean required) {
        if (raw == null) {
            if (required) {
                v.add(FieldError.of(field, FieldError.Code.REQUIRED));
            }
            return null;
        }
        for (ReadingStatus s : ALL) {
            if (s.name().equals(raw)) {
                return s;
            }
        }
        v.add(FieldError.of(field, FieldError.Code.UNKNOWN_VALUE));
        return null;
    }
}

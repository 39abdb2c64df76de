package dev.bookshelf.core.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of a command, then fails once with all of them. */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    /** A required text whose length in code points lies in [min, max]; returns it unchanged. */
    public String text(String field, String value, int min, int max) {
        if (value == null) {
            errors.add(FieldError.of(field, FieldError.Code.REQUIRED));
            return null;
        }
        return optionalText(field, value, min, max);
    }

    /** An optional text: null passes, anything else must lie in [min, max] code points. */
    public String optionalText(String field, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || (min > 0 && value.isBlank())) {
            errors.add(FieldError.bounded(field, FieldError.Code.TOO_SHORT, min, max));
        } else if (length > max) {
            errors.add(FieldError.bounded(field, FieldError.Code.TOO_LONG, min, max));
        }
        if (value.indexOf('\u0000') >= 0) {
            errors.add(FieldError.of(field, FieldError.Code.INVALID_FORMAT));
        }
        return value;
    }

    public Integer optionalRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(FieldError.bounded(field, FieldError.Code.OUT_OF_RANGE, min, max));
        }
        return value;
    }

    public void require(String field, Object value) {
        if (value == null) {
            errors.add(FieldError.of(field, FieldError.Code.REQUIRED));
        }
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    public void check(boolean condition, String field, FieldError.Code code) {
        if (!condition) {
            errors.add(FieldError.of(field, code));
        }
    }

    /** Throws {@link InvalidInput} when any rule was broken. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}

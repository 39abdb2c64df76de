package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.Validator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email normalization (trim, lower-case) and a pragmatic syntax check. */
final class Emails {
    static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    private Emails() {
    }

    static String normalize(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    static void validate(Validator v, String field, String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            v.add(FieldError.of(field, FieldError.Code.REQUIRED));
        } else if (normalized.length() > MAX_LENGTH) {
            v.add(FieldError.bounded(field, FieldError.Code.TOO_LONG, 3, MAX_LENGTH));
        } else if (!SHAPE.matcher(normalized).matches() || normalized.contains("..")
                || normalized.startsWith(".") || normalized.contains(".@")) {
            v.add(FieldError.of(field, FieldError.Code.INVALID_FORMAT));
        }
    }
}

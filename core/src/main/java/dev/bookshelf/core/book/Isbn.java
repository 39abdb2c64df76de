package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.Validator;

/** ISBN-10 and ISBN-13 normalization (hyphens and spaces removed) and checksum validation. */
public final class Isbn {
    private Isbn() {
    }

    /** Returns the normalized ISBN, or null (recording the reason on {@code v}) when invalid. */
    public static String normalize(Validator v, String field, String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (digits.matches("\\d{9}[\\dX]")) {
            return check(v, field, digits, isValid10(digits));
        }
        if (digits.matches("97[89]\\d{10}")) {
            return check(v, field, digits, isValid13(digits));
        }
        v.add(FieldError.of(field, FieldError.Code.INVALID_FORMAT));
        return null;
    }

    private static String check(Validator v, String field, String digits, boolean valid) {
        if (!valid) {
            v.add(FieldError.of(field, FieldError.Code.INVALID_CHECKSUM));
            return null;
        }
        return digits;
    }

    static boolean isValid10(String s) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            int value = c == 'X' ? 10 : c - '0';
            sum += value * (10 - i);
        }
        return sum % 11 == 0;
    }

    static boolean isValid13(String s) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int value = s.charAt(i) - '0';
            sum += (i % 2 == 0) ? value : value * 3;
        }
        return sum % 10 == 0;
    }
}

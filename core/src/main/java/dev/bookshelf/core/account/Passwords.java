package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.Validator;

/** Password length rules (NIST 800-63B style: length only, no composition rules). */
final class Passwords {
    static final int MIN = 8;
    static final int MAX = 128;

    private Passwords() {
    }

    static void validate(Validator v, String password) {
        v.text("password", password, MIN, MAX);
    }
}

package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.Validator;

/** Account deletion input: whose, and the password, checked for presence only. */
public record DeleteAccountCommand(String userId, String password) {
    public DeleteAccountCommand {
        Validator v = new Validator();
        java.util.Objects.requireNonNull(userId, "userId");
        v.text("password", password, 1, Passwords.MAX);
        v.done();
    }

    @Override
    public String toString() {
        return "DeleteAccountCommand[userId=" + userId + ", password=***]";
    }
}

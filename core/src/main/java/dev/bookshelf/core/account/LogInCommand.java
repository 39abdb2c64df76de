package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.Validator;

/** Log-in input. Only presence is checked, so a wrong password and an unknown email look alike. */
public record LogInCommand(String email, String password) {
    public LogInCommand {
        email = Emails.normalize(email);
        Validator v = new Validator();
        v.text("email", email, 1, Emails.MAX_LENGTH);
        v.text("password", password, 1, Passwords.MAX);
        v.done();
    }

    @Override
    public String toString() {
        return "LogInCommand[email=" + email + ", password=***]";
    }
}

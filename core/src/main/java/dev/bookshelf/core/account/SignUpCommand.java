package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.Validator;

/**
 * Sign-up input, normalized and validated on construction: the email is trimmed and lower-cased,
 * the password is 8–128 characters, the display name 1–50 characters in any script.
 */
public record SignUpCommand(String email, String password, String displayName) {
    public static final int DISPLAY_NAME_MAX = 50;

    public SignUpCommand {
        email = Emails.normalize(email);
        displayName = displayName == null ? null : displayName.strip();
        Validator v = new Validator();
        Emails.validate(v, "email", email);
        Passwords.validate(v, password);
        v.text("displayName", displayName, 1, DISPLAY_NAME_MAX);
        v.done();
    }

    @Override
    public String toString() {
        return "SignUpCommand[email=" + email + ", password=***, displayName=" + displayName + "]";
    }
}

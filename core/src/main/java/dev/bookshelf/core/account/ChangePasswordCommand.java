package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.Validator;

/** Password change input: the current password is only checked for presence, the new one by the sign-up rules. */
public record ChangePasswordCommand(String userId, String currentPassword, String newPassword) {
    public ChangePasswordCommand {
        Validator v = new Validator();
        java.util.Objects.requireNonNull(userId, "userId");
        v.text("currentPassword", currentPassword, 1, Passwords.MAX);
        v.text("newPassword", newPassword, Passwords.MIN, Passwords.MAX);
        v.done();
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[userId=" + userId + ", currentPassword=***, newPassword=***]";
    }
}

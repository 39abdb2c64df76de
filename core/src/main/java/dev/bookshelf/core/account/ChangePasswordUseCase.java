package dev.bookshelf.core.account;

import java.util.concurrent.CompletionStage;

/**
 * Replaces the password after checking the current one (a wrong one fails with
 * {@code Unauthenticated(WRONG_PASSWORD)} and counts as a failed log-in); every token issued
 * before is refused from then on.
 */
public interface ChangePasswordUseCase {
    CompletionStage<Void> changePassword(ChangePasswordCommand command);
}

package dev.bookshelf.core.account;

import java.util.concurrent.CompletionStage;

/**
 * Erases the account, its email reservation and all its books after checking the password (a
 * wrong one counts as a failed log-in). Erasure is begun atomically (the account is marked
 * closing and its tokens refused) and then finished; if it fails half way, the next request
 * that meets the closing account (its token, a log-in or a sign-up with its email) finishes it.
 */
public interface DeleteAccountUseCase {
    CompletionStage<Void> deleteAccount(DeleteAccountCommand command);
}

package dev.bookshelf.core.account;

import java.util.concurrent.CompletionStage;

/** Creates an account; fails with {@code EmailAlreadyTaken} when the email is in use. */
public interface SignUpUseCase {
    CompletionStage<Account> signUp(SignUpCommand command);
}

package dev.bookshelf.core.account;

import java.util.concurrent.CompletionStage;

/** Resolves a bearer token to the current account; fails with {@code Unauthenticated}. */
public interface AuthenticateUseCase {
    CompletionStage<Account> authenticate(String bearerToken);
}

package dev.bookshelf.core.account;

import java.util.concurrent.CompletionStage;

/** Refuses the given (valid) bearer token from now on, on every instance, until it expires anyway. */
public interface LogOutUseCase {
    CompletionStage<Void> logOut(String bearerToken);
}

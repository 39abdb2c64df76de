package dev.bookshelf.core.account;

import java.util.concurrent.CompletionStage;

/**
 * Exchanges credentials for a bearer token; fails with {@code Unauthenticated(BAD_CREDENTIALS)}
 * alike for an unknown email and a wrong password, at the same cost.
 */
public interface LogInUseCase {
    CompletionStage<Session> logIn(LogInCommand command);
}

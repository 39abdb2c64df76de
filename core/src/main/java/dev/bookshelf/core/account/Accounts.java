package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.IdGenerator;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The account use cases, wired from their ports. {@code hashing} runs password hashing (CPU
 * heavy): a worker pool on an event-loop server, the calling thread on Lambda.
 */
public record Accounts(SignUpUseCase signUp, LogInUseCase logIn, AuthenticateUseCase authenticate) {

    public static Accounts create(UserRepository users, PasswordHasher hasher, TokenIssuer issuer,
                                  TokenVerifier verifier, Clock clock, IdGenerator ids, Executor hashing) {
        AccountService service = new AccountService(users, hasher, issuer, verifier, clock, ids, hashing);
        return new Accounts(service, service, service);
    }
}

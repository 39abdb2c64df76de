package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.IdGenerator;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The account use cases, wired from their ports. {@code hashing} runs password hashing (CPU
 * heavy): a worker pool on an event-loop server, the calling thread on Lambda.
 */
public record Accounts(SignUpUseCase signUp, LogInUseCase logIn, AuthenticateUseCase authenticate,
                       LogOutUseCase logOut, ChangePasswordUseCase changePassword,
                       DeleteAccountUseCase deleteAccount) {

    public static Accounts create(AccountPorts ports, LoginPolicy policy, Clock clock, IdGenerator ids,
                                  Executor hashing) {
        PasswordGate gate = new PasswordGate(ports.hasher(), ports.attempts(), policy, clock, hashing);
        Erasure erasure = new Erasure(ports.users(), ports.books());
        AccountService accounts = new AccountService(ports, gate, erasure, clock, ids, hashing);
        SessionService sessions = new SessionService(ports, gate, erasure, hashing);
        return new Accounts(accounts, accounts, accounts, sessions, sessions, sessions);
    }
}

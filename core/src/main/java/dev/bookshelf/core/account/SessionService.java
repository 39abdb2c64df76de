package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.Unauthenticated;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Ending sessions: log-out, password change, account deletion. */
final class SessionService implements LogOutUseCase, ChangePasswordUseCase, DeleteAccountUseCase {
    private final AccountPorts ports;
    private final PasswordGate gate;
    private final Erasure erasure;
    private final Executor hashing;

    SessionService(AccountPorts ports, PasswordGate gate, Erasure erasure, Executor hashing) {
        this.ports = ports;
        this.gate = gate;
        this.erasure = erasure;
        this.hashing = hashing;
    }

    @Override
    public CompletionStage<Void> logOut(String bearerToken) {
        TokenVerifier.VerifiedToken token;
        try {
            token = ports.verifier().check(bearerToken);
        } catch (Unauthenticated e) {
            return CompletableFuture.failedFuture(e);
        }
        return ports.revoked().revoke(token.tokenId(), token.expiresAt());
    }

    @Override
    public CompletionStage<Void> changePassword(ChangePasswordCommand command) {
        return checked(command.userId(), command.currentPassword())
                .thenCompose(user -> CompletableFuture
                        .supplyAsync(() -> ports.hasher().hash(command.newPassword()), hashing)
                        .thenCompose(hash -> ports.users().changePassword(user, hash)))
                .thenCompose(changed -> changed ? CompletableFuture.<Void>completedFuture(null) : gone());
    }

    @Override
    public CompletionStage<Void> deleteAccount(DeleteAccountCommand command) {
        return checked(command.userId(), command.password())
                .thenCompose(user -> ports.users().beginClosing(user)
                        .thenCompose(begun -> begun ? erasure.finish(user.asClosing()) : gone()));
    }

    /** The live user whose password this is; an attempt is taken from its count first. */
    private CompletionStage<User> checked(String userId, String password) {
        return ports.users().findById(userId).thenCompose(found -> {
            Optional<User> live = found.filter(u -> !u.closing());
            if (live.isEmpty()) {
                return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.UNKNOWN_USER));
            }
            String key = live.get().email();
            return gate.take(key).thenCompose(taken ->
                    gate.verify(key, password, live, Unauthenticated.Reason.WRONG_PASSWORD));
        });
    }

    private static CompletionStage<Void> gone() {
        return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.UNKNOWN_USER));
    }
}

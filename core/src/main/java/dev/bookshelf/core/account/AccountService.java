package dev.bookshelf.core.account;

import dev.bookshelf.core.shared.EmailAlreadyTaken;
import dev.bookshelf.core.shared.IdGenerator;
import dev.bookshelf.core.shared.Unauthenticated;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

final class AccountService implements SignUpUseCase, LogInUseCase, AuthenticateUseCase {
    private final AccountPorts ports;
    private final PasswordGate gate;
    private final Erasure erasure;
    private final Clock clock;
    private final IdGenerator ids;
    private final Executor hashing;

    AccountService(AccountPorts ports, PasswordGate gate, Erasure erasure, Clock clock, IdGenerator ids,
                   Executor hashing) {
        this.ports = ports;
        this.gate = gate;
        this.erasure = erasure;
        this.clock = clock;
        this.ids = ids;
        this.hashing = hashing;
    }

    @Override
    public CompletionStage<Account> signUp(SignUpCommand command) {
        return ports.users().findByEmail(command.email())
                .thenCompose(existing -> {
                    if (existing.isPresent() && existing.get().closing()) {
                        return erasure.finish(existing.get());
                    }
                    if (existing.isPresent()) {
                        return CompletableFuture.failedFuture(new EmailAlreadyTaken());
                    }
                    return CompletableFuture.completedFuture(null);
                })
                .thenCompose(free -> CompletableFuture.supplyAsync(() -> ports.hasher().hash(command.password()), hashing))
                .thenCompose(hash -> {
                    User user = new User(ids.newId(), command.email(), command.displayName(), hash, clock.instant());
                    return ports.users().insert(user).thenApply(done -> user.toAccount());
                });
    }

    @Override
    public CompletionStage<Session> logIn(LogInCommand command) {
        return gate.take(command.email())
                .thenCompose(taken -> ports.users().findByEmail(command.email()))
                .thenCompose(this::finishIfClosing)
                .thenCompose(user -> gate.verify(command.email(), command.password(), user,
                        Unauthenticated.Reason.BAD_CREDENTIALS))
                .thenApply(user -> {
                    TokenIssuer.IssuedToken token = ports.issuer().issue(user.id(), user.tokenGeneration());
                    return new Session(token.token(), token.expiresAt(), user.toAccount());
                });
    }

    /** A closing account is finished off and then treated as absent. */
    private CompletionStage<Optional<User>> finishIfClosing(Optional<User> user) {
        if (user.isPresent() && user.get().closing()) {
            return erasure.finish(user.get()).handle((done, failure) -> Optional.empty());
        }
        return CompletableFuture.completedFuture(user);
    }

    /**
     * Signature and lifetime (the verifier, which may remember verified tokens), then the user
     * and the token's revocation, read at once: the token's generation must be the user's
     * current one (a password change refuses older ones) and its id must not be revoked.
     */
    @Override
    public CompletionStage<Account> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.MISSING_TOKEN));
        }
        TokenVerifier.VerifiedToken token;
        try {
            token = ports.verifier().check(bearerToken);
        } catch (Unauthenticated e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletionStage<Boolean> revoked = ports.revoked().isRevoked(token.tokenId());
        return ports.users().findById(token.userId()).thenCompose(found -> {
            if (found.isEmpty()) {
                return refused(Unauthenticated.Reason.UNKNOWN_USER);
            }
            User user = found.get();
            if (user.closing()) {
                return erasure.finish(user).handle((done, failure) -> (Account) null)
                        .thenCompose(ignored -> refused(Unauthenticated.Reason.UNKNOWN_USER));
            }
            if (user.tokenGeneration() != token.generation()) {
                return refused(Unauthenticated.Reason.REVOKED_TOKEN);
            }
            return revoked.thenCompose(isRevoked -> isRevoked
                    ? refused(Unauthenticated.Reason.REVOKED_TOKEN)
                    : CompletableFuture.completedFuture(user.toAccount()));
        });
    }

    private static CompletionStage<Account> refused(Unauthenticated.Reason reason) {
        return CompletableFuture.failedFuture(new Unauthenticated(reason));
    }
}

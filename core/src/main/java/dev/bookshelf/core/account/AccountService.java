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
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final TokenVerifier verifier;
    private final Clock clock;
    private final IdGenerator ids;
    private final Executor hashing;

    AccountService(UserRepository users, PasswordHasher hasher, TokenIssuer issuer, TokenVerifier verifier,
                   Clock clock, IdGenerator ids, Executor hashing) {
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.verifier = verifier;
        this.clock = clock;
        this.ids = ids;
        this.hashing = hashing;
    }

    @Override
    public CompletionStage<Account> signUp(SignUpCommand command) {
        return users.findByEmail(command.email())
                .thenCompose(existing -> {
                    if (existing.isPresent()) {
                        return CompletableFuture.failedFuture(new EmailAlreadyTaken());
                    }
                    return CompletableFuture.supplyAsync(() -> hasher.hash(command.password()), hashing);
                })
                .thenCompose(hash -> {
                    User user = new User(ids.newId(), command.email(), command.displayName(), hash, clock.instant());
                    return users.insert(user).thenApply(done -> user.toAccount());
                });
    }

    @Override
    public CompletionStage<Session> logIn(LogInCommand command) {
        return users.findByEmail(command.email())
                .thenCompose(user -> CompletableFuture.supplyAsync(() -> check(command.password(), user), hashing))
                .thenApply(user -> {
                    TokenIssuer.IssuedToken token = issuer.issue(user.id());
                    return new Session(token.token(), token.expiresAt(), user.toAccount());
                });
    }

    private User check(String password, Optional<User> user) {
        boolean ok = hasher.verify(password, user.map(User::passwordHash).orElse(null));
        if (!ok || user.isEmpty()) {
            throw new Unauthenticated(Unauthenticated.Reason.BAD_CREDENTIALS);
        }
        return user.get();
    }

    @Override
    public CompletionStage<Account> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.MISSING_TOKEN));
        }
        String userId;
        try {
            userId = verifier.verify(bearerToken);
        } catch (Unauthenticated e) {
            return CompletableFuture.failedFuture(e);
        }
        return users.findById(userId).thenApply(user -> user
                .map(User::toAccount)
                .orElseThrow(() -> new Unauthenticated(Unauthenticated.Reason.UNKNOWN_USER)));
    }
}

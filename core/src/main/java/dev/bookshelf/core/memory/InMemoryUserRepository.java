package dev.bookshelf.core.memory;

import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.shared.EmailAlreadyTaken;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Thread-safe, process-local accounts: the embedded default. */
public final class InMemoryUserRepository implements UserRepository {
    private final ConcurrentMap<String, User> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> idByEmail = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> insert(User user) {
        if (idByEmail.putIfAbsent(user.email(), user.id()) != null) {
            return CompletableFuture.failedFuture(new EmailAlreadyTaken());
        }
        byId.put(user.id(), user);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<User>> findByEmail(String normalizedEmail) {
        String id = idByEmail.get(normalizedEmail);
        return CompletableFuture.completedFuture(id == null ? Optional.empty() : Optional.ofNullable(byId.get(id)));
    }

    @Override
    public CompletionStage<Optional<User>> findById(String id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(byId.get(id)));
    }

    @Override
    public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
        boolean[] changed = {false};
        byId.computeIfPresent(user.id(), (id, current) -> {
            if (current.closing()) {
                return current;
            }
            changed[0] = true;
            return current.withPassword(newPasswordHash);
        });
        return CompletableFuture.completedFuture(changed[0]);
    }

    @Override
    public CompletionStage<Boolean> beginClosing(User user) {
        User after = byId.computeIfPresent(user.id(), (id, current) -> current.closing() ? current : current.asClosing());
        return CompletableFuture.completedFuture(after != null);
    }

    @Override
    public CompletionStage<Void> delete(User user) {
        byId.remove(user.id());
        idByEmail.remove(user.email(), user.id());
        return CompletableFuture.completedFuture(null);
    }
}

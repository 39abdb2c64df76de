package dev.bookshelf.core.store;

import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.memory.InMemoryLoginAttempts;
import dev.bookshelf.core.memory.InMemoryRevokedTokens;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import java.util.Map;

/** {@code STORE=memory}: process-local repositories, the embedded default. */
public final class InMemoryStoreProvider implements StoreProvider {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Store open(Map<String, String> settings) {
        return new Store(name(), new InMemoryUserRepository(), new InMemoryBookRepository(),
                new InMemoryRevokedTokens(), new InMemoryLoginAttempts(), () -> { });
    }
}

package dev.bookshelf.core.memory;

import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.contract.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    @Override
    protected UserRepository newRepository() {
        return new InMemoryUserRepository();
    }
}

package dev.bookshelf.core.memory;

import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.contract.BookRepositoryContract;

class InMemoryBookRepositoryTest extends BookRepositoryContract {
    @Override
    protected BookRepository newRepository() {
        return new InMemoryBookRepository();
    }
}

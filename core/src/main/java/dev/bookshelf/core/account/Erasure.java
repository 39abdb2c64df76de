package dev.bookshelf.core.account;

import dev.bookshelf.core.book.BookRepository;
import java.util.concurrent.CompletionStage;

/**
 * Finishes the erasure of a closing account: every book, then the account and its email
 * reservation. Each step is harmless to repeat, so running it again after a failure half way,
 * or twice at once, completes it.
 */
final class Erasure {
    private final UserRepository users;
    private final BookRepository books;

    Erasure(UserRepository users, BookRepository books) {
        this.users = users;
        this.books = books;
    }

    CompletionStage<Void> finish(User closing) {
        return books.deleteAll(closing.id()).thenCompose(done -> users.delete(closing));
    }
}

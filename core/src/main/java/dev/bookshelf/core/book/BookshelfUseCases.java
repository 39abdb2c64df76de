package dev.bookshelf.core.book;

import java.util.concurrent.CompletionStage;

/** The bookshelf use cases of one owner. Another owner's book is always {@code NotFound}. */
public interface BookshelfUseCases {
    CompletionStage<Book> add(AddBookCommand command);

    CompletionStage<Book> get(String ownerId, String bookId);

    CompletionStage<BookPage> list(ListBooksQuery query);

    /** Fails with {@code VersionConflict} when the book is no longer at the expected version. */
    CompletionStage<Book> update(UpdateBookCommand command);

    /** Fails with {@code NotFound} when there is no such book on the owner's shelf. */
    CompletionStage<Void> remove(String ownerId, String bookId);
}

package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.IdGenerator;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.VersionConflict;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

final class BookshelfService implements BookshelfUseCases {
    private final BookRepository books;
    private final Clock clock;
    private final IdGenerator ids;

    BookshelfService(BookRepository books, Clock clock, IdGenerator ids) {
        this.books = books;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public CompletionStage<Book> add(AddBookCommand c) {
        Instant now = clock.instant();
        Book book = new Book(ids.newId(), c.ownerId(), c.title(), c.author(), c.isbn(), c.status(), c.rating(),
                c.note(), 1, now, now);
        return books.insert(book).thenApply(done -> book);
    }

    @Override
    public CompletionStage<Book> get(String ownerId, String bookId) {
        return books.find(ownerId, bookId).thenApply(found -> found.orElseThrow(NotFound::book));
    }

    @Override
    public CompletionStage<BookPage> list(ListBooksQuery query) {
        return books.list(query);
    }

    @Override
    public CompletionStage<Book> update(UpdateBookCommand c) {
        return get(c.ownerId(), c.bookId()).thenCompose(current -> {
            if (current.version() != c.expectedVersion()) {
                return CompletableFuture.failedFuture(new VersionConflict(c.expectedVersion(), current.version()));
            }
            return books.replace(c.applyTo(current, clock.instant()), c.expectedVersion());
        });
    }

    @Override
    public CompletionStage<Void> remove(String ownerId, String bookId) {
        return books.delete(ownerId, bookId).thenApply(existed -> {
            if (!existed) {
                throw NotFound.book();
            }
            return null;
        });
    }
}

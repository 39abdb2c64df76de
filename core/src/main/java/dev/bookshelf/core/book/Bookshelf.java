package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.IdGenerator;
import java.time.Clock;

/** Wires the bookshelf use cases from their ports. */
public final class Bookshelf {
    private Bookshelf() {
    }

    public static BookshelfUseCases create(BookRepository books, Clock clock, IdGenerator ids) {
        return new BookshelfService(books, clock, ids);
    }
}

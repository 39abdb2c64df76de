package dev.bookshelf.core.book;

import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import java.time.Duration;

/** Short ways to put books on shelves in tests; each new book is one second newer than the last. */
final class Shelves {
    static final String ALICE = "owner-alice";
    static final String BOB = "owner-bob";

    private final TestCore core;

    Shelves(TestCore core) {
        this.core = core;
    }

    Book add(String ownerId, String title) {
        return add(ownerId, title, "WANT_TO_READ");
    }

    Book add(String ownerId, String title, String status) {
        core.clock.advance(Duration.ofSeconds(1));
        return Await.result(core.bookshelf.add(AddBookCommand.of(ownerId, title, "Author", null, status, null, null)));
    }

    Book get(String ownerId, String bookId) {
        return Await.result(core.bookshelf.get(ownerId, bookId));
    }

    BookPage list(String ownerId, String status, Integer limit, String cursor) {
        return Await.result(core.bookshelf.list(ListBooksQuery.of(ownerId, status, limit, cursor)));
    }
}

package dev.bookshelf.core.book;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port: where books are kept, always scoped by owner. Implementations are thread-safe and never
 * block the caller. A book of another owner is indistinguishable from a missing one.
 */
public interface BookRepository {
    /**
     * Stores a new book. Fails with {@code Unauthenticated(UNKNOWN_USER)} once the owner's
     * account is being erased ({@link #deleteAll} began or its account is closing), so that no
     * book outlives its account.
     */
    CompletionStage<Void> insert(Book book);

    CompletionStage<Optional<Book>> find(String ownerId, String bookId);

    /**
     * Newest first (by creation time, then id). The cursor is opaque to callers and cannot be used
     * to reach another owner's books; a cursor that cannot be read fails with {@code InvalidInput}
     * on field {@code cursor}.
     */
    CompletionStage<BookPage> list(ListBooksQuery query);

    /**
     * Replaces the book if its stored version is still {@code expectedVersion}, atomically.
     * Fails with {@code NotFound} when it is gone and {@code VersionConflict} when it moved on.
     */
    CompletionStage<Book> replace(Book updated, long expectedVersion);

    /** Removes the book; true if it existed. Removing twice is harmless. */
    CompletionStage<Boolean> delete(String ownerId, String bookId);

    /**
     * Removes every book of the owner, however many, and refuses new ones from then on (see
     * {@link #insert}); harmless to repeat, and a repeat after a failure half way completes it.
     * Called only for an account being erased.
     */
    CompletionStage<Void> deleteAll(String ownerId);
}

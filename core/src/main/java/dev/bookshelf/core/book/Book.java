package dev.bookshelf.core.book;

import java.time.Instant;
import java.util.Objects;

/** A book on one user's shelf. {@code version} starts at 1 and grows by one on every update. */
public record Book(String id, String ownerId, String title, String author, String isbn, ReadingStatus status,
                   Integer rating, String note, long version, Instant createdAt, Instant updatedAt) {
    public Book {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

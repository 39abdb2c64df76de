package dev.bookshelf.core.contract;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.ReadingStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** Builds books for the contract; every book gets a fresh id unless told otherwise. */
public final class TestBooks {
    /** The order every listing must follow: creation time, then id, both descending. */
    public static final Comparator<Book> NEWEST_FIRST =
            Comparator.comparing(Book::createdAt).thenComparing(Book::id).reversed();

    private String id = UUID.randomUUID().toString();
    private String ownerId;
    private String title = "The Left Hand of Darkness";
    private String author = "Ursula K. Le Guin";
    private String isbn;
    private ReadingStatus status = ReadingStatus.WANT_TO_READ;
    private Integer rating;
    private String note;
    private long version = 1;
    private Instant createdAt = Instant.parse("2026-11-25T15:20:00.123Z");
    private Instant updatedAt;

    private TestBooks(String ownerId) {
        this.ownerId = ownerId;
    }

    public static TestBooks aBook(String ownerId) {
        return new TestBooks(ownerId);
    }

    /** A fresh owner id that no other test uses. */
    public static String freshOwner() {
        return "owner-" + UUID.randomUUID();
    }

    /** A copy of {@code book} as the next version, with {@code note} changed. */
    public static Book nextVersion(Book book, String note) {
        return new Book(book.id(), book.ownerId(), book.title(), book.author(), book.isbn(), book.status(),
                book.rating(), note, book.version() + 1, book.createdAt(), book.updatedAt().plusSeconds(1));
    }

    public TestBooks id(String value) {
        this.id = value;
        return this;
    }

    public TestBooks ownerId(String value) {
        this.ownerId = value;
        return this;
    }

    public TestBooks title(String value) {
        this.title = value;
        return this;
    }

    public TestBooks author(String value) {
        this.author = value;
        return this;
    }

    public TestBooks isbn(String value) {
        this.isbn = value;
        return this;
    }

    public TestBooks status(ReadingStatus value) {
        this.status = value;
        return this;
    }

    public TestBooks rating(Integer value) {
        this.rating = value;
        return this;
    }

    public TestBooks note(String value) {
        this.note = value;
        return this;
    }

    public TestBooks version(long value) {
        this.version = value;
        return this;
    }

    public TestBooks createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public TestBooks updatedAt(Instant value) {
        this.updatedAt = value;
        return this;
    }

    public Book build() {
        return new Book(id, ownerId, title, author, isbn, status, rating, note, version, createdAt,
                updatedAt == null ? createdAt : updatedAt);
    }
}

package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.Validator;

/** A new book for {@code ownerId}'s shelf; build it with {@link #of}, which validates every field. */
public record AddBookCommand(String ownerId, String title, String author, String isbn, ReadingStatus status,
                             Integer rating, String note) {

    public AddBookCommand {
        java.util.Objects.requireNonNull(ownerId, "ownerId");
        java.util.Objects.requireNonNull(title, "title");
        java.util.Objects.requireNonNull(author, "author");
        java.util.Objects.requireNonNull(status, "status");
    }

    /** Validates and normalizes raw input, reporting every broken rule at once. */
    public static AddBookCommand of(String ownerId, String title, String author, String isbn, String status,
                                    Integer rating, String note) {
        Validator v = new Validator();
        String t = BookRules.title(v, title);
        String a = BookRules.author(v, author);
        String i = Isbn.normalize(v, "isbn", isbn);
        ReadingStatus s = ReadingStatus.parse(v, "status", status, true);
        Integer r = BookRules.rating(v, rating);
        String n = BookRules.note(v, note);
        v.done();
        return new AddBookCommand(ownerId, t, a, i, s, r, n);
    }
}

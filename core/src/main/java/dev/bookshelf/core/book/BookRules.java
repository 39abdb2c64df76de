package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.Validator;

/** The limits of a book's fields, in one place for add and update. */
final class BookRules {
    static final int TITLE_MAX = 200;
    static final int AUTHOR_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int RATING_MIN = 1;
    static final int RATING_MAX = 5;

    private BookRules() {
    }

    static String title(Validator v, String title) {
        return v.text("title", strip(title), 1, TITLE_MAX);
    }

    static String author(Validator v, String author) {
        return v.text("author", strip(author), 1, AUTHOR_MAX);
    }

    static String note(Validator v, String note) {
        return v.optionalText("note", note, 0, NOTE_MAX);
    }

    static Integer rating(Validator v, Integer rating) {
        return v.optionalRange("rating", rating, RATING_MIN, RATING_MAX);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}

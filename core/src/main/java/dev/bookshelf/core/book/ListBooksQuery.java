package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.Validator;

/** One page of a shelf, newest first, optionally only one status. */
public record ListBooksQuery(String ownerId, ReadingStatus status, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListBooksQuery {
        Validator v = new Validator();
        v.optionalRange("limit", limit, 1, MAX_LIMIT);
        v.done();
    }

    /** Validates raw query input; a missing limit means {@value #DEFAULT_LIMIT}. */
    public static ListBooksQuery of(String ownerId, String status, Integer limit, String cursor) {
        Validator v = new Validator();
        ReadingStatus s = ReadingStatus.parse(v, "status", status, false);
        v.optionalRange("limit", limit, 1, MAX_LIMIT);
        v.optionalText("cursor", cursor, 1, 1024);
        v.done();
        return new ListBooksQuery(ownerId, s, limit == null ? DEFAULT_LIMIT : limit, cursor);
    }
}
